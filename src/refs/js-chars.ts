/** Whether a UTF-16 code unit can be part of a JavaScript identifier (non-ASCII ones all may: no guessing). */
export function isIdentChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x24 ||
    c === 0x5f ||
    c > 0x7f
  )
}
