/**
 * HTML URL references, found with htmlparser2's Tokenizer (the low-level,
 * position-reporting half of htmlparser2: spec-like handling of raw-text
 * elements, comments, entities in attributes) driven directly, without the DOM
 * or the Parser's tag bookkeeping, so every attribute value comes with its
 * exact source offsets.
 *
 * Returned (`kind`, `tag`, `attr`):
 * - `html-attr`:   `<script src>` (no `type`, a JavaScript one or `module`); `<link href>` when at least
 *                  one `rel` token is not in LINK_NON_FETCH_RELS (stylesheet,
 *                  `alternate stylesheet`, icon, apple-touch-icon, mask-icon, preload,
 *                  modulepreload, prefetch, prerender, manifest, unknown rels);
 *                  `<img src>`; `<source src>`; `<video src|poster>`; `<audio src>`;
 *                  `<track src>`; `<iframe src>`; `<frame src>`; `<embed src>`;
 *                  `<object data>`; `<input type=image src>`; SVG `<image|use|feImage
 *                  href|xlink:href>` and SVG `<script href|xlink:href>`.
 * - `html-srcset`: each candidate of `<img|source srcset>` and `<link imagesrcset>`,
 *                  each with its own column.
 * - `html-style`:  each `url()` in a `style="…"` attribute (any element).
 * - `css-url` / `css-import` with `tag: 'style'`: from `<style>` contents.
 * - `js-import` / `js-dynamic-import` / `js-new-url` with `tag: 'script'`: from
 *   inline `<script type=module>`; inline classic scripts (no type or a
 *   JavaScript MIME type) yield only dynamic `import('…')`.
 * - `html-link`:   `<a href>` and `<area href>` (navigation, not a sub-resource: rule link-broken).
 * - `html-importmap` with `tag: 'script'`: each address an inline `<script type=importmap>` maps a module
 *   specifier to (`imports` and `scopes`; not the prefix mappings, whose keys and values end in `/`): Parcel loads
 *   its lazy chunks through one, and a module whose address is missing never runs.
 * - `<base href>` (first one) → `baseHref`, never in `refs`; returned as written
 *   (not filtered), the caller resolves `refs` against it.
 * Markup inside `<template>` and `<noscript>` counts (it is in the package and may
 * be used); inside `<title>`, `<textarea>`, `<script>`, `<style>`, comments, it
 * does not. Tags cut off by the end of the file are dropped, as browsers do.
 *
 * Not returned: SVG `<a href>`, `<form action>`, `<meta>` content
 * (refresh, og:image …), `<link>` with no rel or only navigation/hint rels
 * (canonical, alternate, preconnect, dns-prefetch …), `<iframe srcdoc>`,
 * lazy-load conventions (`data-src`, `data-original`), `<html manifest>`,
 * legacy `background=` attributes, an import map given by `src` or that is not valid JSON, anything inside comments
 * (including IE conditional comments), contents of non-JS `<script type>`s
 * (templates, JSON), and values rejected by `isNonReference`.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import { scanCss } from './extract-css.js'
import { isUrlSpecifier, scanJs } from './extract-js.js'
import { isNonReference, isPlaceholderReference } from './extract.js'
import { LineIndex, stripBom } from './location.js'
import type { BaseHref, HtmlRefs, OffsetRef, RawRef, RefKind } from './types.js'

/**
 * `<link rel>` tokens whose file the page does not need: icons (a WebView never shows them), a launch image, the web
 * app manifest (read only when a browser installs the site, which a WebView never does), and fetches for a later page
 * (`prefetch`, `prerender`). A missing one costs a request, not the page.
 */
const COSMETIC_RELS = new Set([
  'icon',
  'shortcut',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'apple-touch-startup-image',
  'mask-icon',
  'manifest',
  'prefetch',
  'prerender'
])

