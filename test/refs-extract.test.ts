import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractCssRefs, scanCss, scanCssExact } from '../src/refs/extract-css.js'
import { extractHtmlRefs, parseSrcset } from '../src/refs/extract-html.js'
import { extractJsRefs, extractJsRefsFromBytes, isUrlSpecifier } from '../src/refs/extract-js.js'
import { extractRefs, isNonReference, refKindForPath } from '../src/refs/extract.js'
import { LineIndex, computeLineStarts, stripBom } from '../src/refs/location.js'
import type { RawRef } from '../src/refs/types.js'

/**
 * Independent oracle: line/column (1-based, UTF-16) of the `nth` occurrence of
 * `needle` in `text`, computed by splitting the text before it.
 */
function pos(text: string, needle: string, nth = 1): { line: number; column: number } {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let idx = -1
  for (let k = 0; k < nth; k++) {
    idx = t.indexOf(needle, idx + 1)
    if (idx === -1) throw new Error(`needle not found: ${needle} #${nth}`)
  }
  const lines = t.slice(0, idx).split(/\r\n|\r|\n/)
  return { line: lines.length, column: lines[lines.length - 1].length + 1 }
}

const urls = (refs: RawRef[]): string[] => refs.map((r) => r.url)
const html = (text: string): RawRef[] => extractHtmlRefs(text).refs

describe('location', () => {
  it('maps offsets with \\n, \\r\\n and lone \\r line breaks', () => {
    const text = 'ab\ncd\r\nef\rgh'
    const li = new LineIndex(text)
    expect(computeLineStarts(text)).toEqual([0, 3, 7, 10])
    expect(li.position(0)).toEqual({ line: 1, column: 1 })
    expect(li.position(4)).toEqual({ line: 2, column: 2 })
    expect(li.position(7)).toEqual({ line: 3, column: 1 })
    expect(li.position(11)).toEqual({ line: 4, column: 2 })
    expect(li.offset(4, 2)).toBe(11)
    expect(li.lineCount).toBe(4)
  })

  it('counts columns in UTF-16 code units and does not break lines at U+2028', () => {
    const text = '😀x\u2028y'
    const li = new LineIndex(text)
    expect(li.position(2)).toEqual({ line: 1, column: 3 }) // the emoji is 2 code units
    expect(li.position(4)).toEqual({ line: 1, column: 5 })
  })

  it('clamps offsets and strips one BOM', () => {
    expect(new LineIndex('abc').position(99)).toEqual({ line: 1, column: 4 })
    expect(stripBom('\uFEFFa')).toBe('a')
    expect(stripBom('a\uFEFF')).toBe('a\uFEFF')
  })
})

