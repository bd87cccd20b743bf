import type { ResolvedConfig } from '../core/config.js'
import type { PackageModel } from '../core/layout.js'
import { splitPath } from '../core/layout.js'

/**
 * The folders a global file must sit under after its host: prefix folders, the bucket, then `<appId>_<workspace>`
 * (a pattern when app ID or workspace are not configured).
 */
export function expectedAfterHost(config: ResolvedConfig): Array<string | RegExp> {
  const appWs =
    config.appId && config.workspace
      ? `${config.appId}_${config.workspace}`
      : /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/
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
  return pkg.files
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ path: f.path, segs: f.path.slice(prefix.length).split('/') }))
}

export type GlobalPlacement =
  | { kind: 'ok'; versioned: boolean }
  | { kind: 'stray' }
  | { kind: 'mismatch'; index: number }

/**
 * Where a global file sits against the expected folders after its host: inside `<appId>_<workspace>/` (with or
 * without a version folder), above it (stray), or under a folder with the wrong name (mismatch at `index`).
 */
export function placeGlobalFile(
  segs: readonly string[],
  expected: ReadonlyArray<string | RegExp>
): GlobalPlacement {
  const folders = segs.slice(1, -1)
  for (let i = 0; i < expected.length; i++) {
    if (i >= folders.length) return { kind: 'stray' }
    if (!segmentMatches(folders[i], expected[i])) return { kind: 'mismatch', index: i }
  }
  return { kind: 'ok', versioned: folders.length > expected.length }
}
