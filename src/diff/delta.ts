import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { DEFAULT_LIMITS } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import { cmp } from '../core/findings.js'
import { assertNotAnInput, assertOutputPath, DELTA_OUTPUT } from '../core/output-path.js'
import { openZipSource } from '../core/zip-source.js'
import { DEFAULT_MTIME } from '../engine/pack.js'
import { isJunk, isSensitive } from '../rules/util.js'
import { directoryInputs, isCompressedMedia } from '../zip/entries.js'
import { writeZip, type ZipInput } from '../zip/writer.js'
import { differentPackages, type PackageDiff } from './diff.js'

/** The list of removed files in a delta zip, at its top level, one package path per line. */
export const REMOVED_LIST = 'removed.txt'

export interface DeltaZip {
  path: string
  sha256: string
  bytes: number
  /** Files copied from the new zip (added, changed, and renamed under their new names). */
  files: number
  removed: number
  /** Added or changed files left out, as pack leaves them out: secrets (`.env`, keys) and OS litter. */
  leftOut: string[]
  /** The new zip's own top-level `removed.txt`, left out: the delta's list has that name. */
  strayList: boolean
  /** What makes the two zips two packages rather than two versions of one (`20171228 → 77777777`), if anything. */
  differentPackages?: string
}

/**
 * An incremental update: the new zip's added and changed files (and renamed files under their new names) with
 * their folders, plus `removed.txt` listing the paths to delete (removed files and the old names of renamed ones).
 * It is for a team's own update channel, not for the MDS console: `removed.txt` beside the ID folder makes it no
 * package (single-root), and a partial package would replace the whole one on the phones.
 * Entries are streamed from the new zip (checked as they are read), nothing is extracted; the zip is reproducible
 * (fixed timestamps, sorted names).
 */
export async function writeDeltaZip(
  newZip: string,
  diff: PackageDiff,
  out: string,
  /** Every entry's date, as pack dates its entries (SOURCE_DATE_EPOCH when set). */
  mtime: Date = DEFAULT_MTIME
): Promise<DeltaZip> {
  await assertNotAnInput(out, [diff.old.path, newZip], 'delta-out')
  const candidates = [
    ...diff.added.map((f) => f.path),
    ...diff.changed.map((f) => f.path),
    ...diff.renamed.map((r) => r.path)
  ]
  // What pack never writes, the delta never writes either, whatever the new zip holds (it may come from elsewhere).
  const dropped = (p: string) => isSensitive(p) || isJunk(p)
  // A stray removed.txt at the new zip's top (not a package file: beside the ID folder) would be a second entry of
  // that name beside the delta's own list; in another case, the same file on a disk that ignores case.
  const isList = (p: string) => p.toLowerCase() === REMOVED_LIST
  const strayList = candidates.some(isList)
  const take = candidates.filter((p) => !dropped(p) && !isList(p))
  const leftOut = candidates.filter(dropped).sort(cmp)
  const removed = [...diff.removed.map((f) => f.path), ...diff.renamed.map((r) => r.from)].sort(cmp)
  // One path per line: a name with a line break would read as two paths, the second maybe a file still shipped.
  const split = removed.find((p) => /[\r\n]/.test(p))
  if (split !== undefined) {
    throw new UsageError(
      `${JSON.stringify(split)} has a line break, which removed.txt (one path per line) cannot hold: rename it, or ship the whole package`,
      'delta-out'
    )
  }
  const list = Buffer.from(removed.map((p) => `${p}\n`).join(''))
  const source = await openZipSource(newZip, {
    maxEntries: DEFAULT_LIMITS.entries,
    maxBytes: DEFAULT_LIMITS.bytes
  })
  try {
    const sizes = new Map(source.entries.map((e) => [e.name, e.size]))
    const inputs: ZipInput[] = [
      ...directoryInputs(take),
      ...take.map(
        (name): ZipInput => ({
          name,
          kind: 'file',
          size: sizes.get(name) ?? 0,
          compress: !isCompressedMedia(name),
          open: () => source.open(name)
        })
      ),
      {
        name: REMOVED_LIST,
        kind: 'file' as const,
        size: list.length,
        compress: true,
        open: () => Readable.from([list])
      }
    ].sort((a, b) => cmp(a.name, b.name))
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true })
    await assertOutputPath(out, 'delta-out', DELTA_OUTPUT)
    const zip = await writeZip(out, inputs, { mtime })
    const other = differentPackages(diff)
    return {
      path: out,
      sha256: zip.sha256,
      bytes: zip.bytes,
      files: take.length,
      removed: removed.length,
      leftOut,
      strayList,
      ...(other && { differentPackages: other })
    }
  } finally {
    await source.close()
  }
}

/** What the edges say about a delta beyond its counts: what was left out and why, and whether it is a real delta. */
export function deltaNotes(delta: DeltaZip): { notes: string[]; warning?: string } {
  const notes: string[] = []
  if (delta.leftOut.length)
    notes.push(
      `left out of the delta, as pack leaves them out (secrets, OS litter): ${delta.leftOut.map((p) => JSON.stringify(p)).join(', ')}`
    )
  if (delta.strayList)
    notes.push(
      `left out of the delta: the new zip's own "${REMOVED_LIST}" at its top (beside the ID folder, so no file of the package), which would be a second entry beside the delta's list`
    )
  return {
    notes,
    ...(delta.differentPackages && {
      warning: `the delta is between two different packages (${delta.differentPackages}), not two versions of one: applied to the old package it does not make the new one`
    })
  }
}