describe('extractHtmlRefs: attributes', () => {
  it('extracts every sub-resource attribute kind with tag, attr and exact position', () => {
    const text = [
      '<!doctype html><html><head>',
      '<script src="/assets/index-4f3a2c1b.js"></script>',
      '<script type="module" src="./main.js"></script>',
      '<link rel="stylesheet" href="css/app.css">',
      '<link rel="icon" href="favicon.ico"><link rel="apple-touch-icon" href="touch.png">',
      '<link rel="preload" as="font" href="f.woff2"><link rel="modulepreload" href="m.js">',
      '<link rel="prefetch" href="next.js"><link rel="manifest" href="app.webmanifest">',
      '<link rel="alternate stylesheet" href="alt.css">',
      '</head><body>',
      '<img src="img/a.png" alt="">',
      '<video src="v.mp4" poster="poster.jpg"><source src="v.webm"><track src="sub.vtt"></video>',
      '<audio src="a.mp3"></audio>',
      '<object data="movie.swf"></object><embed src="e.swf"><iframe src="frame.html"></iframe>',
      '<input type="image" src="go.png"><input type="text" src="not.png">',
      '<svg><image href="i.svg"/><use xlink:href="sprite.svg#ok"/><use href="#local"/></svg>',
      '</body></html>'
    ].join('\n')
    const refs = html(text)
    const expected: Array<[string, string, string]> = [
      ['/assets/index-4f3a2c1b.js', 'script', 'src'],
      ['./main.js', 'script', 'src'],
      ['css/app.css', 'link', 'href'],
      ['favicon.ico', 'link', 'href'],
      ['touch.png', 'link', 'href'],
      ['f.woff2', 'link', 'href'],
      ['m.js', 'link', 'href'],
      ['next.js', 'link', 'href'],
      ['app.webmanifest', 'link', 'href'],
      ['alt.css', 'link', 'href'],
      ['img/a.png', 'img', 'src'],
      ['v.mp4', 'video', 'src'],
      ['poster.jpg', 'video', 'poster'],
      ['v.webm', 'source', 'src'],
      ['sub.vtt', 'track', 'src'],
      ['a.mp3', 'audio', 'src'],
      ['movie.swf', 'object', 'data'],
      ['e.swf', 'embed', 'src'],
      ['frame.html', 'iframe', 'src'],
      ['go.png', 'input', 'src'],
      ['i.svg', 'image', 'href'],
      ['sprite.svg#ok', 'use', 'xlink:href']
    ]
    expect(refs.map((r) => [r.url, r.tag, r.attr])).toEqual(expected)
    for (const r of refs) {
      expect(r.kind).toBe('html-attr')
      const quote = pos(text, `"${r.url}"`)
      expect([r.line, r.column]).toEqual([quote.line, quote.column + 1])
    }
  })

  it('takes a script src only of a type that runs; marks icons, a launch image and prefetches as cosmetic', () => {
    const text = [
      '<script src="a.js"></script><script type="text/javascript" src="b.js"></script>',
      '<script type="MODULE" src="c.js"></script><script type="text/template" src="tpl.html"></script>',
      '<script type="text/x-handlebars-template" src="h.hbs"></script><script type="importmap" src="m.json"></script>',
      '<link rel="prefetch" href="next.js"><link rel="prerender" href="next.html">',
      '<link rel="apple-touch-startup-image" href="launch.png"><link rel="stylesheet prefetch" href="s.css">'
    ].join('\n')
    expect(html(text).map((r) => [r.url, Boolean(r.cosmetic)])).toEqual([
      ['a.js', false],
      ['b.js', false],
      ['c.js', false],
      ['next.js', true],
      ['next.html', true],
      ['launch.png', true],
      // needed by this page as well: not cosmetic
      ['s.css', false]
    ])
  })

  it('points at the first character of the value (after the quote) for each quoting style', () => {
    const text = `<img src="q.png"><img src='s.png'><img src=u.png>`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.column])).toEqual([
      ['q.png', 11],
      ['s.png', 28],
      ['u.png', 44]
    ])
  })

  it('extracts navigation links as html-link (for link-broken), not as sub-resources', () => {
    expect(
      html('<a href="page.html">x</a><area href="map.html"><svg><a href="svg.html"/></svg>').map(
        (r) => [r.url, r.kind, r.tag]
      )
    ).toEqual([
      ['page.html', 'html-link', 'a'],
      ['map.html', 'html-link', 'area']
    ])
  })

  it('does not extract non-fetching <link> rels, forms or meta refresh', () => {
    const text = `<link rel="canonical" href="https://example.com/"><link rel="alternate" hreflang="en" href="en.html">
<link rel="next" href="2.html"><link rel="prev" href="0.html"><link rel="author" href="humans.txt">
<link rel="help" href="help.html"><link rel="license" href="license.html"><link rel="search" href="os.xml">
<link rel="preconnect" href="https://cdn.example.com"><link rel="dns-prefetch" href="//cdn.example.com">
<link href="no-rel.css"><form action="submit.php"></form><meta http-equiv="refresh" content="0;url=x.html">`
    expect(html(text)).toEqual([])
  })

  it('lower-cases tag and attribute names and ignores markup in comments, RCDATA and script text', () => {
    const text = `<IMG SRC="UPPER.PNG"><!-- <img src="commented.png"> -->
<title><img src="in-title.png"></title><textarea><img src="in-textarea.png"></textarea>
<script>var s = '<img src="in-script.png">'</script><LINK REL=StyleSheet HREF=x.css>`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.tag, r.attr])).toEqual([
      ['UPPER.PNG', 'img', 'src'],
      ['x.css', 'link', 'href']
    ])
  })

  it('decodes entities, keeps query and hash, and trims surrounding whitespace', () => {
    const text = `<img src="a.png?x=1&amp;y=2#frag">\n<script src="  /app.js?v=3  "></script>\n<img src="&#x2F;abs&period;png">`
    const refs = html(text)
    expect(urls(refs)).toEqual(['a.png?x=1&y=2#frag', '/app.js?v=3', '/abs.png'])
    expect(refs[0]).toMatchObject({ line: 1, column: 11 })
    expect(refs[1]).toMatchObject(pos(text, '/app.js'))
    expect(refs[2]).toMatchObject(pos(text, '&#x2F;'))
  })

  it('drops non-references: data:, javascript:, empty, fragments, template placeholders', () => {
    const text = `<img src="data:image/png;base64,iVBORw0KGgo="><iframe src="javascript:void(0)"></iframe>
<img src=""><img src="   "><img src><use href="#icon"></use><img src="{{ item.cover }}">
<script src="<%= cdn %>/app.js"></script><img src="\${base}/x.png"><iframe src="about:blank"></iframe>
<img src="blob:https://x/1"><img src="ok.png">`
    const refs = html(text)
    expect(urls(refs.filter((r) => !r.placeholder))).toEqual(['ok.png'])
    // template placeholders come back marked, for ref-placeholder: they are never resolved
    expect(urls(refs.filter((r) => r.placeholder))).toEqual([
      '{{ item.cover }}',
      '<%= cdn %>/app.js',
      '${base}/x.png'
    ])
  })

  it('uses the first of duplicate attributes, as browsers do', () => {
    expect(urls(html(`<img src="first.png" src="second.png">`))).toEqual(['first.png'])
  })
})

