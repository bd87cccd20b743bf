/**
 * Build tools put a content hash in file names (`app.3f2a1c.js`, Vite's `index-BxK3a9Zq.js`, webpack's
 * `chunk-05e46849.33cc3897.css`), so every rebuild of a changed file is a new name. `hashedKey` replaces the
 * hash-like parts of a name with `*`: two names with the same key in the same folder are one file, renamed.
 */

/** A hash-like token: hex with a digit (6+), or base64url/alphanumeric (8+) with a digit, or Vite's 8 mixed-case letters. */
export function isHashToken(token: string): boolean {
  if (/^[0-9a-f]{6,64}$/.test(token) && /\d/.test(token)) return true
  if (/^[A-Za-z0-9_-]{8,64}$/.test(token) && /\d/.test(token) && /[A-Za-z]/.test(token)) return true
  // Vite/Rollup's default: 8 base64url characters, which may be letters only (`DiwrgTda`)
  return /^[A-Za-z_-]{8}$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token)
}

/** The hash placeholder in keys; a character no file name from a zip we list can hold. */
const HASH = '\u0000'

/**
 * `dir/name` with every hash-like part of the base name replaced; the key equals the path when the name has none.
 * Dot-separated parts after the first (but not the extension) are hashes when hash-like; a part may also end in
 * `-<hash>` or `_<hash>` (Vite's 8-character suffix, which may itself contain `-` or `_`, is tried first).
 */
export function hashedKey(filePath: string): string {
  const slash = filePath.lastIndexOf('/')
  const dir = filePath.slice(0, slash + 1)
  const parts = filePath.slice(slash + 1).split('.')
  if (parts.length < 2) return filePath
  const ext = parts.pop()!
  const key = parts.map((part, i) => {
    if (i > 0 && isHashToken(part)) return HASH
    return stripSuffixHash(part)
  })
  return `${dir}${key.join('.')}.${ext}`
}

function stripSuffixHash(part: string): string {
  // Vite: `<name>-<8 base64url characters>`
  if (part.length > 9 && part[part.length - 9] === '-' && isHashToken(part.slice(-8)))
    return `${part.slice(0, -8)}${HASH}`
  const m = /^(.*[^-_])([-_])([A-Za-z0-9]+)$/.exec(part)
  if (m && isHashToken(m[3])) return `${m[1]}${m[2]}${HASH}`
  return part
}

/** Whether the path has a hash-like part at all (only such names are paired by key). */
export function hasHash(filePath: string): boolean {
  return hashedKey(filePath) !== filePath
}
