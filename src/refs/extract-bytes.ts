import { extractRefs } from './extract.js'
import type { ExtractedRefs } from './types.js'

export interface ExtractRequest {
  id: number
  path: string
  bytes: ArrayBuffer
}

/** Decodes and extracts; the caller has ruled out most files already (see prefilter.ts). */
export function extractBytes(path: string, bytes: Buffer): ExtractedRefs {
  return extractRefs(path, bytes.toString('utf8'))
}
