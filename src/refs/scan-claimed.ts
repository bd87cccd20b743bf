import { readListedFile, type ListedFile } from '../core/listed-file.js'
import { extractBytes } from './extract-bytes.js'
import { mayHaveRefs } from './prefilter.js'
import type { ExtractedRefs } from './types.js'

/**
 * Validate's scan of a directory, shared between threads without a message per file: every thread gets the whole
 * list and claims files one at a time in shared memory; whoever claims a file reads, filters and extracts it.
 * Workers take them from the front (a shared cursor), the main thread from the back, so a worker still starting
 * up simply finds less to do.
 */
export interface ClaimList {
  files: Array<{ path: string; size: number; file: ListedFile }>
  /** The largest file up to SCRATCH_MAX: each thread reads into one buffer of this size. */
  scratchSize: number
  /** One word per file: 0 free, else claimed. */
  claims: Int32Array
  /** The next file from the front. */
  cursor: Int32Array
}

export interface ClaimTally {
  files: number
  bytes: number
  found: Array<{ path: string; refs: ExtractedRefs }>
}

export function createClaimList(files: ClaimList['files']): ClaimList {
  return {
    files,
    scratchSize: files.reduce((m, f) => (f.size <= SCRATCH_MAX ? Math.max(m, f.size) : m), 0),
    claims: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, files.length))),
    cursor: new Int32Array(new SharedArrayBuffer(4))
  }
}

/**
 * Scans what this thread can claim; a read error stops it and is thrown. Workers go through to the end of the
 * list. The main thread leaves files over MAIN_THREAD_MAX to them and stops at the first file a worker has;
 * `scanRest` then takes whatever is still free once the workers are done (all of it when there are none).
 */
export function scanClaimed(list: ClaimList, side: 'front' | 'back', tally: ClaimTally): void {
  const scan = scannerOf(list, tally)
  if (side === 'front') {
    const n = list.files.length
    for (let i = Atomics.add(list.cursor, 0, 1); i < n; i = Atomics.add(list.cursor, 0, 1)) scan(i)
    return
  }
  for (let i = list.files.length - 1; i >= 0; i--) {
    if (list.files[i].size > MAIN_THREAD_MAX) continue
    if (!scan(i)) return
  }
}

/** The main thread, after the workers: every file still free. */
export function scanRest(list: ClaimList, tally: ClaimTally): void {
  const scan = scannerOf(list, tally)
  for (let i = 0; i < list.files.length; i++) scan(i)
}

/** Claims file i and scans it; false when another thread has it. */
function scannerOf(list: ClaimList, tally: ClaimTally): (i: number) => boolean {
  let scratch: Buffer | undefined
  return (i) => {
    if (Atomics.compareExchange(list.claims, i, 0, 1) !== 0) return false
    const { path, file } = list.files[i]
    // Past the scratch buffer's size (a big file, or one that grew since the walk), a file gets its own.
    scratch ??= Buffer.allocUnsafeSlow(list.scratchSize)
    const bytes = readListedFile(file, scratch)
    tally.files++
    tally.bytes += bytes.length
    if (mayHaveRefs(path, bytes)) {
      const refs = extractBytes(path, bytes)
      if (refs.refs.length || refs.baseHref) tally.found.push({ path, refs })
    }
    return true
  }
}

/**
 * The lexer's Wasm memory grows to 4 bytes per character of the largest file it has seen (2 of them written) and
 * never shrinks: big files are left to the workers, so that only one thread grows that large. Measured on two
 * cores: at 1 MiB the main thread sat idle at the end while the worker went through the files above it (a quarter
 * of the scan on the 79 MB tree); at 2 MiB validate takes 0.94× the time on the 79 MB and 415 MB trees and
 * 10 MiB more at peak; at 4 MiB no faster, 56 MiB more.
 */
export const MAIN_THREAD_MAX = 2 * 1024 * 1024

/** Files up to this size are read into one reused buffer per thread. */
const SCRATCH_MAX = 8 * 1024 * 1024
