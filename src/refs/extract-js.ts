/**
 * JavaScript URL references, found with es-module-lexer (a Wasm lexer: no AST,
 * hundreds of MB/s, exact offsets):
 *
 * - static `import … from '…'`, `import '…'`, `export … from '…'`  → `js-import`
 * - `import('…')` whose argument is a string literal or a template literal
 *   without `${…}`                                                     → `js-dynamic-import`
 * - `new URL('…', import.meta.url)` (string or substitution-free template) → `js-new-url`
 *   The lexer reports every real `import.meta` (never one inside a string or
 *   comment); around each one we check for exactly this call shape.
 *
 * Not returned (documented limits):
 * - bare specifiers (`react`, `@scope/x`, `.`): only `./`, `../`, `/` and
 *   `scheme:` specifiers are URLs (HTML "resolve a module specifier"); bare ones
 *   need an import map and are not package files;
 * - computed specifiers (`import(name)`, ``import(`./l/${x}.js`)``), other string
 *   literals (`fetch('x.json')`, `importScripts('w.js')`, `new Worker('w.js')`
 *   without `import.meta.url`, bundler chunk maps): no guessing;
 * - TypeScript type-only imports;
 * - in classic scripts (`module: false`): static imports and `import.meta`
 *   (both are syntax errors there), so only dynamic `import()`.
 *
 * Malformed JS never throws. On a lexer error we re-lex the longest prefix we
 * can: the text before the reported error, with brackets left open closed; for
 * errors reported at EOF (unterminated string/template/regex) the text before
 * the last quote/slash or before one of the last `import` keywords. References
 * before the error are returned; references after it are lost.
 */
import { isAscii, isUtf8 } from 'node:buffer'
import { parse, type Import } from 'es-module-lexer'
import { isNonReference } from './extract.js'
import { chunkFolderRefs } from './extract-webpack.js'
import { isIdentChar } from './js-chars.js'
import { LineIndex, stripBom } from './location.js'
import type { JsExtractOptions, OffsetRef, RawRef } from './types.js'

/** URL references in a JS file. Positions: see `types.ts`. */
export function extractJsRefs(text: string, opts?: JsExtractOptions): RawRef[] {
  const src = stripBom(text)
  const found = scanJs(src, opts?.module ?? true)
  if (found.length === 0) return []
  const lines = new LineIndex(src)
  return found.map((r) => {
    const { line, column } = lines.position(r.offset)
    return {
      url: r.url,
      line,
      column,
      kind: r.kind,
      ...(r.suffix !== undefined && { suffix: r.suffix })
    }
  })
}

/**
 * URL references in a JS file given as its UTF-8 bytes: the same as `extractJsRefs(bytes.toString('utf8'))`,
 * cheaper for text that is not all ASCII. Such text is lexed as Latin-1 — one character per byte — where UTF-8
 * decoding would make a string of 2 bytes per character (most big bundles have a few non-ASCII characters in
 * comments or strings: Cesium.js's 15.8 MB, 559 of them, became a 32 MB string) and, on Node 20, take 4 times as
 * long. It lexes the same: outside strings, comments and templates a non-ASCII character can only be part of an
 * identifier, and so is every byte of its UTF-8 form, to the lexer — but 0xA0, which as Latin-1 is a no-break
 * space (whitespace to the lexer): it is read as 0xA1 instead. Text where the lexer would see non-ASCII
 * whitespace or a line end (a real no-break space, U+2028, U+2029, a BOM inside the text), text that is not
 * valid UTF-8 and a reference with a non-ASCII character in it (rare; its URL must be decoded) take the UTF-8
 * path. Columns are counted in UTF-16 units of the decoded line, as `extractJsRefs` counts them.
 */