/** `<link rel>` tokens that never make the browser fetch `href` as a sub-resource. */
export const LINK_NON_FETCH_RELS: ReadonlySet<string> = new Set([
  'alternate',
  'archives',
  'author',
  'bookmark',
  'canonical',
  'dns-prefetch',
  'external',
  'first',
  'help',
  'index',
  'last',
  'license',
  'me',
  'next',
  'nofollow',
  'noopener',
  'noreferrer',
  'opener',
  'pingback',
  'preconnect',
  'prev',
  'previous',
  'privacy-policy',
  'search',
  'shortlink',
  'sitemap',
  'start',
  'tag',
  'terms-of-service',
  'up',
  'webmention'
])

/** Elements whose (trimmed) attribute is a sub-resource URL. `link`, `input`, `base` are special-cased. */
const URL_ATTRS: Record<string, readonly string[]> = {
  script: ['src', 'href', 'xlink:href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href']
}

const SRCSET_ATTRS: Record<string, string> = {
  img: 'srcset',
  source: 'srcset',
  link: 'imagesrcset'
}

/** Attributes whose values we need; all others are skipped without building strings. */
const WANTED_ATTRS = new Set([
  'src',
  'href',
  'xlink:href',
  'poster',
  'data',
  'srcset',
  'imagesrcset',
  'style',
  'type',
  'rel'
])

/** Types of `<script>` whose inline text is JavaScript (HTML "JavaScript MIME type essence"). */
const JS_MIME_TYPES = new Set([
  '',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript'
])

/** SVG/MathML elements inside which HTML parsing rules apply again. */
const INTEGRATION_POINTS = new Set([
  'foreignobject',
  'desc',
  'title',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml'
])

/** Whether a `<script>` of this `type` is run, so its `src` fetched: none, a JavaScript MIME type, or `module`. */
function fetchesScript(type: Attr | undefined): boolean {
  const t = type === undefined ? '' : type.value.trim().toLowerCase()
  return t === 'module' || JS_MIME_TYPES.has(t)
}

interface Attr {
  name: string
  /** Decoded value ('' when the attribute has no value). */
  value: string
  /** Source offset of the first value character. */
  start: number
  /**
   * Present only when the value contained entities: pairs
   * [decodedIndex, sourceOffset, isEntity] (flattened) in increasing order.
   */
  map: number[] | undefined
}

/** Source offset of the decoded character at `index` of an attribute value. */
function sourceOffset(attr: Attr, index: number): number {
  const map = attr.map
  if (map === undefined) return attr.start + index
  let k = 0
  while (k + 3 < map.length && map[k + 3] <= index) k += 3
  const decStart = map[k]
  const srcStart = map[k + 1]
  return map[k + 2] === 1 ? srcStart : srcStart + (index - decStart)
}

function isAsciiWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
}

