import path from 'node:path'
import type { Finding } from '../core/findings.js'
import type { PackageModel } from '../core/layout.js'

/** `p` relative to the workspace with `/` separators, or undefined when it is outside (it would attach to nothing). */
export function relativeToWorkspace(p: string, workspace: string): string | undefined {
  const rel = path.relative(workspace, p)
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return undefined
  return rel.split(path.sep).join('/')
}

/**
 * Where a finding is in the repository, for PR annotations: the real file behind its package path (the engine
 * gives it relative to the `path` input), or the package itself (the zip, or the directory for findings about
 * the whole package and for folders the layout creates, such as `ID/www`).
 */
export function sourceFileResolver(
  pkg: PackageModel,
  location: string,
  sourceKind: 'directory' | 'zip',
  workspace: string
): (f: Finding) => AnnotationTarget {
  const packageItself: AnnotationTarget = {
    file: relativeToWorkspace(location, workspace),
    own: false
  }
  let present: Set<string> | undefined
  return (f) => {
    if (sourceKind === 'zip' || f.path === undefined) return packageItself
    const under = pkg.placedUnder
    const created = under !== '' && f.path !== under && !f.path.startsWith(`${under}/`)
    if (created || f.file === '') return packageItself
    // A path the package does not have (a main entry that is missing) is no file of the repository either.
    present ??= new Set([...pkg.files.map((file) => file.path), ...pkg.directories])
    if (!present.has(f.path)) return packageItself
    return {
      file: relativeToWorkspace(path.join(location, f.file ?? f.path), workspace),
      own: true
    }
  }
}

export interface AnnotationTarget {
  /** Relative to the workspace; undefined when outside it. */
  file?: string
  /** Whether `file` is the finding's own file (so its line and column apply), not the package around it. */
  own: boolean
}
