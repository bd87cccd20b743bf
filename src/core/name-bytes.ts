import { TextDecoder } from 'node:util'

/** A name's bytes as the name-encoding finding shows them: hex pairs, space-separated. */
export function hexBytes(bytes: Buffer): string {
  return bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ')
}

let gbk: TextDecoder | null | undefined

/**
 * Most names in H5 packages that are not UTF-8 are GBK (Chinese Windows tools); their GBK reading, offered in the
 * finding as a guess. Undefined when the bytes are not GBK either, or Node was built without full ICU.
 */
export function guessGbk(bytes: Buffer): string | undefined {
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder('gbk', { fatal: true })
    } catch {
      gbk = null
    }
  }
  if (!gbk) return undefined
  try {
    return gbk.decode(bytes)
  } catch {
    return undefined
  }
}