/** URL references in an HTML file. Positions: see `types.ts`. */
export function extractHtmlRefs(text: string): HtmlRefs {
  const src = stripBom(text)
  const found: OffsetRef[] = []
  let base: { url: string; offset: number } | undefined

  // Per-tag state.
  let tagName = ''
  let attrs: Attr[] = []
  let inTag = false
  // Per-attribute state.
  let attrName = ''
  let wanted = false
  let parts = ''
  let start = -1
  let cursor = -1 // end of the last value piece
  let lastEntity = -1
  let map: number[] | undefined
  // Raw-text element whose contents we will scan once its end tag is seen.
  let pending: { tag: 'style' | 'script' | 'importmap'; start: number; module: boolean } | undefined
  // Foreign content (SVG/MathML) stack: true = foreign.
  const foreign: boolean[] = [false]

  // Inside <template>: inert markup a script copies, and may fill in first.
  let templateDepth = 0

  const add = (url: string, offset: number, kind: RefKind, tag: string, attr?: string): void => {
    if (isNonReference(url)) {
      // A link whose address a template fills in is no page that fails to load.
      if (kind !== 'html-link' && templateDepth === 0 && isPlaceholderReference(url))
        found.push({
          url,
          offset,
          kind,
          tag,
          ...(attr !== undefined && { attr }),
          placeholder: true
        })
      return
    }
    found.push(attr === undefined ? { url, offset, kind, tag } : { url, offset, kind, tag, attr })
  }

  const getAttr = (name: string): Attr | undefined => {
    for (const a of attrs) if (a.name === name) return a
    return undefined
  }

  /** A single URL attribute, trimmed of ASCII whitespace. */
  const addUrlAttr = (a: Attr, tag: string, kind: RefKind = 'html-attr'): void => {
    const v = a.value
    let s = 0
    let e = v.length
    while (s < e && isAsciiWs(v.charCodeAt(s))) s++
    while (e > s && isAsciiWs(v.charCodeAt(e - 1))) e--
    add(s === 0 && e === v.length ? v : v.slice(s, e), sourceOffset(a, s), kind, tag, a.name)
  }

  const addSrcset = (a: Attr, tag: string): void => {
    parseSrcset(a.value, (url, index) => {
      add(url, sourceOffset(a, index), 'html-srcset', tag, a.name)
    })
  }

  const addStyleAttr = (a: Attr, tag: string): void => {
    scanCss(a.value, 0, a.value.length, (url, index, kind) => {
      if (kind === 'css-url') add(url, sourceOffset(a, index), 'html-style', tag, 'style')
    })
  }

  const processTag = (endIndex: number, selfClosing: boolean): void => {
    inTag = false
    const tag = tagName
    const isForeign = foreign[foreign.length - 1]

    if (tag === 'base') {
      const href = getAttr('href')
      if (href !== undefined && base === undefined) {
        const v = href.value.trim()
        base = {
          url: v,
          offset: sourceOffset(href, href.value.length - href.value.trimStart().length)
        }
      }
    } else if (tag === 'link') {
      const rel = getAttr('rel')
      const rels =
        rel === undefined
          ? []
          : rel.value
              .toLowerCase()
              .split(/[\t\n\f\r ]+/)
              .filter(Boolean)
      const fetches = rels.some((r) => !LINK_NON_FETCH_RELS.has(r))
      if (fetches) {
        const href = getAttr('href')
        if (href !== undefined) {
          const before = found.length
          addUrlAttr(href, tag)
          if (found.length > before && rels.every((r) => COSMETIC_RELS.has(r)))
            found[before].cosmetic = true
          if (found.length > before && rels.includes('stylesheet') && !rels.includes('alternate'))
            found[before].stylesheet = true
        }
        const set = getAttr('imagesrcset')
        if (set !== undefined) addSrcset(set, tag)
      }
    } else if ((tag === 'a' || tag === 'area') && !isForeign) {
      const href = getAttr('href')
      if (href !== undefined) addUrlAttr(href, tag, 'html-link')
    } else if (tag === 'input') {
      const type = getAttr('type')
      const src = getAttr('src')
      if (src !== undefined && type !== undefined && type.value.trim().toLowerCase() === 'image') {
        addUrlAttr(src, tag)
      }
    } else if (tag === 'script' && !isForeign && !fetchesScript(getAttr('type'))) {
      // `type="text/template"` and the like: a browser fetches no `src` of a type it does not run
    } else {
      const names = URL_ATTRS[tag]
      if (names !== undefined) {
        if (names[0] === 'href') {
          // SVG: `href` wins over `xlink:href`.
          const a = getAttr('href') ?? getAttr('xlink:href')
          if (a !== undefined) addUrlAttr(a, tag)
        } else {
          for (const a of attrs) if (names.includes(a.name)) addUrlAttr(a, tag)
        }
      }
      const srcsetName = SRCSET_ATTRS[tag]
      if (srcsetName !== undefined) {
        const set = getAttr(srcsetName)
        if (set !== undefined) addSrcset(set, tag)
      }
      // @vitejs/plugin-legacy's entry: its inline script has SystemJS load `data-src`, the only entry an old WebView
      // (no ES modules) runs.
      if (tag === 'script' && getAttr('id')?.value.trim() === 'vite-legacy-entry') {
        const dataSrc = getAttr('data-src')
        if (dataSrc !== undefined) addUrlAttr(dataSrc, tag)
      }
    }

    const style = getAttr('style')
    if (style !== undefined && style.value.length > 0) addStyleAttr(style, tag)

    // Raw-text contents to scan when the end tag arrives.
    pending = undefined
    if (!selfClosing || !isForeign) {
      if (tag === 'style') {
        const type = getAttr('type')
        const t = type === undefined ? '' : type.value.trim().toLowerCase()
        if (t === '' || t === 'text/css')
          pending = { tag: 'style', start: endIndex + 1, module: false }
      } else if (tag === 'script' && getAttr('src') === undefined) {
        const type = getAttr('type')
        const t = type === undefined ? '' : type.value.trim().toLowerCase()
        if (t === 'module') pending = { tag: 'script', start: endIndex + 1, module: true }
        else if (t === 'importmap')
          pending = { tag: 'importmap', start: endIndex + 1, module: false }
        else if (JS_MIME_TYPES.has(t))
          pending = { tag: 'script', start: endIndex + 1, module: false }
      }
    }

    if (tag === 'template' && !isForeign && !selfClosing) templateDepth++

    // Foreign-content bookkeeping (mirrors htmlparser2's Parser).
    if (!selfClosing) {
      if (tag === 'svg' || tag === 'math') foreign.push(true)
      else if (isForeign && INTEGRATION_POINTS.has(tag)) foreign.push(false)
    }
  }

  const flushPending = (end: number): void => {
    const p = pending
    pending = undefined
    if (p === undefined || end <= p.start) return
    if (p.tag === 'style') {
      scanCss(src, p.start, end, (url, offset, kind) => add(url, offset, kind, 'style'))
    } else if (p.tag === 'importmap') {
      for (const r of importMapUrls(src, p.start, end))
        add(r.url, r.offset, 'html-importmap', 'script')
    } else {
      for (const r of scanJs(src.slice(p.start, end), p.module)) {
        found.push({ ...r, offset: p.start + r.offset, tag: 'script' })
      }
    }
  }

  const cbs: TokenizerCallbacks = {
    onopentagname(s, e) {
      tagName = src.slice(s, e).toLowerCase()
      attrs = []
      inTag = true
      pending = undefined
    },
    onattribname(s, e) {
      attrName = src.slice(s, e).toLowerCase()
      wanted =
        (WANTED_ATTRS.has(attrName) ||
          (tagName === 'script' && (attrName === 'id' || attrName === 'data-src'))) &&
        getAttr(attrName) === undefined
      parts = ''
      start = -1
      cursor = e
      lastEntity = -1
      map = undefined
    },
    onattribdata(s, e) {
      if (!wanted) return
      if (start === -1) start = s
      if (map !== undefined) map.push(parts.length, s, 0)
      parts += src.slice(s, e)
      cursor = e
    },
    onattribentity(cp) {
      if (!wanted) return
      // The entity starts where the previous piece ended; consecutive entities
      // are told apart by their `&`.
      let at: number
      if (lastEntity >= cursor) at = src.indexOf('&', lastEntity + 1)
      else if (start === -1) at = src.indexOf('&', cursor)
      else at = cursor
      if (start === -1) start = at
      if (map === undefined) map = start === at ? [] : [0, start, 0]
      map.push(parts.length, at, 1)
      lastEntity = at
      parts += String.fromCodePoint(cp)
    },
    onattribend(_quote, e) {
      if (!wanted) return
      wanted = false
      if (start === -1) start = e
      attrs.push({ name: attrName, value: parts, start, map })
    },
    onopentagend(e) {
      if (inTag) processTag(e, false)
    },
    onselfclosingtag(e) {
      if (inTag) processTag(e, true)
    },
    onclosetag(s, e) {
      const name = src.slice(s, e).toLowerCase()
      if (pending !== undefined && name === (pending.tag === 'importmap' ? 'script' : pending.tag))
        flushPending(s - 2)
      if (name === 'template' && templateDepth > 0 && !foreign[foreign.length - 1]) templateDepth--
      if (
        foreign.length > 1 &&
        (name === 'svg' || name === 'math' || INTEGRATION_POINTS.has(name))
      ) {
        foreign.pop()
      }
    },
    onend() {
      if (pending !== undefined) flushPending(src.length)
    },
    isInForeignContext() {
      return foreign[foreign.length - 1]
    },
    ontext() {},
    ontextentity() {},
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {}
  }

  const tokenizer = new Tokenizer({ decodeEntities: true }, cbs)
  tokenizer.write(src)
  tokenizer.end()

  if (found.length === 0 && base === undefined) return { refs: [] }
  const lines = new LineIndex(src)
  found.sort((a, b) => a.offset - b.offset)
  const refs: RawRef[] = found.map((r) => {
    const { line, column } = lines.position(r.offset)
    const ref: RawRef = { url: r.url, line, column, kind: r.kind }
    if (r.tag !== undefined) ref.tag = r.tag
    if (r.attr !== undefined) ref.attr = r.attr
    if (r.cosmetic) ref.cosmetic = true
    if (r.stylesheet) ref.stylesheet = true
    if (r.placeholder) ref.placeholder = true
    if (r.suffix !== undefined) ref.suffix = r.suffix
    return ref
  })
  if (base === undefined) return { refs }
  const pos = lines.position(base.offset)
  const baseHref: BaseHref = { url: base.url, line: pos.line, column: pos.column }
  return { refs, baseHref }
}