describe('extractHtmlRefs: srcset', () => {
  it('extracts each candidate with its own column, skipping descriptors', () => {
    const text = `<picture>\n  <source type="image/webp" srcset="/img/a-480.webp 480w, /img/a-960.webp 960w">\n  <img src="a.jpg" srcset="a.jpg 1x,a@2x.jpg 2x ,  a@3x.jpg   3x" sizes="100vw">\n</picture>`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag, r.attr])).toEqual([
      ['/img/a-480.webp', 'html-srcset', 'source', 'srcset'],
      ['/img/a-960.webp', 'html-srcset', 'source', 'srcset'],
      ['a.jpg', 'html-attr', 'img', 'src'],
      ['a.jpg', 'html-srcset', 'img', 'srcset'],
      ['a@2x.jpg', 'html-srcset', 'img', 'srcset'],
      ['a@3x.jpg', 'html-srcset', 'img', 'srcset']
    ])
    expect(refs[0]).toMatchObject({ line: 2, column: 37 })
    expect(refs[1]).toMatchObject(pos(text, '/img/a-960.webp'))
    expect(refs[3]).toMatchObject(pos(text, 'a.jpg 1x'))
    expect(refs[4]).toMatchObject(pos(text, 'a@2x.jpg'))
    expect(refs[5]).toMatchObject(pos(text, 'a@3x.jpg'))
  })

  it('follows the HTML parsing rules for commas', () => {
    const got: Array<[string, number]> = []
    parseSrcset(' a.png, b.png 2x, c,d.png 3x, e.png,, ,f.png', (u, i) => got.push([u, i]))
    expect(got).toEqual([
      ['a.png', 1],
      ['b.png', 8],
      ['c,d.png', 18],
      ['e.png', 30],
      ['f.png', 39]
    ])
    // Descriptors may contain commas inside parentheses (future syntax).
    const got2: string[] = []
    parseSrcset('x.png (a, b) 1x, y.png', (u) => got2.push(u))
    expect(got2).toEqual(['x.png', 'y.png'])
  })

  it('maps srcset candidates after entities back to the source', () => {
    const text = `<img srcset="a.png?x=1&amp;y=2 1x, b.png 2x">`
    const refs = html(text)
    expect(urls(refs)).toEqual(['a.png?x=1&y=2', 'b.png'])
    expect(refs[1]).toMatchObject(pos(text, 'b.png'))
  })

  it('reads <link imagesrcset> on a fetching link', () => {
    const text = `<link rel="preload" as="image" href="h.png" imagesrcset="h1.png 1x, h2.png 2x">`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.attr])).toEqual([
      ['h.png', 'href'],
      ['h1.png', 'imagesrcset'],
      ['h2.png', 'imagesrcset']
    ])
    expect(refs[2]).toMatchObject(pos(text, 'h2.png'))
  })
})

describe('extractHtmlRefs: <base>, inline CSS and JS', () => {
  it('returns the first <base href> separately', () => {
    const text = `<head>\n  <base target="_top"><base href=" /h5/app/ "><base href="/other/">\n  <script src="a.js"></script>`
    const out = extractHtmlRefs(text)
    expect(out.baseHref).toEqual({ url: '/h5/app/', ...pos(text, '/h5/app/') })
    expect(urls(out.refs)).toEqual(['a.js'])
    expect(extractHtmlRefs('<img src=a.png>').baseHref).toBeUndefined()
  })

  it('maps url() and @import of <style> elements into the HTML file', () => {
    const text = `<html><head>\n<style>\n  @import "base.css";\n  @import url(theme.css) screen;\n  .hero { background: url('/img/hero.jpg?v=2') }\n</style><style type="text/less">.x{a:url(less.png)}</style>\n</head></html>`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag, r.attr])).toEqual([
      ['base.css', 'css-import', 'style', undefined],
      ['theme.css', 'css-import', 'style', undefined],
      ['/img/hero.jpg?v=2', 'css-url', 'style', undefined]
    ])
    expect(refs[0]).toMatchObject({ line: 3, column: 12 })
    expect(refs[1]).toMatchObject(pos(text, 'theme.css'))
    expect(refs[2]).toMatchObject(pos(text, '/img/hero.jpg'))
  })

  it('maps url() in style attributes, including after entities', () => {
    const text = `<div class="a"\n     style="color:red; background-image: url(&quot;bg.png&quot;), url(  x&amp;y.png )"></div>\n<span style='background:url(&apos;s.svg&apos;) no-repeat'>`
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag, r.attr])).toEqual([
      ['bg.png', 'html-style', 'div', 'style'],
      ['x&y.png', 'html-style', 'div', 'style'],
      ['s.svg', 'html-style', 'span', 'style']
    ])
    // `&quot;` is the opening quote; the URL starts right after the entity.
    expect(refs[0]).toMatchObject(pos(text, 'bg.png'))
    expect(refs[1]).toMatchObject(pos(text, 'x&amp;y.png'))
    expect(refs[2]).toMatchObject(pos(text, 's.svg'))
  })

  it('maps imports of inline module scripts; classic scripts give only dynamic import()', () => {
    const text = [
      '<script type="module">',
      "  import { a } from './a.js'",
      "  import 'vue'",
      "  const w = new Worker(new URL('./worker.js', import.meta.url))",
      "  import('./lazy.js')",
      '</script>',
      "<script>import('./classic-dyn.js'); var u = new URL('./no.js', location.href)</script>",
      '<script type="text/template"><img src="tpl.png">{{ import("./tpl.js") }}</script>',
      '<script type="application/ld+json">{"logo": "./logo.png"}</script>',
      '<script src="ext.js">import(\'./ignored.js\')</script>'
    ].join('\n')
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag])).toEqual([
      ['./a.js', 'js-import', 'script'],
      ['./worker.js', 'js-new-url', 'script'],
      ['./lazy.js', 'js-dynamic-import', 'script'],
      ['./classic-dyn.js', 'js-dynamic-import', 'script'],
      ['ext.js', 'html-attr', 'script']
    ])
    expect(refs[0]).toMatchObject({ line: 2, column: 22 })
    expect(refs[1]).toMatchObject(pos(text, './worker.js'))
    expect(refs[2]).toMatchObject(pos(text, './lazy.js'))
    expect(refs[3]).toMatchObject(pos(text, './classic-dyn.js'))
  })

  it("reads @vitejs/plugin-legacy's entry: data-src of the script with id vite-legacy-entry, no other data-src", () => {
    const text = [
      '<script nomodule crossorigin id="vite-legacy-entry" data-src="./assets/index-legacy-B2x.js">',
      "System.import(document.getElementById('vite-legacy-entry').getAttribute('data-src'))</script>",
      '<script data-src="./lazy.js"></script><img data-src="lazy.png">'
    ].join('\n')
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag, r.attr])).toEqual([
      ['./assets/index-legacy-B2x.js', 'html-attr', 'script', 'data-src']
    ])
    expect(refs[0]).toMatchObject(pos(text, './assets/index-legacy-B2x.js'))
  })

  it('reads the addresses of an inline import map (imports and scopes; not prefix mappings), each at its own column', () => {
    const text = [
      '<script type="importmap">',
      '{"imports": {"dyAPl": "/lazy.a977cff6.js", "lib/": "./lib/", "k\\"q": "./a\\u0062c.js",',
      '  "same": "./ok.js", "again": "./ok.js"},',
      ' "scopes": {"/pages/": {"q": "https://cdn.example.com/q.js"}}}',
      '</script>',
      '<script type="importmap" src="map.json"></script>',
      '<script type="importmap">{not json: "./x.js"}</script>',
      '<script type="importmap">{"imports": {"bare": "lodash-es"}}</script>'
    ].join('\n')
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.kind, r.tag])).toEqual([
      ['/lazy.a977cff6.js', 'html-importmap', 'script'],
      ['./abc.js', 'html-importmap', 'script'],
      ['./ok.js', 'html-importmap', 'script'],
      ['./ok.js', 'html-importmap', 'script'],
      ['https://cdn.example.com/q.js', 'html-importmap', 'script']
    ])
    expect(refs[0]).toMatchObject(pos(text, '/lazy.a977cff6.js'))
    expect(refs[1]).toMatchObject(pos(text, './a\\u0062c.js'))
    expect(refs[2]).toMatchObject(pos(text, './ok.js'))
    expect(refs[3]).toMatchObject(pos(text, './ok.js', 2))
  })

  it('handles <style> inside inline SVG (foreign content)', () => {
    const text = `<svg viewBox="0 0 10 10"><defs><style>.a{fill:url(#g)}.b{background:url(tex.png)}</style></defs><script href="s.js"/></svg><img src="after.png">`
    expect(html(text).map((r) => [r.url, r.tag])).toEqual([
      ['tex.png', 'style'],
      ['s.js', 'script'],
      ['after.png', 'img']
    ])
  })
})

