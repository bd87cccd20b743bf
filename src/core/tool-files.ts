import path from 'node:path'
import type { ResolvedConfig } from './config.js'

/**
 * The config file and Info.plist a run reads, when they sit in the folder being checked (`validate .` beside
 * `h5offline.config.json` and `20171228/`): left out like excluded files, so that they are neither reported as
 * stray files of the package (a second top-level entry) nor packed. Paths are resolved against the working
 * directory, as the edges resolve them.
 */
export function withoutToolFiles(
  config: ResolvedConfig,
  location: string,
  files: ReadonlyArray<string | undefined>
): ResolvedConfig {
  const root = path.resolve(location)
  const patterns: string[] = []
  for (const file of files) {
    if (!file) continue
    const rel = path.relative(root, path.resolve(file))
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue
    // anchored at the source root, glob characters taken literally
    patterns.push(
      `/${rel
        .split(path.sep)
        .join('/')
        .replace(/[*?[\]{}()!+@\\]/g, '\\$&')}`
    )
  }
  return patterns.length ? { ...config, exclude: [...config.exclude, ...patterns] } : config
}
