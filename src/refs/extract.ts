/**
 * Entry point of the URL-reference extractors: dispatch by file extension, and
 * the shared `isNonReference` filter (also meant for the resolver).
 *
 * All extractors are pure functions of the file's text (already decoded from
 * UTF-8; a leading BOM is ignored and columns start after it), never throw on
 * malformed input, and report positions as described in `types.ts`.
 */
import { extractCssRefs } from './extract-css.js'
import { extractHtmlRefs } from './extract-html.js'
import { extractJsRefs } from './extract-js.js'
import type { ExtractedRefs } from './types.js'

export type SourceKind = 'html' | 'css' | 'js'

/** `.html` `.htm` → html; `.css` → css; `.js` `.mjs` `.cjs` → js (case-insensitive). */
export function refKindForPath(path: string): SourceKind | undefined {
  switch (extension(path)) {
    case '.html':
    case '.htm':
      return 'html'
    case '.css':
      return 'css'
    case '.js':
    case '.mjs':
    case '.cjs':
      return 'js'
    default:
      return undefined
  }
}

/**
 * Largest HTML/CSS/JS file the scan reads; bigger ones are reported by ref-unscanned instead. Far above any real
 * asset (the biggest bundles are tens of MB), and a bound the scan needs: past 512 MiB the text cannot be a
 * JavaScript string at all, and es-module-lexer takes 4 bytes of memory per character of what it lexes.
 */
export const MAX_SCANNED_BYTES = 128 * 1024 * 1024

/** The package's files the scan reads: HTML, CSS and JS up to MAX_SCANNED_BYTES. */
export function isScanned(f: { path: string; size: number }): boolean {
  return f.size <= MAX_SCANNED_BYTES && refKindForPath(f.path) !== undefined
}

/**
 * Extracts the URL references of one file. Files of other types yield no refs.
 * `.cjs` is lexed as a classic script (only dynamic `import()`), `.js` and
 * `.mjs` as modules (a classic `.js` script cannot contain static imports or
 * `import.meta` anyway, so nothing is over-reported).
 */
export function extractRefs(path: string, text: string): ExtractedRefs {
  switch (refKindForPath(path)) {
    case 'html':
      return extractHtmlRefs(text)
    case 'css':
      return { refs: extractCssRefs(text) }
    case 'js':
      return { refs: extractJsRefs(text, { module: !isClassicScript(path) }) }
    default:
      return { refs: [] }
  }
}

/** `.cjs`: lexed as a classic script. */
export function isClassicScript(path: string): boolean {
  return extension(path) === '.cjs'
}

function extension(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  const dot = path.lastIndexOf('.')
  return dot > slash + 1 ? path.slice(dot).toLowerCase() : ''
}

const NON_FETCH_SCHEME = /^(?:data|blob|javascript|mailto|tel|about):/i

/**
 * True for values that are not references to a file of the package and must
 * not be checked: empty or whitespace-only; fragment-only (`#top`, `url(#grad)`);
 * the schemes `data:`, `blob:`, `javascript:`, `mailto:`, `tel:`, `about:`
 * (case-insensitive, after the URL parser's removal of surrounding
 * spaces/control characters and inner tabs/newlines); and template
 * placeholders left in the file: `{{ … }}`, `${…}`, `<% … %>`.
 *
 * Everything else is a reference, including `https://…`, `//cdn…` and
 * `/absolute` URLs: deciding what is external is the resolver's job.
 */
export function isNonReference(url: string): boolean {
  // Strip leading/trailing C0 controls and spaces (WHATWG URL parser).
  let s = 0
  let e = url.length
  while (s < e && url.charCodeAt(s) <= 0x20) s++
  while (e > s && url.charCodeAt(e - 1) <= 0x20) e--
  if (s === e) return true
  if (url.charCodeAt(s) === 0x23) return true // '#'
  // Scheme test on a short prefix (data: URIs can be megabytes long); the URL
  // parser ignores tabs and newlines anywhere, so drop them first.
  let head = url.slice(s, Math.min(e, s + 24))
  if (/[\t\n\r]/.test(head))
    head = url
      .slice(s, e)
      .replace(/[\t\n\r]/g, '')
      .slice(0, 24)
  if (NON_FETCH_SCHEME.test(head)) return true
  return isTemplatePlaceholder(url)
}

/**
 * A value isNonReference drops only because it holds a template placeholder (`{{ cdn }}/app.js`, `<%= BASE_URL %>`):
 * in a file served as it is, as every file of an offline package is, the browser requests that text literally.
 */
export function isPlaceholderReference(url: string): boolean {
  return isTemplatePlaceholder(url) && !isNonReference(url.replace(/\{\{|\$\{|<%/g, '_'))
}

function isTemplatePlaceholder(v: string): boolean {
  let i = v.indexOf('{{')
  if (i !== -1 && v.indexOf('}}', i + 2) !== -1) return true
  i = v.indexOf('${')
  if (i !== -1 && v.indexOf('}', i + 2) !== -1) return true
  i = v.indexOf('<%')
  if (i !== -1 && v.indexOf('%>', i + 2) !== -1) return true
  return false
}

export { extractCssRefs, extractHtmlRefs, extractJsRefs }
export type { BaseHref, ExtractedRefs, HtmlRefs, RawRef, RefKind } from './types.js'