describe('extractHtmlRefs: BOM, minified and malformed input', () => {
  it('strips a BOM so that column 1 is the first real character', () => {
    const refs = html('\uFEFF<img src="a.png">\n<img src="b.png">')
    expect(refs.map((r) => [r.url, r.line, r.column])).toEqual([
      ['a.png', 1, 11],
      ['b.png', 2, 11]
    ])
  })

  it('gives exact columns in a minified one-line page', () => {
    const text =
      '<!doctype html><html><head><meta charset=utf-8><link rel=stylesheet href=/assets/index-4f3a2c1b.css><script type=module crossorigin src=/assets/index-9d8e7f6a.js></script><style>body{background:url(/assets/bg-1a2b3c4d.png)}</style></head><body><div id=app></div><img src=/assets/logo-0f0f0f0f.svg srcset="/assets/logo-0f0f0f0f.svg 1x,/assets/logo@2x-1e1e1e1e.png 2x"></body></html>'
    const refs = html(text)
    expect(refs.map((r) => [r.url, r.line, r.column])).toEqual([
      ['/assets/index-4f3a2c1b.css', 1, 74],
      ['/assets/index-9d8e7f6a.js', 1, 137],
      ['/assets/bg-1a2b3c4d.png', 1, 199],
      ['/assets/logo-0f0f0f0f.svg', 1, 272],
      ['/assets/logo-0f0f0f0f.svg', 1, 306],
      ['/assets/logo@2x-1e1e1e1e.png', 1, 335]
    ])
    for (const r of refs) expect(text.startsWith(r.url, r.column - 1)).toBe(true)
  })

  it('never throws on malformed HTML and returns what a browser would see', () => {
    const text = `<html><body><div><p>unclosed <b>tags\n<img src="one.png"><span><img src=two.png\n  alt=x><a href="x"><img src='three.png'\n<!-- unterminated comment <img src="hidden.png">`
    expect(() => extractHtmlRefs(text)).not.toThrow()
    // Like a browser, the unclosed `<img src='three.png'` swallows the following
    // `<!--` … up to the next `>` as bogus attributes, so three.png is still loaded.
    expect(urls(html(text))).toEqual(['one.png', 'two.png', 'x', 'three.png'])
    // A tag cut off by EOF is dropped; an unterminated <style>/<script> runs to EOF.
    expect(urls(html('<img src="ok.png"><img src="cut.png'))).toEqual(['ok.png'])
    expect(urls(html('<style>a{b:url(x.png)} c{d:url(y.png'))).toEqual(['x.png', 'y.png'])
    expect(urls(html("<script type=module>import './m.js'; if (x) {"))).toEqual(['./m.js'])
    expect(html('')).toEqual([])
    expect(html('<<<>>>&&&;;;</></ >')).toEqual([])
  })
})