export function extractJsRefsFromBytes(bytes: Buffer, opts?: JsExtractOptions): RawRef[] {
  // The UTF-8 BOM, which extractJsRefs strips from the decoded text.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (isAscii(bytes) || !isUtf8(bytes) || !lexesAsLatin1(bytes, bom)) {
    return extractJsRefs(bytes.toString('utf8'), opts)
  }
  let src = bytes.toString('latin1', bom)
  if (bytes.indexOf(0xa0) !== -1) src = src.replaceAll('\u00a0', '\u00a1')
  const found = scanJs(src, opts?.module ?? true)
  if (found.length === 0) return []
  if (found.some((r) => !isAsciiString(r.url))) return extractJsRefs(bytes.toString('utf8'), opts)
  const lines = new LineIndex(src)
  return found.map((r) => {
    const { line, column } = lines.position(r.offset)
    const lineStart = bom + r.offset - column + 1
    const before = bytes.subarray(lineStart, bom + r.offset)
    return {
      url: r.url,
      line,
      column: isAscii(before) ? column : before.toString('utf8').length + 1,
      kind: r.kind,
      ...(r.suffix !== undefined && { suffix: r.suffix })
    }
  })
}

/** UTF-8 forms of the non-ASCII characters the lexer or newUrlAround take for whitespace or a line end. */
const NOT_LATIN1_SAFE = ['\u00a0', '\u2028', '\u2029', '\ufeff'].map((c) => Buffer.from(c))

/** None of NOT_LATIN1_SAFE after the leading BOM (`bom` bytes). */
function lexesAsLatin1(bytes: Buffer, bom: number): boolean {
  return NOT_LATIN1_SAFE.every((seq) => bytes.indexOf(seq, bom) === -1)
}

function isAsciiString(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\x00-\x7f]/.test(s)
}

/**
 * True for specifiers a browser resolves as URLs: `./`, `../`, `/` prefixes or
 * an absolute URL with a scheme. Everything else is bare (`react`, `@a/b`, `.`).
 */
export function isUrlSpecifier(spec: string): boolean {
  const c = spec.charCodeAt(0)
  if (c === 0x2f) return true // '/'
  if (c === 0x2e) return spec.startsWith('./') || spec.startsWith('../')
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(spec)
}

/** Offsets of references in `src` (no BOM handling, no line mapping). */
export function scanJs(src: string, isModule: boolean): OffsetRef[] {
  const out: OffsetRef[] = chunkFolderRefs(src)
  // Fast exit: every other reference needs the `import` or the `export` keyword (`export * from './a.js'`).
  if (src.indexOf('import') === -1 && src.indexOf('export') === -1) return out
  const imports = lex(src)
  if (imports === undefined) return out
  for (const imp of imports) {
    if (imp.type === 'static' || imp.type === 'reexport-star') {
      if (!isModule || imp.typeOnly) continue
      const url = imp.specifier
      if (isUrlSpecifier(url) && !isNonReference(url)) {
        out.push({ url, offset: imp.start, kind: 'js-import' })
      }
    } else if (imp.type === 'dynamic') {
      const url = imp.specifier
      if (url === undefined || imp.glob) continue
      if (!isUrlSpecifier(url) || isNonReference(url)) continue
      // `start` is at the opening quote / backtick (comments before it are skipped by the lexer).
      const q = src.charCodeAt(imp.start)
      const offset = q === 0x27 || q === 0x22 || q === 0x60 ? imp.start + 1 : imp.start
      out.push({ url, offset, kind: 'js-dynamic-import' })
    } else if (isModule) {
      const ref = newUrlAround(src, imp.start, imp.end)
      if (ref !== undefined && !isNonReference(ref.url)) out.push(ref)
    }
  }
  return out
}

/** Appended to text whose brackets are still open at EOF; the lexer only counts nesting depth. */
const CLOSERS = '\n' + '}'.repeat(512)
/** Upper bound on re-lexing attempts for one malformed file. */
const MAX_RECOVERY_CUTS = 12

type LexResult = { imports: readonly Import[] } | { idx: number }

function tryParse(text: string): LexResult {
  try {
    return { imports: parse(text)[0] }
  } catch (err) {
    const idx = (err as { idx?: unknown }).idx
    return { idx: typeof idx === 'number' ? idx : -1 }
  }
}

