import { extractRefs, refKindForPath } from './extract.js'
import type { ExtractedRefs } from './types.js'

export interface ExtractRequest {
  id: number
  path: string
  bytes: ArrayBuffer
}

const NONE: ExtractedRefs = { refs: [] }

/**
 * Decoding and lexing are most of the scan's cost; a byte search (memchr speed) rules out many files first. A
 * reference needs one of these words in the bytes: CSS `url(`, `src(`, `@import`, `image-set(`; JS `import`
 * (static, dynamic, `import.meta`) or `export … from`. CSS that spells them with escapes (`\75 rl(`) is not seen.
 */
export function extractBytes(path: string, bytes: Buffer): ExtractedRefs {
  switch (refKindForPath(path)) {
    case 'css':
      if (
        !(
          bytes.includes('url(') ||
          bytes.includes('@import') ||
          bytes.includes('src(') ||
          bytes.includes('image-set(')
        )
      )
        return NONE
      break
    case 'js':
      if (!(bytes.includes('import') || (bytes.includes('export') && bytes.includes('from'))))
        return NONE
      break
  }
  return extractRefs(path, bytes.toString('utf8'))
}