describe('extractCssRefs', () => {
  it('extracts quoted, unquoted and escaped url() with exact positions', () => {
    const text = [
      '.a { background: url(img/a.png); }',
      '.b { background: url( "img/b.png" ) }',
      ".c { background: URL('img/c.png?v=1#x') }",
      '.d { background: url(img/d\\ e\\(1\\).png) }',
      '.e { background: url("img/\\"q\\".png") }',
      '.f { background: url(\\31 x.png) }',
      '.g { background: url(  spaced.png  ) }'
    ].join('\n')
    const refs = extractCssRefs(text)
    expect(refs.map((r) => [r.url, r.kind, r.line, r.column])).toEqual([
      ['img/a.png', 'css-url', 1, 22],
      ['img/b.png', 'css-url', 2, 24],
      ['img/c.png?v=1#x', 'css-url', 3, 23],
      ['img/d e(1).png', 'css-url', 4, 22],
      ['img/"q".png', 'css-url', 5, 23],
      ['1x.png', 'css-url', 6, 22],
      ['spaced.png', 'css-url', 7, 24]
    ])
  })

  it('extracts @import in string and url() forms, with media/layer/supports', () => {
    const text = `@charset "utf-8";\n@import "a.css";\n@import 'b.css' screen;\n@import url(c.css) layer(base);\n@IMPORT url("d.css") supports(display:grid) print;\n@import url(e.css)`
    const refs = extractCssRefs(text)
    expect(refs.map((r) => [r.url, r.kind])).toEqual([
      ['a.css', 'css-import'],
      ['b.css', 'css-import'],
      ['c.css', 'css-import'],
      ['d.css', 'css-import'],
      ['e.css', 'css-import']
    ])
    for (const r of refs) expect(r).toMatchObject(pos(text, r.url))
  })

  it('extracts image-set() strings and @font-face sources, not other strings', () => {
    const text = `.x{background-image:image-set("x.avif" type("image/avif") 1x, url(x@2x.png) 2x);mask:-webkit-image-set('m.png' 1x)}
@font-face{font-family:"Icons";src:url(fonts/i.eot?#iefix) format("embedded-opentype"),local("Icons"),url("fonts/i.woff2") format("woff2")}
.y::before{content:"url(not-a-ref.png)"}/* .z{background:url(commented.png)} */
@namespace svg url(http://www.w3.org/2000/svg);
.w{filter:url(#blur);background:url(data:image/svg+xml;charset=utf8,%3Csvg%3E)}`
    expect(urls(extractCssRefs(text))).toEqual([
      'x.avif',
      'x@2x.png',
      'm.png',
      'fonts/i.eot?#iefix',
      'fonts/i.woff2'
    ])
  })

  it('gives exact columns in minified one-line CSS', () => {
    const text =
      '.a{color:red}.b{background:url(/assets/a-4f3a2c1b.png) no-repeat}@font-face{src:url("/assets/f-9d8e7f6a.woff2")format("woff2")}.c{background:#fff url(./c.svg?x#y)}'
    const refs = extractCssRefs(text)
    expect(refs.map((r) => [r.url, r.line, r.column])).toEqual([
      ['/assets/a-4f3a2c1b.png', 1, 32],
      ['/assets/f-9d8e7f6a.woff2', 1, 86],
      ['./c.svg?x#y', 1, 151]
    ])
    for (const r of refs) expect(text.startsWith(r.url, r.column - 1)).toBe(true)
  })

  it('strips a BOM and handles CRLF line breaks', () => {
    const refs = extractCssRefs('\uFEFF.a{background:url(a.png)}\r\n.b{background:url(b.png)}')
    expect(refs.map((r) => [r.url, r.line, r.column])).toEqual([
      ['a.png', 1, 19],
      ['b.png', 2, 19]
    ])
  })

  it('handles escapes in identifiers and rejects bad urls', () => {
    const text = `.a{background:u\\72l(esc-fn.png)}.b{background:url(bad url.png)}.c{background:url(bad"q.png)}.d{background:url(ok.png)}`
    expect(urls(extractCssRefs(text))).toEqual(['esc-fn.png', 'ok.png'])
  })

  it('never throws on broken CSS and keeps what it can find', () => {
    const cases: Array<[string, string[]]> = [
      ['.a{background:url(a.png)', ['a.png']],
      ['.a{background:url(a.png)} .b{background:url("b.png', ['a.png', 'b.png']],
      ['.a{background:url(a.png)} .b{content:"x\n.c{background:url(c.png)}', ['a.png', 'c.png']],
      ['.a{background:url(a.png) /* .b{background:url(b.png)}', ['a.png']],
      ['.a{background:url(a.png', ['a.png']],
      ['}}}{{{ @import ;;; url( ) .a{b:url(ok.png)} @media (', ['ok.png']],
      ['@import', []],
      ['url(', []],
      ['\\', []]
    ]
    for (const [text, expected] of cases) {
      expect(() => extractCssRefs(text)).not.toThrow()
      expect(urls(extractCssRefs(text))).toEqual(expected)
    }
  })
})

