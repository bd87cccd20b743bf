import type { PackageModel } from '../core/layout.js'

/** Characters a URL parser percent-encodes in a path: these break the exact-match lookup on the phone. */
// eslint-disable-next-line no-control-regex -- control characters are among what URLs percent-encode
export const URL_UNSAFE = /[\u0000-\u0020"#<>?`{}%\\\u007f-\u{10ffff}]/u
/** Characters urlencode() changes that a URL parser leaves alone; `:` too, except a global host's port. */
export const URLENCODE_CHANGES = /[@~!$&'()*+,;=[\]|^:]/

type NamedEntry = { path: string; name: string; isHost: boolean }

/** Two rules read the same list: it is made once per package (23,000 paths split and sorted on the large tree). */
const named = new WeakMap<PackageModel, readonly NamedEntry[]>()

/** Each file and folder name once with its full path; the global host folder is skipped for `:port`. */
export function namedEntries(pkg: PackageModel): readonly NamedEntry[] {
  let out = named.get(pkg)
  if (!out) named.set(pkg, (out = listNamedEntries(pkg)))
  return out
}

function listNamedEntries(pkg: PackageModel): NamedEntry[] {
  const out: NamedEntry[] = []
  for (const p of [...pkg.directories, ...pkg.files.map((f) => f.path)]) {
    const segs = p.split('/')
    // The ID folder has its own rule.
    if (segs.length < 2) continue
    const isHost = pkg.type === 'global' && segs.length === 2 && pkg.directories.includes(p)
    out.push({ path: p, name: segs[segs.length - 1], isHost })
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

export function describeChars(name: string, re: RegExp): string {
  const found = new Set<string>()
  for (const ch of name) if (re.test(ch)) found.add(describeChar(ch))
  return [...found].join(' ')
}

/** Characters that show as nothing (or on the one before them) when quoted alone: controls, marks, spaces. */
const UNSEEN = /^[\p{C}\p{M}\p{Z}]$/u

export function describeChar(ch: string): string {
  if (ch === ' ') return 'space'
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  // a combining accent quoted alone sits on the quote mark (`'́'` says nothing); a bidi control reorders the line
  if (UNSEEN.test(ch)) return code
  return `'${ch}'`
}
