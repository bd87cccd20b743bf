import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { DEFAULT_LIMITS } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import { cmp } from '../core/findings.js'
import { typeOfPaths, type PackageType } from '../core/layout.js'
import { openZipSource } from '../core/zip-source.js'
import { hashedName } from './hashed-names.js'

/**
 * The difference between two package zips, read through the same zip source as validation (the central directory
 * is listed, entries are streamed and checked; nothing is extracted). Files are compared by SHA-256 of their
 * content; hashed build names are paired as renames.
 */

export interface ZipListing {
  /** The zip as given. */
  path: string
  /** Size of the zip file. */
  bytes: number
  /** Files by name, with their uncompressed size and content hash. */
  files: Map<string, { size: number; sha256: string }>
  /** Entries the zip source refused to read (unsafe names, links, encryption…), by name. */
  skipped: string[]
}

export interface FileChange {
  path: string
  oldSize: number
  newSize: number
  delta: number
}

export interface Rename extends FileChange {
  from: string
  /** Whether the content differs too (a rebuilt hashed file usually does). */
  changed: boolean
  /** How the pair was found: the same name but for a build hash, or the same content. */
  by: 'hash-name' | 'content'
}

export interface TypeDelta {
  type: string
  oldFiles: number
  newFiles: number
  oldBytes: number
  newBytes: number
  delta: number
}

export interface Grower {
  path: string
  kind: 'added' | 'changed' | 'renamed'
  delta: number
  oldSize: number
  newSize: number
}

export interface PackageDiff {
  old: ZipSummary
  new: ZipSummary
  added: Array<{ path: string; size: number }>
  removed: Array<{ path: string; size: number }>
  changed: FileChange[]
  renamed: Rename[]
  unchanged: number
  byType: TypeDelta[]
  /** The files that grew most (added, changed or renamed), largest growth first. */
  growers: Grower[]
  /** Entries of either zip that could not be read and were left out of the comparison. */
  skipped: { old: string[]; new: string[] }
}

export const GROWERS = 10

/** Lists a zip and hashes every readable file. Throws (a UsageError for a damaged or unreadable zip) on bad input. */
export async function listZip(zipPath: string): Promise<ZipListing> {
  const stat = await fs.stat(zipPath).catch(() => undefined)
  if (!stat) throw new UsageError(`${zipPath} does not exist: give a package zip`, zipPath)
  if (stat.isDirectory())
    throw new UsageError(
      `${zipPath} is a folder, and diff compares zips: run h5-offline pack ${zipPath} --out <file.zip> first, then diff that zip`,
      zipPath
    )
  if (!stat.isFile())
    throw new UsageError(`${zipPath} is not a zip file (not a regular file)`, zipPath)
  const bytes = stat.size
  const source = await openZipSource(zipPath, {
    maxEntries: DEFAULT_LIMITS.entries,
    maxBytes: DEFAULT_LIMITS.bytes
  })
  try {
    const files = new Map<string, { size: number; sha256: string }>()
    for (const entry of source.entries) {
      if (entry.kind !== 'file') continue
      const hash = createHash('sha256')
      for await (const chunk of source.open(entry.name)) hash.update(chunk as Buffer)
      files.set(entry.name, { size: entry.size, sha256: hash.digest('hex') })
    }
    return { path: zipPath, bytes, files, skipped: source.issues.map((i) => i.name) }
  } finally {
    await source.close()
  }
}

export async function diffZips(oldZip: string, newZip: string): Promise<PackageDiff> {
  const [a, b] = await Promise.all([listZip(oldZip), listZip(newZip)])
  return diffListings(a, b)
}

/** The comparison itself, on two listings (pure). */
export function diffListings(a: ZipListing, b: ZipListing): PackageDiff {
  const removedNames: string[] = []
  const addedNames: string[] = []
  const changed: FileChange[] = []
  let unchanged = 0
  for (const [name, was] of a.files) {
    const now = b.files.get(name)
    if (!now) removedNames.push(name)
    else if (now.sha256 === was.sha256) unchanged++
    else changed.push(change(name, was.size, now.size))
  }
  for (const name of b.files.keys()) if (!a.files.has(name)) addedNames.push(name)

  const renamed = pairRenames(removedNames, addedNames, a, b)
  const paired = new Set(renamed.flatMap((r) => [r.from, r.path]))
  const removed = removedNames
    .filter((n) => !paired.has(n))
    .map((n) => ({ path: n, size: a.files.get(n)!.size }))
  const added = addedNames
    .filter((n) => !paired.has(n))
    .map((n) => ({ path: n, size: b.files.get(n)!.size }))

  const growers: Grower[] = [
    ...added.map((f) => ({
      path: f.path,
      kind: 'added' as const,
      delta: f.size,
      oldSize: 0,
      newSize: f.size
    })),
    ...changed.map((c) => ({ ...c, kind: 'changed' as const })),
    ...renamed.map((r) => ({
      path: r.path,
      kind: 'renamed' as const,
      delta: r.delta,
      oldSize: r.oldSize,
      newSize: r.newSize
    }))
  ]
    .filter((g) => g.delta > 0)
    .sort((x, y) => y.delta - x.delta || cmp(x.path, y.path))
    .slice(0, GROWERS)

  return {
    old: summary(a),
    new: summary(b),
    added: added.sort((x, y) => cmp(x.path, y.path)),
    removed: removed.sort((x, y) => cmp(x.path, y.path)),
    changed: changed.sort((x, y) => cmp(x.path, y.path)),
    renamed: renamed.sort((x, y) => cmp(x.path, y.path)),
    unchanged,
    byType: byType(a, b),
    growers,
    skipped: { old: a.skipped, new: b.skipped }
  }
}