describe('extractJsRefs', () => {
  it('finds the references of a module that only re-exports (no `import` word in it)', () => {
    const refs = extractJsRefs("export * from './a.js'\nexport { b } from '../b.js'\n")
    expect(refs.map((r) => [r.url, r.line])).toEqual([
      ['./a.js', 1],
      ['../b.js', 2]
    ])
  })

  it('extracts static imports and re-exports, dropping bare specifiers', () => {
    const text = [
      "import React from 'react'",
      "import { h } from '@vue/runtime-dom'",
      "import def, * as ns from './lib/index.js'",
      "import './side-effect.js?inline'",
      "import json from '../data.json' with { type: 'json' }",
      "export { x } from '/abs/x.js'",
      "export * from './star.js#frag'",
      "import cdn from 'https://cdn.example.com/m.js'",
      'import q from "./\\u0071.js"'
    ].join('\n')
    const refs = extractJsRefs(text)
    expect(refs.map((r) => [r.url, r.kind])).toEqual([
      ['./lib/index.js', 'js-import'],
      ['./side-effect.js?inline', 'js-import'],
      ['../data.json', 'js-import'],
      ['/abs/x.js', 'js-import'],
      ['./star.js#frag', 'js-import'],
      ['https://cdn.example.com/m.js', 'js-import'],
      ['./q.js', 'js-import']
    ])
    expect(refs[0]).toMatchObject({ line: 3, column: 27 })
    for (const r of refs.slice(0, 6)) expect(r).toMatchObject(pos(text, r.url))
    expect(refs[6]).toMatchObject(pos(text, './\\u0071.js'))
  })

  it('extracts string-literal dynamic imports only', () => {
    const text = `const a = () => import('./a.js')
const b = () => import("./b.js?x=1")
const c = () => import(\`./c.js\`)
const d = () => import(\`./locale/\${lang}.js\`)
const e = () => import(name)
const f = () => import(/* webpackChunkName: "f" */ './f.js')
const g = () => import('lodash')`
    const refs = extractJsRefs(text)
    expect(refs.map((r) => [r.url, r.kind])).toEqual([
      ['./a.js', 'js-dynamic-import'],
      ['./b.js?x=1', 'js-dynamic-import'],
      ['./c.js', 'js-dynamic-import'],
      ['./f.js', 'js-dynamic-import']
    ])
    for (const r of refs) expect(r).toMatchObject(pos(text, r.url))
  })

  it('extracts new URL(literal, import.meta.url) and nothing else that looks like it', () => {
    const text = `const w = new URL('./worker.js', import.meta.url)
const img = new URL("../img/a.png?raw", import.meta.url).href
const t = new URL(\`./t.wasm\`,import.meta.url)
const c = new URL(/* @vite-ignore */ './c.bin' , /* base */ import.meta.url )
const x = new URL('./x.js', location.href)
const y = new URL(\`./\${n}.js\`, import.meta.url)
const z = new URL(name, import.meta.url)
const s = "new URL('./in-string.js', import.meta.url)"
// new URL('./in-comment.js', import.meta.url)
const m = import.meta.url
new Worker(new URL(\`/assets/worker-A.js\`,\`\`+import.meta.url))
new URL("./v.js", "" + import.meta.url)
new URL('./p.js', 'x' + import.meta.url)
new URL('./q.js', a + import.meta.url)`
    const refs = extractJsRefs(text)
    expect(refs.map((r) => [r.url, r.kind])).toEqual([
      ['./worker.js', 'js-new-url'],
      ['../img/a.png?raw', 'js-new-url'],
      ['./t.wasm', 'js-new-url'],
      ['./c.bin', 'js-new-url'],
      // what Vite 8 writes for new Worker(new URL('./worker.js', import.meta.url)): an empty string before the base
      ['/assets/worker-A.js', 'js-new-url'],
      ['./v.js', 'js-new-url']
    ])
    for (const r of refs) expect(r).toMatchObject(pos(text, r.url))
  })

  it('gives exact columns in a minified one-line bundle', () => {
    const text =
      'import{a as e}from"./vendor-4f3a2c1b.js";import"./style-9d8e7f6a.js";const n=()=>import("./lazy-0a1b2c3d.js"),o=new URL("./worker-5e6f7a8b.js",import.meta.url);export{n as l,o as w};'
    const refs = extractJsRefs(text)
    expect(refs.map((r) => [r.url, r.kind, r.line, r.column])).toEqual([
      ['./vendor-4f3a2c1b.js', 'js-import', 1, 20],
      ['./style-9d8e7f6a.js', 'js-import', 1, 49],
      ['./lazy-0a1b2c3d.js', 'js-dynamic-import', 1, 90],
      ['./worker-5e6f7a8b.js', 'js-new-url', 1, 122]
    ])
    for (const r of refs) expect(text.startsWith(r.url, r.column - 1)).toBe(true)
  })

  it('handles webpack-style classic bundles (no static imports, no guessing; the runtime chunk folder is read)', () => {
    const text = `!function(){var e={};e.p="/static/js/";e.u=function(t){return"static/js/"+t+"."+{12:"8e3f1a2b"}[t]+".chunk.js"};import("./static/js/main.8e3f1a2b.chunk.js")}();`
    expect(extractJsRefs(text, { module: false }).map((r) => [r.url, r.kind])).toEqual([
      ['/static/js/static/js/', 'js-chunk-folder'],
      ['./static/js/main.8e3f1a2b.chunk.js', 'js-dynamic-import']
    ])
  })

  it('in classic scripts (module: false) returns only dynamic imports', () => {
    const text = `import a from './a.js'\nimport('./b.js')\nnew URL('./c.js', import.meta.url)`
    expect(extractJsRefs(text, { module: false }).map((r) => r.url)).toEqual(['./b.js'])
    expect(extractJsRefs(text).map((r) => r.url)).toEqual(['./a.js', './b.js', './c.js'])
  })

  it('strips a BOM', () => {
    const refs = extractJsRefs('\uFEFFimport "./a.js"')
    expect(refs).toEqual([{ url: './a.js', line: 1, column: 9, kind: 'js-import' }])
  })

  it('never throws on syntax errors and returns the references before the error', () => {
    const cases: Array<[string, string[]]> = [
      ["import './a.js'; function f() { import('./b.js')", ['./a.js', './b.js']],
      ["import './a.js'; let s = 'unterminated", ['./a.js']],
      ["import './a.js'; let t = `unterminated ${x", ['./a.js']],
      ["import './a.js'; }}} import('./lost.js')", ['./a.js']],
      ["import './a.js'; x = /unterminated regex", ['./a.js']],
      ["import './a.js'; import { from './b.js'", ['./a.js']],
      ['import', []],
      ['(((((', []],
      ['', []]
    ]
    for (const [text, expected] of cases) {
      expect(() => extractJsRefs(text)).not.toThrow()
      expect(extractJsRefs(text).map((r) => r.url)).toEqual(expected)
    }
  })

  it('classifies specifiers as URL or bare', () => {
    for (const s of ['./a.js', '../a.js', '/a.js', 'https://x/a.js', 'data:text/javascript,1']) {
      expect(isUrlSpecifier(s)).toBe(true)
    }
    for (const s of ['react', '@scope/pkg', 'a.js', '.', '..', '.a.js', '~/x.js']) {
      expect(isUrlSpecifier(s)).toBe(false)
    }
  })
})

