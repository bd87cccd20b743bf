/**
 * Types of the URL-reference extractors (`src/refs/extract*.ts`).
 *
 * Positions: `line` is 1-based; `column` is 1-based and counted in UTF-16 code
 * units from the start of the line, after a leading BOM has been removed (see
 * `location.ts`). Both point at the FIRST CHARACTER OF THE URL ITSELF as written
 * in the file: after the opening quote of an attribute, after `url(` and any
 * quote, after the quote of an import specifier. If the URL starts with an
 * escape or entity (`&amp;`, `\66 oo`), the position is that of the `&`/`\`.
 */

export type RefKind =
  /** A URL-valued HTML attribute: `<script src>`, `<link href>`, `<img src>`, … */
  | 'html-attr'
  /** One candidate URL of `srcset` (`<img>`, `<source>`) or `imagesrcset` (`<link>`). */
  | 'html-srcset'
  /** A `url()` inside a `style="…"` attribute. */
  | 'html-style'
  /** `url(…)` / `image-set("…")` in CSS (also inside an HTML `<style>` element). */
  | 'css-url'
  /** `@import "…"` / `@import url(…)` (also inside an HTML `<style>` element). */
  | 'css-import'
  /** Static `import … from '…'`, `import '…'`, `export … from '…'`. */
  | 'js-import'
  /** `import('…')` with a string literal (or substitution-free template literal). */
  | 'js-dynamic-import'
  /** `new URL('…', import.meta.url)`. */
  | 'js-new-url'
  /** An address an inline `<script type=importmap>` maps a module specifier to. */
  | 'html-importmap'
  /** `<a href>`, `<area href>`: a page the user navigates to, not a file the page needs. */
  | 'html-link'
  /** The folder webpack's runtime loads lazy chunks from: its root-relative public path + the chunk folder. */
  | 'js-chunk-folder'

export interface RawRef {
  /**
   * The URL exactly as written, after HTML entity decoding (HTML) or CSS/JS
   * escape decoding. Not percent-decoded, `?query` and `#hash` kept. HTML
   * attribute values have surrounding ASCII whitespace removed (the HTML spec
   * strips it before parsing the URL); nothing else is trimmed.
   */
  url: string
  /** 1-based line. */
  line: number
  /** 1-based column in UTF-16 code units of the line. */
  column: number
  kind: RefKind
  /** HTML only: lower-case element name (`script`, `link`, `img`, `style` for `<style>` contents, …). */
  tag?: string
  /** HTML only: lower-case attribute name (`src`, `href`, `srcset`, `style`, …); absent for element contents. */
  attr?: string
  /**
   * HTML only: the page renders the same without it (a `<link rel=icon>`: WebViews do not show favicons), so a
   * miss costs a request, not a blank page.
   */
  cosmetic?: boolean
  /** HTML only: a `<link rel=stylesheet>`, which the page waits for (a preload or modulepreload is a hint). */
  stylesheet?: boolean
  /**
   * HTML and CSS: the URL holds a template placeholder left unfilled (`{{ cdn }}/app.js`, `<%= BASE_URL %>`), which
   * the browser requests as it is written; not resolved. Not set inside `<template>`, whose copies a script fills.
   */
  placeholder?: boolean
  /** `js-chunk-folder` only: how every chunk file name ends (`.js`, `.async.js`). */
  suffix?: string
}

/** Where `<base href>` points; kept apart from `refs` because it changes how they resolve. */
export interface BaseHref {
  url: string
  line: number
  column: number
}

export interface HtmlRefs {
  refs: RawRef[]
  /** The first `<base>` element that has an `href` attribute, as the HTML spec uses. */
  baseHref?: BaseHref
}

export interface ExtractedRefs {
  refs: RawRef[]
  baseHref?: BaseHref
}

export interface JsExtractOptions {
  /**
   * `true` (default): the text is (or may be) an ES module; static imports,
   * dynamic imports and `new URL('…', import.meta.url)` are returned.
   * `false`: a classic script; static `import`/`export` and `import.meta` would be
   * syntax errors there (the browser would not run the file), so only dynamic
   * `import('…')` is returned.
   */
  module?: boolean
}

/**
 * A reference located by a 0-based offset into the (BOM-less) text it was
 * found in. Internal currency between the extractors before offsets are turned
 * into line/column.
 */
export interface OffsetRef {
  url: string
  offset: number
  kind: RefKind
  tag?: string
  attr?: string
  cosmetic?: boolean
  stylesheet?: boolean
  placeholder?: boolean
  suffix?: string
}