/**
 * Splits a `srcset` value into candidate URLs (HTML "parse a srcset attribute"),
 * calling `emit(url, indexInValue)` for each. Descriptors are skipped, not validated.
 */
export function parseSrcset(value: string, emit: (url: string, index: number) => void): void {
  const n = value.length
  let i = 0
  while (i < n) {
    // Skip whitespace and commas.
    let c = value.charCodeAt(i)
    while (i < n && (isAsciiWs(c) || c === 0x2c)) c = value.charCodeAt(++i)
    if (i >= n) return
    const urlStart = i
    while (i < n && !isAsciiWs(value.charCodeAt(i))) i++
    let urlEnd = i
    if (value.charCodeAt(urlEnd - 1) === 0x2c) {
      // URL ends with commas: strip them; no descriptors follow.
      while (urlEnd > urlStart && value.charCodeAt(urlEnd - 1) === 0x2c) urlEnd--
      emit(value.slice(urlStart, urlEnd), urlStart)
      continue
    }
    emit(value.slice(urlStart, urlEnd), urlStart)
    // Skip descriptors up to a comma that is not inside parentheses.
    let depth = 0
    while (i < n) {
      c = value.charCodeAt(i)
      if (c === 0x28) depth++
      else if (c === 0x29) depth = depth > 0 ? depth - 1 : 0
      else if (c === 0x2c && depth === 0) break
      i++
    }
  }
}

