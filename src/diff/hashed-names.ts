/**
 * Build tools put a content hash in file names (`app.3f2a1c.js`, Vite's `index-BxK3a9Zq.js`, webpack's
 * `chunk-05e46849.33cc3897.css`), so every rebuild of a changed file is a new name. `hashedKey` replaces the
 * hash-like parts of a name with `*`: two names with the same key in the same folder are one file, renamed.
 */

/**
 * How much a token looks like a build hash. `sure`: letters and digits, as hex (6+) or base64url (8+) hashes nearly
 * always mix. `maybe`: the shapes a hash takes only now and then but words and dates take often: digits only
 * (`202401`, a month; a hex hash with no letter) or Vite's 8 base64url characters drawn with no digit
 * (`DiwrgTda`, but also `Settings`). A `maybe` pairs only with a `sure` (see `hashedName`).
 */
export function hashTokenKind(token: string): 'sure' | 'maybe' | undefined {
  // Image sizes (`bg_750x1334`, `icon-1125x2436`) mix letters and digits too, and name different files.
  if (/^\d+x\d+$/.test(token)) return undefined
  const digit = /\d/.test(token)
  const letter = /[A-Za-z]/.test(token)
  if (/^[0-9a-f]{6,64}$/.test(token) && digit) return letter ? 'sure' : 'maybe'
  if (/^[A-Za-z0-9_-]{8,64}$/.test(token) && digit && letter) return 'sure'
  if (/^[A-Za-z_-]{8}$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token)) return 'maybe'
  return undefined
}

/** Whether a token may be a build hash at all (`sure` or `maybe`). */
export function isHashToken(token: string): boolean {
  return hashTokenKind(token) !== undefined
}

/** The hash placeholder in keys; a character no file name from a zip we list can hold. */
const HASH = '\u0000'

export interface HashedName {
  /** `dir/name` with every hash-like part replaced. */
  key: string
  /** Whether one of those parts is a `sure` hash. */
  sure: boolean
}

/**
 * `dir/name` with every hash-like part of the base name replaced, or undefined when the name has none.
 * Dot-separated parts after the first (but not the extension) are hashes when hash-like; a part may also end in
 * `-<hash>` or `_<hash>` (Vite's 8-character suffix, which may itself contain `-` or `_`, is tried first).
 */
export function hashedName(filePath: string): HashedName | undefined {
  const slash = filePath.lastIndexOf('/')
  const dir = filePath.slice(0, slash + 1)
  const parts = filePath.slice(slash + 1).split('.')
  if (parts.length < 2) return undefined
  const ext = parts.pop()!
  let found = false
  let sure = false
  const note = (kind: 'sure' | 'maybe') => {
    found = true
    sure ||= kind === 'sure'
  }
  const key = parts.map((part, i) => {
    const kind = i > 0 ? hashTokenKind(part) : undefined
    if (kind) {
      note(kind)
      return HASH
    }
    const suffix = suffixHash(part)
    if (!suffix) return part
    note(suffix.kind)
    return `${part.slice(0, -suffix.length)}${HASH}`
  })
  return found ? { key: `${dir}${key.join('.')}.${ext}`, sure } : undefined
}

/** The `-<hash>` or `_<hash>` a part ends in: its length (without the separator) and kind. */
function suffixHash(part: string): { length: number; kind: 'sure' | 'maybe' } | undefined {
  // Vite: `<name>-<8 base64url characters>`
  if (part.length > 9 && part[part.length - 9] === '-') {
    const kind = hashTokenKind(part.slice(-8))
    if (kind) return { length: 8, kind }
  }
  const m = /^(.*[^-_])([-_])([A-Za-z0-9]+)$/.exec(part)
  const kind = m ? hashTokenKind(m[3]) : undefined
  return kind ? { length: m![3].length, kind } : undefined
}

/** `dir/name` with every hash-like part of the base name replaced; the path itself when the name has none. */
export function hashedKey(filePath: string): string {
  return hashedName(filePath)?.key ?? filePath
}

/** Whether the path has a hash-like part at all. */
export function hasHash(filePath: string): boolean {
  return hashedName(filePath) !== undefined
}
