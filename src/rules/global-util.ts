import type { ResolvedConfig } from '../core/config.js'
import type { PackageModel } from '../core/layout.js'
import { splitPath } from '../core/layout.js'

/**
 * The folders a global file must sit under after its host: prefix folders, the bucket, then `<appId>_<workspace>`
 * (a pattern when app ID or workspace are not configured).
 */
export function expectedAfterHost(config: ResolvedConfig): Array<string | RegExp> {
  const appWs =
    config.appId && config.workspace ? `${config.appId}_${config.workspace}` : /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/
  return [...splitPath(config.prefix), ...(config.bucket ? [config.bucket] : []), appWs]
}

export function segmentMatches(seg: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? seg === expected : expected.test(seg)
}

export function describeExpected(expected: string | RegExp): string {
  return typeof expected === 'string' ? expected : '<appId>_<workspace>'
}

/** Files of a global package under the ID folder, split into segments after the ID. */
export function globalFiles(pkg: PackageModel): Array<{ path: string; segs: string[] }> {
  if (pkg.type !== 'global' || !pkg.id) return []
  const prefix = `${pkg.id}/`
  return pkg.files.filter((f) => f.path.startsWith(prefix)).map((f) => ({ path: f.path, segs: f.path.slice(prefix.length).split('/') }))
}

/** Number of folders between the ID folder and a global file's own path: host + expected folders. */
export function globalBaseDepth(config: ResolvedConfig): number {
  return 1 + expectedAfterHost(config).length
}