describe('isNonReference', () => {
  it('flags values that are not package files', () => {
    for (const v of [
      '',
      '   ',
      '#',
      '#top',
      ' #frag',
      'data:image/png;base64,AAAA',
      'DATA:text/plain,x',
      'blob:https://example.com/uuid',
      'javascript:void(0)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'mailto:a@b.c',
      'tel:+861234',
      'about:blank',
      '{{ asset }}',
      '/img/{{name}}.png',
      '${base}/x.js',
      '<%= url %>',
      'x<% a %>y'
    ]) {
      expect(isNonReference(v), v).toBe(true)
    }
  })

  it('keeps real references, including external and hashed ones', () => {
    for (const v of [
      'a.png',
      './a.png?x=1#y',
      '/assets/index-4f3a2c1b.js',
      'static/js/main.8e3f1a2b.chunk.js',
      'https://cdn.example.com/a.js',
      '//cdn.example.com/a.js',
      'img/{braces}.png',
      'data.json',
      'about.html',
      'tel.png'
    ]) {
      expect(isNonReference(v), v).toBe(false)
    }
  })
})

describe('extractRefs / refKindForPath', () => {
  it('maps file extensions to extractors', () => {
    expect(refKindForPath('index.html')).toBe('html')
    expect(refKindForPath('a/B.HTM')).toBe('html')
    expect(refKindForPath('css/app.min.css')).toBe('css')
    expect(refKindForPath('js/app.js')).toBe('js')
    expect(refKindForPath('m.mjs')).toBe('js')
    expect(refKindForPath('c.cjs')).toBe('js')
    expect(refKindForPath('types.d.ts')).toBeUndefined()
    expect(refKindForPath('dir.html/file')).toBeUndefined()
    expect(refKindForPath('.html')).toBeUndefined()
    expect(refKindForPath('Makefile')).toBeUndefined()
  })

  it('dispatches by extension', () => {
    expect(extractRefs('www/index.html', '<base href="/x/"><img src="a.png">')).toEqual({
      refs: [{ url: 'a.png', line: 1, column: 28, kind: 'html-attr', tag: 'img', attr: 'src' }],
      baseHref: { url: '/x/', line: 1, column: 13 }
    })
    expect(extractRefs('a.css', 'a{b:url(c.png)}').refs.map((r) => r.kind)).toEqual(['css-url'])
    const js = "import './a.js'; import('./b.js')"
    expect(extractRefs('a.mjs', js).refs.map((r) => r.url)).toEqual(['./a.js', './b.js'])
    expect(extractRefs('a.js', js).refs.map((r) => r.url)).toEqual(['./a.js', './b.js'])
    expect(extractRefs('a.cjs', js).refs.map((r) => r.url)).toEqual(['./b.js'])
    expect(extractRefs('a.png', 'url(x)')).toEqual({ refs: [] })
  })
})

describe('robustness (property-based)', () => {
  const token = fc.constantFrom(
    '<',
    '>',
    '</',
    '/>',
    '<!--',
    '-->',
    '"',
    "'",
    '`',
    '=',
    ' ',
    '\n',
    '\r\n',
    '\t',
    ';',
    ',',
    '#',
    '(',
    ')',
    '{',
    '}',
    '*',
    '/',
    '\\',
    '&',
    '&amp;',
    '\uFEFF',
    '😀',
    'x',
    'img',
    ' src=',
    ' srcset=',
    ' style=',
    'script',
    'style',
    'svg',
    'link rel=icon href=',
    'base href=',
    'url(',
    '@import ',
    'image-set(',
    'import ',
    'import(',
    'from ',
    'new URL(',
    'import.meta.url',
    'a.png',
    './m.js',
    ' 2x',
    'data:x',
    '{{',
    '}}',
    // Well-formed references, so that noise lands around and inside real ones.
    '<img src="a.png">',
    "<img srcset='a.png 1x, b.png 2x'>",
    '<div style="background:url(c.png)">',
    '<style>a{b:url(d.png)}</style>',
    "<script type=module>import './m.js'</script>",
    "import './m.js';",
    "import('./d.js');",
    "new URL('./w.js', import.meta.url);",
    'a{b:url(e.png)}',
    '@import "f.css";'
  )
  const text = fc.array(token, { maxLength: 80 }).map((a) => a.join(''))
  const extractors: Array<[string, (t: string) => RawRef[]]> = [
    ['html', (t) => extractHtmlRefs(t).refs],
    ['css', extractCssRefs],
    ['js', (t) => extractJsRefs(t)],
    ['classic js', (t) => extractJsRefs(t, { module: false })]
  ]

  it('never throws and reports positions inside the text; unescaped URLs are found verbatim there', () => {
    fc.assert(
      fc.property(text, (t) => {
        const body = stripBom(t)
        const lines = new LineIndex(body)
        for (const [, extract] of extractors) {
          for (const r of extract(t)) {
            expect(r.line).toBeGreaterThanOrEqual(1)
            expect(r.line).toBeLessThanOrEqual(lines.lineCount)
            expect(r.column).toBeGreaterThanOrEqual(1)
            const offset = lines.offset(r.line, r.column)
            expect(offset).toBeLessThanOrEqual(body.length)
            if (!body.includes('&') && !body.includes('\\')) {
              expect(body.startsWith(r.url, offset)).toBe(true)
            }
          }
        }
      }),
      { numRuns: 1500 }
    )
  })
})