/**
 * The addresses of an import map (`{"imports": {…}, "scopes": {"/a/": {…}}}`) between `start` and `end`, each at the
 * offset of its first character. Positions come from the JSON text itself: every string that is not a key, in order,
 * matched to the parsed addresses by value. Invalid JSON yields nothing (the browser ignores such a map).
 */
function importMapUrls(
  src: string,
  start: number,
  end: number
): Array<{ url: string; offset: number }> {
  const text = src.slice(start, end)
  let map: unknown
  try {
    map = JSON.parse(text)
  } catch {
    return []
  }
  const addresses: string[] = []
  const collect = (specifiers: unknown): void => {
    if (specifiers === null || typeof specifiers !== 'object') return
    for (const [key, value] of Object.entries(specifiers))
      // An address must be a URL or start with `/`, `./` or `../`; the browser drops any other (`"lodash-es"`).
      if (
        typeof value === 'string' &&
        isUrlSpecifier(value) &&
        !(key.endsWith('/') && value.endsWith('/'))
      )
        addresses.push(value)
  }
  if (map !== null && typeof map === 'object') {
    const { imports, scopes } = map as { imports?: unknown; scopes?: unknown }
    collect(imports)
    if (scopes !== null && typeof scopes === 'object') Object.values(scopes).forEach(collect)
  }
  if (addresses.length === 0) return []
  // value → the offsets of the strings that spell it, in order, taken one by one
  const offsets = new Map<string, number[]>()
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) {
    if (m[1] !== undefined) continue
    const value = JSON.parse(m[0]) as string
    const list = offsets.get(value)
    if (list) list.push(start + m.index + 1)
    else offsets.set(value, [start + m.index + 1])
  }
  return addresses.map((url) => ({ url, offset: offsets.get(url)?.shift() ?? start }))
}
