import { hasUtf16Bom } from './decode.js'
import { refKindForPath } from './extract.js'
import { mayHaveChunkFolder } from './extract-webpack.js'

/**
 * Decoding and lexing are most of the reference scan's cost, and most big files have nothing to find: a bundle
 * full of the word `import` rarely imports a URL. These byte tests (Buffer.indexOf, memchr speed, no decoding)
 * answer "may this file hold a reference?" on the main thread, before a byte is copied to a worker.
 *
 * They must never say no to a file the extractors would find a reference in (test/refs-prefilter.test.ts checks
 * that on real files and on generated ones), so every doubt says yes: bytes past ASCII count as possible
 * whitespace, comments are skipped, an escape at the start of a specifier passes, and words inside strings or
 * comments are candidates like real ones.
 */
export function mayHaveRefs(pkgPath: string, bytes: Buffer): boolean {
  // UTF-16 text has a NUL between ASCII bytes: no byte test below would see it.
  if (hasUtf16Bom(bytes)) return refKindForPath(pkgPath) !== undefined
  switch (refKindForPath(pkgPath)) {
    case 'html':
      return true
    case 'css':
      return cssMayHaveRefs(bytes)
    case 'js':
      return jsMayHaveRefs(bytes) || mayHaveChunkFolder(bytes)
    default:
      return false
  }
}

const QUOTE = 0x27
const DQUOTE = 0x22
const BACKTICK = 0x60
const SLASH = 0x2f
const DOT = 0x2e
const PAREN = 0x28
const CLOSE_PAREN = 0x29
const STAR = 0x2a
const BACKSLASH = 0x5c
const COLON = 0x3a
const AT = 0x40
const HASH = 0x23

/**
 * What the CSS extractor reports: `url(…)`, `src(…)`, `image-set(…)` (any prefix) and `@import`, names in any
 * case (`URL(` is `url(`). A `url(` whose value is a `data:` URI or a fragment (`url(#clip)`) is no reference,
 * and stylesheets full of inlined icons are common. Names spelled with escapes (`\75 rl(`) are not seen: browsers
 * accept them, no tool emits them.
 */
export function cssMayHaveRefs(b: Buffer): boolean {
  for (let i = b.indexOf(AT); i !== -1; i = b.indexOf(AT, i + 1)) {
    if (nameAt(b, i + 1, 'import')) return true
  }
  for (let i = b.indexOf(PAREN); i !== -1; i = b.indexOf(PAREN, i + 1)) {
    if (nameAt(b, i - 3, 'url')) {
      if (!inlineOrFragment(b, i + 1)) return true
    } else if (nameAt(b, i - 3, 'src') || nameAt(b, i - 9, 'image-set')) {
      return true
    }
  }
  return false
}

/**
 * Whether the `url(` argument at `i` is a `data:` URI or a fragment, which the extractor drops. A quoted one is a
 * function argument, and the extractor takes every string up to the `)`: it must close on its line (a string cut by
 * a line end is a bad string, and a real one can follow: `url("data:x` newline `'a.png')`) and be the last thing
 * before the `)` (`url('#f' "a.png")`). An escape in it gets the benefit of the doubt too.
 */
function inlineOrFragment(b: Buffer, i: number): boolean {
  while (i < b.length && b[i] <= 0x20) i++
  const quote = b[i] === QUOTE || b[i] === DQUOTE ? b[i] : undefined
  if (quote !== undefined) {
    i++
    while (i < b.length && b[i] <= 0x20) i++
  }
  if (b[i] !== HASH && !nameAt(b, i, 'data:')) return false
  if (quote === undefined) return true
  for (let k = i; k < b.length; k++) {
    const c = b[k]
    if (c === quote) {
      k++
      while (k < b.length && b[k] <= 0x20) k++
      return b[k] === CLOSE_PAREN
    }
    if (c === 0x0a || c === 0x0d || c === 0x0c || c === BACKSLASH) return false
  }
  return false
}

/** Whether the bytes at `i` spell `lower` in ASCII, any case. */
function nameAt(b: Buffer, i: number, lower: string): boolean {
  if (i < 0 || i + lower.length > b.length) return false
  for (let k = 0; k < lower.length; k++) {
    const c = b[i + k]
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(k)) return false
  }
  return true
}

/**
 * What the JS extractor (es-module-lexer) reports, and the bytes each needs:
 * - `import(…)`: `import`, trivia, `(`, trivia, a quote or backtick, a URL specifier start;
 * - `new URL('./x', import.meta.url)`: `import`, trivia, `.`, trivia, `meta`;
 * - any other `import`: the first quote after the keyword, whatever lies between (`import {a as b} from './x'`;
 *   the lexer even takes `import xfrom './x'`), then a URL specifier start;
 * - `export … from './x'` (and `import {"a b" as c} from './x'`, whose first quote is a name): `from`, trivia, a
 *   quote, a URL specifier start.
 * A keyword next to an identifier character (`_import`, `importScripts`, `datafrom`) is not one. Static imports and
 * re-exports written in comments (`// import x from './x'`, JSDoc `* import {A} from '../a.js'`, `@import`) are
 * common in bundles and are passed over: see inCommentLine.
 */