/**
 * Runs the lexer. On a parse error, returns the imports of the longest prefix
 * that lexes (brackets left open are closed), so references before the error
 * survive. Returns undefined if nothing could be lexed.
 */
function lex(src: string): readonly Import[] | undefined {
  const first = tryParse(src)
  if ('imports' in first) return first.imports
  // An error in the middle is reported where it is; an error at EOF (idx 0 or
  // src.length: open brackets, unterminated string/template/regex) is not.
  const limit = first.idx > 0 && first.idx < src.length ? first.idx : src.length
  const direct = lexPrefix(src, limit)
  if (direct !== undefined) return direct
  // Cut before the construct left open: the last quote, backtick or slash
  // (string, template, regex), else before one of the last `import` keywords.
  const cuts = new Set<number>()
  for (const ch of ['"', "'", '`', '/']) {
    const k = src.lastIndexOf(ch, limit - 1)
    if (k > 0) cuts.add(k)
  }
  for (let k = src.lastIndexOf('import', limit - 1); k > 0 && cuts.size < MAX_RECOVERY_CUTS; ) {
    cuts.add(k)
    k = src.lastIndexOf('import', k - 1)
  }
  for (const cut of [...cuts].sort((x, y) => y - x)) {
    const r = lexPrefix(src, cut)
    if (r !== undefined) return r
  }
  return undefined
}

/** Imports of `src.slice(0, limit)`, closing brackets left open; undefined if it does not lex. */
function lexPrefix(src: string, limit: number): readonly Import[] | undefined {
  const base = src.slice(0, limit)
  const plain = tryParse(base)
  if ('imports' in plain) return plain.imports
  if (plain.idx > 0 && plain.idx < limit) return undefined
  const closed = base + CLOSERS
  const withClosers = tryParse(closed)
  if ('imports' in withClosers) return keepBefore(withClosers.imports, limit)
  if (withClosers.idx > limit) {
    // One closer too many: cut there, the text is balanced now.
    const cut = tryParse(closed.slice(0, withClosers.idx))
    if ('imports' in cut) return keepBefore(cut.imports, limit)
  }
  return undefined
}

function keepBefore(imports: readonly Import[], limit: number): readonly Import[] {
  return imports.filter((i) => i.end <= limit)
}

/**
 * If `import.meta` at [start, end) is the second argument of
 * `new URL(<string>, import.meta.url)` (or `""+import.meta.url`), returns that
 * string with the offset of its first character.
 */
function newUrlAround(src: string, start: number, end: number): OffsetRef | undefined {
  // Forward: `.url` then `)`.
  let i = skipWsForward(src, end)
  if (src.charCodeAt(i) !== 0x2e) return undefined // '.'
  i = skipWsForward(src, i + 1)
  if (!src.startsWith('url', i) || isIdentChar(src.charCodeAt(i + 3))) return undefined
  i = skipWsForward(src, i + 3)
  if (src.charCodeAt(i) !== 0x29) return undefined // ')'

  // Backward: `,` then a string literal. Vite writes the base as `""+import.meta.url` (or with backticks), which is
  // the same URL.
  let j = skipWsBackward(src, start) // j = index of last non-ws char before, or -1
  if (j >= 0 && src.charCodeAt(j) === 0x2b) {
    // '+'
    j = skipWsBackward(src, j)
    const q = src.charCodeAt(j)
    if (j < 1 || (q !== 0x27 && q !== 0x22 && q !== 0x60) || src.charCodeAt(j - 1) !== q)
      return undefined
    j = skipWsBackward(src, j - 1)
  }
  if (j < 0 || src.charCodeAt(j) !== 0x2c) return undefined // ','
  j = skipWsBackward(src, j)
  if (j < 0) return undefined
  const quote = src.charCodeAt(j)
  if (quote !== 0x27 && quote !== 0x22 && quote !== 0x60) return undefined
  const close = j
  let open = j - 1
  for (; open >= 0; open--) {
    if (src.charCodeAt(open) === quote && !isEscaped(src, open)) break
  }
  if (open < 0) return undefined
  const raw = src.slice(open + 1, close)
  if (quote === 0x60 && raw.includes('${')) return undefined

  // `(` then `URL` then `new`.
  j = skipWsBackward(src, open)
  if (j < 0 || src.charCodeAt(j) !== 0x28) return undefined // '('
  j = skipWsBackward(src, j)
  if (j < 2 || src.slice(j - 2, j + 1) !== 'URL' || isIdentChar(src.charCodeAt(j - 3)))
    return undefined
  j = skipWsBackward(src, j - 2)
  if (
    j < 2 ||
    src.slice(j - 2, j + 1) !== 'new' ||
    (j >= 3 && isIdentChar(src.charCodeAt(j - 3)))
  ) {
    return undefined
  }
  const url = raw.includes('\\') ? unescapeJs(raw) : raw
  if (url === undefined) return undefined
  return { url, offset: open + 1, kind: 'js-new-url' }
}