/**
 * Removed and added names that share a hashed key (same folder, same name but for the build hash) are one file
 * renamed, when the key is unambiguous (one of each) and one of the two has a sure hash: `report_202401.csv` and
 * `report_202402.csv`, or `user-Settings.svg` and `user-Profiles.svg`, are two files. Of the rest, a removed and an added file with identical
 * content (one of each) are a move.
 */
function pairRenames(removed: string[], added: string[], a: ZipListing, b: ZipListing): Rename[] {
  const renames: Rename[] = []
  const group = (names: string[], key: (n: string) => string | undefined) => {
    const m = new Map<string, string[]>()
    for (const n of names) {
      const k = key(n)
      if (k === undefined) continue
      const list = m.get(k) ?? []
      list.push(n)
      m.set(k, list)
    }
    return m
  }
  const pair = (
    by: Rename['by'],
    key: (n: string) => string | undefined,
    accept: (from: string, to: string) => boolean = () => true
  ) => {
    const taken = new Set(renames.flatMap((r) => [r.from, r.path]))
    const olds = group(
      removed.filter((n) => !taken.has(n)),
      key
    )
    const news = group(
      added.filter((n) => !taken.has(n)),
      key
    )
    for (const [k, from] of olds) {
      const to = news.get(k)
      if (from.length !== 1 || to?.length !== 1 || !accept(from[0], to[0])) continue
      const was = a.files.get(from[0])!
      const now = b.files.get(to[0])!
      renames.push({
        ...change(to[0], was.size, now.size),
        from: from[0],
        changed: was.sha256 !== now.sha256,
        by
      })
    }
  }
  pair(
    'hash-name',
    (n) => hashedName(n)?.key,
    (from, to) => Boolean(hashedName(from)?.sure || hashedName(to)?.sure)
  )
  pair('content', (n) => (a.files.get(n) ?? b.files.get(n))!.sha256)
  return renames
}

function change(path: string, oldSize: number, newSize: number): FileChange {
  return { path, oldSize, newSize, delta: newSize - oldSize }
}

export interface ZipSummary {
  path: string
  bytes: number
  files: number
  contentBytes: number
  /** The top folder every file is in (the package ID), when there is one. */
  id?: string
  /** With an ID: global when its files are under `<host>/…/<appId>_<workspace>/`, as validate guesses it. */
  type?: PackageType
}

function summary(l: ZipListing): ZipSummary {
  let contentBytes = 0
  const tops = new Set<string>()
  for (const [name, f] of l.files) {
    contentBytes += f.size
    // A file at the top is in no folder: no ID then.
    tops.add(name.includes('/') ? name.slice(0, name.indexOf('/')) : '')
  }
  const id = tops.size === 1 ? [...tops][0] || undefined : undefined
  return {
    path: l.path,
    bytes: l.bytes,
    files: l.files.size,
    contentBytes,
    ...(id && { id, type: typeOfPaths(l.files.keys(), id) })
  }
}

/**
 * Two different package IDs, or a standard and a global package: a diff (or a delta) between two packages, not two
 * versions of one. Names what differs: `20171228 → 77777777`, `standard → global`, or both.
 */
export function differentPackages(d: PackageDiff): string | undefined {
  const { old: a, new: b } = d
  if (!a.id || !b.id) return undefined
  const ids = a.id !== b.id
  const types = a.type !== undefined && b.type !== undefined && a.type !== b.type
  if (ids && types) return `${a.id} ${a.type} → ${b.id} ${b.type}`
  if (ids) return `${a.id} → ${b.id}`
  if (types) return `${a.type} → ${b.type}`
  return undefined
}

export function typeOf(p: string): string {
  const name = p.slice(p.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '(none)'
}

function byType(a: ZipListing, b: ZipListing): TypeDelta[] {
  const rows = new Map<string, TypeDelta>()
  const row = (t: string) => {
    let r = rows.get(t)
    if (!r) {
      r = { type: t, oldFiles: 0, newFiles: 0, oldBytes: 0, newBytes: 0, delta: 0 }
      rows.set(t, r)
    }
    return r
  }
  for (const [name, f] of a.files) {
    const r = row(typeOf(name))
    r.oldFiles++
    r.oldBytes += f.size
  }
  for (const [name, f] of b.files) {
    const r = row(typeOf(name))
    r.newFiles++
    r.newBytes += f.size
  }
  for (const r of rows.values()) r.delta = r.newBytes - r.oldBytes
  return [...rows.values()].sort(
    (x, y) => Math.abs(y.delta) - Math.abs(x.delta) || cmp(x.type, y.type)
  )
}