export function jsMayHaveRefs(b: Buffer): boolean {
  // Crafted input (thousands of `import /*` with no end) must not make this quadratic: past a budget of bytes
  // skipped, the lexer decides. Quote searches are shared between keywords for the same reason.
  let budget = 4 * b.length + 4096
  const skip = (from: number): number => {
    const to = skipTrivia(b, from)
    budget -= to - from
    return to
  }
  let quoteFrom = -1
  let quoteAt = -1
  for (let i = b.indexOf('import'); i !== -1; i = b.indexOf('import', i + 6)) {
    if ((i > 0 && isIdentByte(b[i - 1])) || isIdentByte(b[i + 6])) continue
    const j = skip(i + 6)
    if (budget < 0) return true
    const c = b[j]
    // `import */`: the word ends a block comment (`/* harmony import */` in every webpack development build).
    if (c === STAR && b[j + 1] === SLASH) continue
    if (c === DOT) {
      if (nameAt(b, skip(j + 1), 'meta')) return true
    } else if (c === PAREN) {
      const k = skip(j + 1)
      const q = b[k]
      if ((q === QUOTE || q === DQUOTE || q === BACKTICK) && urlSpecifierStart(b, k + 1))
        return true
    } else if (!inCommentLine(b, i)) {
      if (quoteFrom === -1 || j < quoteFrom || (quoteAt !== -1 && quoteAt < j)) {
        quoteFrom = j
        quoteAt = firstQuote(b, j)
        budget -= (quoteAt === -1 ? b.length : quoteAt) - j
      }
      if (quoteAt !== -1 && urlSpecifierStart(b, quoteAt + 1)) return true
    }
    if (budget < 0) return true
  }
  for (let i = b.indexOf('from'); i !== -1; i = b.indexOf('from', i + 4)) {
    if (i > 0 && isIdentByte(b[i - 1])) continue
    const j = skip(i + 4)
    if (budget < 0) return true
    const c = b[j]
    // The line's look last: most hits are `Array.from(`.
    if ((c === QUOTE || c === DQUOTE) && urlSpecifierStart(b, j + 1) && !inCommentLine(b, i)) {
      return true
    }
  }
  return false
}

/** How far back a comment line's start is looked for; past it, the keyword counts as code. */
const LINE_LOOKBACK = 256

/**
 * Whether the keyword at `i` sits in a comment by the look of its line, which is enough for static imports and
 * re-exports: they are never inside a template literal or an expression, so a line that starts (after spaces)
 * with `//`, `/*`, or `* import` / `* @` (a JSDoc line) cannot hold one before the keyword — unless something on
 * the line before it could end a comment, string or template the line began in: `*` + `/`, a quote, a backtick, or
 * U+2028/2029 (whose UTF-8 starts with 0xE2). Not for `import(` or `import.meta`, which can follow `*` in code
 * (`a\n* import('./x')`). A line is cut at CR and LF.
 */
function inCommentLine(b: Buffer, i: number): boolean {
  const floor = Math.max(0, i - LINE_LOOKBACK)
  let start = i
  while (start > floor && b[start - 1] !== 0x0a && b[start - 1] !== 0x0d) start--
  if (start === floor && floor > 0) return false
  const line = b.subarray(start, i)
  let k = 0
  while (k < line.length && (line[k] === 0x20 || line[k] === 0x09)) k++
  if (line[k] !== SLASH && line[k] !== STAR) return false
  for (const c of line) {
    if (c === QUOTE || c === DQUOTE || c === BACKTICK || c === 0xe2) return false
  }
  if (line.includes('*/', k)) return false
  if (line[k] === SLASH) return line[k + 1] === SLASH || line[k + 1] === STAR
  let t = k + 1
  while (t < line.length && (line[t] === 0x20 || line[t] === 0x09)) t++
  // On the full buffer: the keyword at `i` may be the `import` itself.
  return line[t] === AT || (t > k + 1 && nameAt(b, start + t, 'import'))
}

function firstQuote(b: Buffer, from: number): number {
  const s = b.indexOf(QUOTE, from)
  const d = b.indexOf(DQUOTE, from)
  return s === -1 ? d : d === -1 ? s : Math.min(s, d)
}

/** `./`, `../`, `/` or `scheme:` (see isUrlSpecifier), or an escape we do not decode. */
function urlSpecifierStart(b: Buffer, i: number): boolean {
  const c = b[i]
  if (c === DOT || c === SLASH || c === BACKSLASH) return true
  if (!isAsciiLetter(c)) return false
  // Schemes are short; a long run of letters gets the benefit of the doubt rather than a long scan.
  const end = Math.min(b.length, i + 64)
  let k = i + 1
  while (k < end && isSchemeByte(b[k])) k++
  return k === end || b[k] === COLON
}

/** Index of the first byte at or after `i` that is not whitespace or a comment; bytes past ASCII count as space. */
function skipTrivia(b: Buffer, i: number): number {
  for (;;) {
    while (i < b.length && (b[i] <= 0x20 || b[i] >= 0x80)) i++
    if (b[i] !== SLASH) return i
    if (b[i + 1] === STAR) {
      const end = b.indexOf('*/', i + 2)
      if (end === -1) return b.length
      i = end + 2
    } else if (b[i + 1] === SLASH) {
      // A line comment ends at CR, LF or U+2028/2029 (whose UTF-8 starts with 0xE2: any 0xE2 ends it here).
      i += 2
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0xe2) i++
    } else {
      return i
    }
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
}

function isSchemeByte(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === DOT
}

function isIdentByte(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x24 || c === 0x5f
}