function isJsWs(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029
  )
}

/** Index of the first char at or after `i` that is neither whitespace nor inside a comment. */
function skipWsForward(s: string, i: number): number {
  for (;;) {
    while (i < s.length && isJsWs(s.charCodeAt(i))) i++
    if (s.charCodeAt(i) === 0x2f && s.charCodeAt(i + 1) === 0x2a) {
      const e = s.indexOf('*/', i + 2)
      if (e === -1) return s.length
      i = e + 2
    } else {
      return i
    }
  }
}

/** Index of the last char before `i` that is neither whitespace nor the end of a block comment; -1 if none. */
function skipWsBackward(s: string, i: number): number {
  let j = i - 1
  for (;;) {
    while (j >= 0 && isJsWs(s.charCodeAt(j))) j--
    if (j >= 1 && s.charCodeAt(j) === 0x2f && s.charCodeAt(j - 1) === 0x2a) {
      const b = s.lastIndexOf('/*', j - 2)
      if (b === -1) return -1
      j = b - 1
    } else {
      return j
    }
  }
}

/** True if the char at `i` is preceded by an odd number of backslashes. */
function isEscaped(s: string, i: number): boolean {
  let n = 0
  for (let k = i - 1; k >= 0 && s.charCodeAt(k) === 0x5c; k--) n++
  return (n & 1) === 1
}

/** Decodes JS string escapes; undefined for a malformed escape. */
function unescapeJs(raw: string): string | undefined {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    if (ch !== '\\') {
      out += ch
      continue
    }
    const n = raw[++i]
    switch (n) {
      case 'n':
        out += '\n'
        break
      case 't':
        out += '\t'
        break
      case 'r':
        out += '\r'
        break
      case 'b':
        out += '\b'
        break
      case 'f':
        out += '\f'
        break
      case 'v':
        out += '\v'
        break
      case '0':
        out += '\0'
        break
      case '\r':
        if (raw[i + 1] === '\n') i++
        break
      case '\n':
      case '\u2028':
      case '\u2029':
        break
      case 'x': {
        const h = raw.slice(i + 1, i + 3)
        if (!/^[0-9a-fA-F]{2}$/.test(h)) return undefined
        out += String.fromCharCode(parseInt(h, 16))
        i += 2
        break
      }
      case 'u': {
        if (raw[i + 1] === '{') {
          const close = raw.indexOf('}', i + 2)
          const h = close === -1 ? '' : raw.slice(i + 2, close)
          if (!/^[0-9a-fA-F]{1,6}$/.test(h) || parseInt(h, 16) > 0x10ffff) return undefined
          out += String.fromCodePoint(parseInt(h, 16))
          i = close
        } else {
          const h = raw.slice(i + 1, i + 5)
          if (!/^[0-9a-fA-F]{4}$/.test(h)) return undefined
          out += String.fromCharCode(parseInt(h, 16))
          i += 4
        }
        break
      }
      case undefined:
        return undefined
      default:
        out += n
    }
  }
  return out
}