describe('scanCss: quiet spans skipped', () => {
  // Everything that can start, end or hide a reference, and what looks like it but is not one.
  const piece = fc.constantFrom(
    ...['url(', 'URL(', 'u\\72l(', '\\75 rl(', 'src(', 'Src(', 'image-set(', '-webkit-image-set('],
    ...[
      '-o-image-set(',
      '-Moz-Image-Set(',
      'x-image-set(',
      '1url(',
      '#url(',
      '#',
      '@url(',
      '@namespace '
    ],
    ...[
      '@media ',
      '@',
      'a.png',
      '"b.png"',
      "'c.png'",
      '"d\\"e.png"',
      '"\\\n"',
      '(',
      ')',
      '{',
      '}',
      ';'
    ],
    ...[
      ',',
      ' ',
      '\n',
      '\r\n',
      '\f',
      '/*',
      '*/',
      '/',
      '*',
      '\\',
      '\\\n',
      '\\31 ',
      'x',
      '-',
      'é',
      '😀'
    ],
    ...[
      ':',
      '.',
      'rgba(0,0,0,.1)',
      'var(--a)',
      'url(a b)',
      'url( "q" )',
      "url('r')",
      '"',
      "'",
      '\u0000'
    ],
    ...['a{b:url(e.png)}', '.sm\\:flex', 'foo(', 'srcx(', 'xurl(', '@import ', '@\\']
  )
  const found = (scan: typeof scanCss, t: string, start: number, end: number): string[] => {
    const out: string[] = []
    scan(t, start, end, (url, offset, kind) => out.push(`${url} @${offset} ${kind}`))
    return out
  }

  it('finds what the tokenizer alone finds, at the same offsets, in any range', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (t, x, y) => {
          const start = x % (t.length + 1)
          const end = start + (y % (t.length - start + 1))
          expect(found(scanCss, t, start, end)).toEqual(found(scanCssExact, t, start, end))
          expect(found(scanCss, t, 0, t.length)).toEqual(found(scanCssExact, t, 0, t.length))
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('reads names whole where a span stops inside them', () => {
    const t =
      '.a{b:x}#url(h.png) xurl(i.png) .sm\\:p{c:u\\72l(j.png)}d{e:rgba(0,0,0) -webkit-image-set("k.png" 1x)}'
    expect(found(scanCss, t, 0, t.length)).toEqual([
      `j.png @${t.indexOf('j.png')} css-url`,
      `k.png @${t.indexOf('k.png')} css-url`
    ])
    expect(found(scanCssExact, t, 0, t.length)).toEqual(found(scanCss, t, 0, t.length))
  })
})

describe('extractJsRefsFromBytes: non-ASCII text lexed one byte per character', () => {
  it('gives the URL and the UTF-16 column after non-ASCII characters on the line', () => {
    const text =
      "// café 😀\nconst s = '中文'; import('./a.js'); import './é.js'\nnew URL('./w.js', import.meta.url)"
    const refs = extractJsRefsFromBytes(Buffer.from(text))
    expect(refs).toEqual(extractJsRefs(text))
    expect(refs.map((r) => [r.url, r.line, r.column])).toEqual([
      ['./a.js', 2, text.split('\n')[1].indexOf('./a.js') + 1],
      ['./é.js', 2, text.split('\n')[1].indexOf('./é.js') + 1],
      ['./w.js', 3, 10]
    ])
  })

  // Non-ASCII characters in every place, including those whose UTF-8 form holds a 0xA0 byte (à, †: a no-break
  // space in Latin-1), the ones the lexer takes for whitespace, a BOM, and bytes that are not UTF-8.
  const piece = fc.constantFrom(
    ...[
      "import('./a.js')",
      "import './b.js'",
      'import(',
      "'./c.js'",
      ')',
      ';',
      '\n',
      ' ',
      'x',
      '/',
      '/*',
      '*/'
    ],
    ...[
      '//',
      '"',
      "'",
      '`',
      '${',
      '}',
      '{',
      'export * from ',
      "new URL('./w.js', import.meta.url)",
      'é'
    ],
    ...[
      'à',
      '†',
      '中',
      '😀',
      '\u00a0',
      '\u2028',
      '\u2029',
      '\ufeff',
      'ï»¿',
      'import\u00a0',
      "'./à.js'",
      '/à/'
    ]
  )
  const bytesOf = (parts: string[], junk: number[]): Buffer => {
    const b = Buffer.from(parts.join(''))
    // Bytes that are not UTF-8 (a lone 0xA0, a cut sequence) at chosen places.
    for (const j of junk) if (b.length) b[j % b.length] = j % 2 ? 0xa0 : 0xe4
    return b
  }

  // Any other character, next to keywords and punctuation.
  const anyChar = fc
    .integer({ min: 0x80, max: 0x10ffff })
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCodePoint(c))

  it('finds what extractJsRefs finds in the decoded text, in modules and classic scripts', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.oneof(piece, anyChar), { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 2 }),
        fc.boolean(),
        (bom, parts, junk, module) => {
          const b = bytesOf(bom ? ['\ufeff', ...parts] : parts, junk)
          expect(extractJsRefsFromBytes(b, { module })).toEqual(
            extractJsRefs(b.toString('utf8'), { module })
          )
        }
      ),
      { numRuns: 3000 }
    )
  })
})
