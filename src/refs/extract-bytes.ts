import { extractRefs, isClassicScript, refKindForPath } from './extract.js'
import { extractJsRefsFromBytes } from './extract-js.js'
import { decodeAs, sniffEncoding } from './decode.js'
import type { ClaimList } from './scan-claimed.js'
import type { ExtractedRefs } from './types.js'

/** Where a claimable job's bytes start in its shared buffer; the Int32 before is its claim word (0 = free). */
const CLAIMABLE_DATA_OFFSET = 8

export interface ExtractRequest {
  id: number
  path: string
  /**
   * The file's bytes, transferred; or, when `claimable`, a SharedArrayBuffer that the main thread may also take
   * the job from: whoever sets its claim word first extracts it.
   */
  bytes: ArrayBuffer | SharedArrayBuffer
  claimable?: boolean
}

/** Scan the files of a claim list from the front (see scan-claimed.ts); answered with a ClaimTally. */
export interface ClaimRequest {
  id: number
  list: ClaimList
}

/** A claimable job's shared buffer: a free claim word, then a copy of `bytes`. */
export function claimable(bytes: Buffer): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(CLAIMABLE_DATA_OFFSET + bytes.byteLength)
  bytes.copy(new Uint8Array(shared, CLAIMABLE_DATA_OFFSET))
  return shared
}

/** Takes a claimable job for the caller; false when the other side has it already. */
export function claim(shared: SharedArrayBuffer): boolean {
  return Atomics.compareExchange(new Int32Array(shared, 0, 1), 0, 0, 1) === 0
}

/** Whether a worker or the main thread has claimed the job. */
export function isClaimed(shared: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(shared, 0, 1), 0) !== 0
}

/** The file's bytes in a claimable job's shared buffer. */
export function claimedBytes(shared: SharedArrayBuffer): Buffer {
  return Buffer.from(shared, CLAIMABLE_DATA_OFFSET)
}

/**
 * Decodes (as a browser would, see sniffEncoding) and extracts (UTF-8 JavaScript is lexed from its bytes, see
 * extractJsRefsFromBytes); the caller has ruled out
 * most files already (see prefilter.ts).
 */
export function extractBytes(path: string, bytes: Buffer): ExtractedRefs {
  const kind = refKindForPath(path)
  const encoding = sniffEncoding(kind, bytes)
  if (encoding) return extractRefs(path, decodeAs(bytes, encoding))
  if (kind === 'js') {
    return { refs: extractJsRefsFromBytes(bytes, { module: !isClassicScript(path) }) }
  }
  return extractRefs(path, bytes.toString('utf8'))
}
