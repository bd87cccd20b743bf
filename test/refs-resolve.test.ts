/**
 * How references resolve (issue 4, "How a reference resolves"), end to end: real files written to a temp folder,
 * validated (or packed) by the engine, findings compared. No mocks.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig, type ConfigInput } from '../src/core/config.js'
import type { Finding } from '../src/core/findings.js'
import { packPackage } from '../src/engine/pack.js'
import { fixFor, formatMessage } from '../src/report/messages.js'
import { cleanupTempDirs, tempDir, validateTree, writeTree, type Tree } from './helpers/tree.js'

afterAll(cleanupTempDirs)

const ID = '20171228'
const W = `${ID}/www`
const HOST = 'mcube-prod.mpaascloud.com'
const APP_WS = '53E5279071442_test'
const STD: Partial<ConfigInput> = { type: 'standard', id: ID, mainEntry: '/www/index.html' }
const STD_APP: Partial<ConfigInput> = { ...STD, appId: '53E5279071442', workspace: 'test' }

/** The ref-* findings, with everything a user sees: rule, severity, file, line, column, arguments. */
function refFindings(findings: readonly Finding[]) {
  return findings
    .filter((f) => f.rule.startsWith('ref-'))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      path: f.path,
      line: f.line,
      column: f.column,
      args: f.args
    }))
}

async function refsOf(tree: Tree | string, config: Partial<ConfigInput> = STD) {
  const v = await validateTree(tree, config)
  return { found: refFindings(v.findings), refs: v.refs!, all: v.findings }
}

/** 1-based line and column of the first character of `needle` (the URL itself) in `text`. */
function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const i = text.indexOf(needle, from)
  if (i === -1) throw new Error(`${needle} not in text`)
  const before = text.slice(0, i)
  const line = before.split('\n').length
  return { line, column: i - before.lastIndexOf('\n') }
}

/** Zips a folder with Python's zipfile (directory entries included, as Finder and 7-Zip write them). */
function zipWithPython(dir: string): string {
  const out = path.join(tempDir('h5-refs-zip-'), 'global.zip')
  execFileSync('python3', [
    '-c',
    `import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(root):
        dirs.sort()
        rel = os.path.relpath(d, root)
        if rel != '.':
            z.write(d, rel + '/')
        for f in sorted(files):
            z.write(os.path.join(d, f), os.path.join(rel, f) if rel != '.' else f)`,
    dir,
    out
  ])
  return out
}

describe('standard package: relative and root-relative URLs resolve inside the ID folder', () => {
  it('resolves relative URLs from HTML, CSS and JS against the referencing file, and root-relative ones against the ID folder', async () => {
    const tree: Tree = {
      [`${W}/index.html`]: [
        '<!doctype html>',
        '<link rel="stylesheet" href="css/app.css">',
        '<link rel="stylesheet" href="/www/css/app.css">',
        '<script type="module" src="./js/main.js"></script>',
        '<img src="../www/img/a.png" srcset="img/a.png 1x, /www/img/b.png 2x">',
        // `..` above the root stays at the root, as in a browser.
        '<img src="../../../www/img/a.png">',
        '<div style="background: url(img/b.png)"></div>'
      ].join('\n'),
      [`${W}/css/app.css`]:
        '@import "base.css";\n.a { background: url(../img/a.png) }\n.b { background: url("/www/img/b.png") }',
      [`${W}/css/base.css`]: 'body { margin: 0 }',
      [`${W}/js/main.js`]:
        "import { x } from './lib/x.js'\nimport '../js/lib/y.js'\nexport * from '/www/js/lib/x.js'\n",
      [`${W}/js/lib/x.js`]: 'export const x = 1',
      [`${W}/js/lib/y.js`]: '',
      [`${W}/img/a.png`]: 'png',
      [`${W}/img/b.png`]: 'png'
    }
    const { found, refs } = await refsOf(tree)
    expect(found).toEqual([])
    expect(refs.resolved).toBe(14)
    expect(refs.notable).toEqual([])
    expect(refs.files).toBe(6)
  })

  it('reports a root-relative URL written for a site root: /assets/x.js from ID/www/index.html means ID/assets/x.js', async () => {
    const html =
      '<!doctype html>\n<script src="/assets/x.js"></script>\n<script src="assets/x.js"></script>'
    const { found } = await refsOf({ [`${W}/index.html`]: html, [`${W}/assets/x.js`]: '' })
    expect(found).toEqual([
      {
        rule: 'ref-broken',
        severity: 'error',
        path: `${W}/index.html`,
        line: 2,
        column: 14,
        args: {
          url: '/assets/x.js',
          target: `${ID}/assets/x.js`,
          near: `${W}/assets/x.js`,
          nearUrl: '/www/assets/x.js'
        }
      }
    ])
    const finding = { rule: 'ref-broken', severity: 'error' as const, args: found[0].args }
    // The message names the file the phone looks for (under the ID folder, not www/) and the one meant; the fix
    // says why, and how each kind of build gets it right.
    expect(formatMessage(finding)).toBe(
      `"/assets/x.js" points at ${ID}/assets/x.js, which is not in the package: the phone fetches it from the network or shows nothing; ${W}/assets/x.js has that name: did you mean "/www/assets/x.js"?`
    )
    expect(fixFor('ref-broken')).toMatch(
      /Root-relative URLs \(\/assets\/x\.js\) start at the ID folder/
    )
    expect(fixFor('ref-broken')).toMatch(/Vite base "\.\/"/)
    expect(fixFor('ref-broken')).toMatch(/"\/www\/": Vite base, Next basePath/)
  })

  it('reports a relative URL that names no file, from HTML, CSS and JS, at the URL itself', async () => {
    const html =
      '<!doctype html>\n<link rel="stylesheet" href="css/app.css">\n  <img src="img/missing.png">'
    const css = '.a {\n  background: url(  "../img/gone.png"  )\n}'
    const js =
      "import './ok.js'\nconst m = await import('./chunks/nope.js')\nconst u = new URL('../img/also-gone.png', import.meta.url)\n"
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/css/app.css`]: css,
      [`${W}/js/main.js`]: js,
      [`${W}/js/ok.js`]: ''
    })
    expect(found.map((f) => [f.rule, f.path, f.line, f.column, f.args.target])).toEqual([
      ['ref-broken', `${W}/css/app.css`, 2, 22, `${W}/img/gone.png`],
      ['ref-broken', `${W}/index.html`, 3, 13, `${W}/img/missing.png`],
      ['ref-broken', `${W}/js/main.js`, 2, 25, `${W}/js/chunks/nope.js`],
      ['ref-broken', `${W}/js/main.js`, 3, 20, `${W}/img/also-gone.png`]
    ])
  })

  it('reports a reference that matches a file only ignoring case (ref-case-mismatch), not as broken', async () => {
    const html =
      '<!doctype html>\n<img src="img/Logo.PNG">\n<script src="JS/app.js"></script>\n<img src="img/logo.png">'
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/img/logo.png`]: '',
      [`${W}/js/app.js`]: ''
    })
    expect(found).toEqual([
      {
        rule: 'ref-case-mismatch',
        severity: 'error',
        path: `${W}/index.html`,
        line: 2,
        column: 11,
        args: { url: 'img/Logo.PNG', target: `${W}/img/Logo.PNG`, actual: `${W}/img/logo.png` }
      },
      {
        rule: 'ref-case-mismatch',
        severity: 'error',
        path: `${W}/index.html`,
        line: 3,
        column: 14,
        args: { url: 'JS/app.js', target: `${W}/JS/app.js`, actual: `${W}/js/app.js` }
      }
    ])
    expect(
      formatMessage({ rule: 'ref-case-mismatch', severity: 'error', args: found[0].args })
    ).toBe(
      `"img/Logo.PNG" matches "${W}/img/logo.png" only ignoring case; it works on a Mac and fails on the phone`
    )
  })

  it('resolves against <base href>: a relative base moves every reference, base "/" sends them to the ID folder', async () => {
    const files: Tree = { [`${W}/static/js/app.js`]: '', [`${W}/static/css/app.css`]: '' }
    const page = (base: string) =>
      `<!doctype html><head><base href="${base}"><link rel="stylesheet" href="css/app.css"></head><script src="js/app.js"></script>`
    expect((await refsOf({ ...files, [`${W}/index.html`]: page('static/') })).found).toEqual([])
    expect((await refsOf({ ...files, [`${W}/index.html`]: page('./static/') })).found).toEqual([])
    expect((await refsOf({ ...files, [`${W}/index.html`]: page('/www/static/') })).found).toEqual(
      []
    )
    // Angular's default `<base href="/">`: in a package the root is the ID folder, not www/.
    const { found } = await refsOf({ ...files, [`${W}/index.html`]: page('/') })
    expect(found.map((f) => [f.rule, f.args.url, f.args.target])).toEqual([
      ['ref-broken', 'css/app.css', `${ID}/css/app.css`],
      ['ref-broken', 'js/app.js', `${ID}/js/app.js`]
    ])
    // Without a <base>, the same references are broken relative to www/.
    const plain = await refsOf({
      ...files,
      [`${W}/index.html`]: page('').replace('<base href="">', '')
    })
    expect(plain.found.map((f) => f.args.target)).toEqual([`${W}/css/app.css`, `${W}/js/app.js`])
  })

  it('says when a <base href> moved a broken reference, and does not apply it to what comes before it', async () => {
    const html =
      '<!doctype html>\n<script src="pre.js"></script>\n<base href="/">\n<script src="main.js"></script>'
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/pre.js`]: '',
      [`${W}/main.js`]: ''
    })
    // pre.js is fetched before the parser reaches <base>: resolved against the page, found
    expect(found.map((f) => [f.rule, f.line, f.args.url, f.args.base, f.args.baseLine])).toEqual([
      ['ref-broken', 4, 'main.js', '/', 3]
    ])
    expect(formatMessage(found[0]!)).toContain(
      `"main.js" points at ${ID}/main.js (resolved against <base href="/"> on line 3), which is not in the package`
    )
    expect(fixFor('ref-broken')).toContain('ng build --base-href ./')
  })

  it('ignores a <base href> that is a template placeholder, and only the first <base> counts', async () => {
    const files: Tree = { [`${W}/js/app.js`]: '' }
    const tpl =
      '<!doctype html><base href="{{ baseUrl }}/static/"><script src="js/app.js"></script>'
    expect((await refsOf({ ...files, [`${W}/index.html`]: tpl })).found).toEqual([])
    const two =
      '<!doctype html><base href="./"><base href="/nowhere/"><script src="js/app.js"></script>'
    expect((await refsOf({ ...files, [`${W}/index.html`]: two })).found).toEqual([])
  })

  it('strips ?query and #hash before matching (HTML, CSS incl. the @font-face IE hack, JS)', async () => {
    const { found, refs } = await refsOf({
      [`${W}/index.html`]:
        '<!doctype html><script src="js/app.js?v=3#x"></script><link rel="stylesheet" href="css/app.css?t=1700000000"><img src="img/sprite.svg#icon-home">',
      [`${W}/css/app.css`]:
        "@font-face { font-family: f; src: url('../fonts/f.eot?#iefix') format('embedded-opentype'), url(../fonts/f.woff2?v=4.7.0) format('woff2') }\n.i { background: url(../img/sprite.svg#icon-home) }",
      [`${W}/js/app.js`]:
        "import './dep.js?v=2'\nnew URL('../img/sprite.svg?inline#x', import.meta.url)",
      [`${W}/js/dep.js`]: '',
      [`${W}/fonts/f.eot`]: '',
      [`${W}/fonts/f.woff2`]: '',
      [`${W}/img/sprite.svg`]: '<svg/>'
    })
    expect(found).toEqual([])
    expect(refs.resolved).toBe(8)
  })

  it('matches percent-encoded references to the file names they decode to (a%20b.png is "a b.png")', async () => {
    const html = [
      '<!doctype html>',
      '<img src="img/a%20b.png">',
      '<img src="img/%E5%9B%BE%E7%89%87.png">',
      '<img src="img/图片.png">',
      '<img src="img/100%.png">',
      '<img src="img/c%2Bd.png">',
      // A stray % does not stop the escapes next to it from being decoded.
      '<img src="img/50%off%20now.png">'
    ].join('\n')
    const { found } = await refsOf(
      {
        [`${W}/index.html`]: html,
        [`${W}/img/a b.png`]: '',
        [`${W}/img/图片.png`]: '',
        [`${W}/img/100%.png`]: '',
        [`${W}/img/c+d.png`]: '',
        [`${W}/img/50%off now.png`]: ''
      },
      { ...STD, rules: { 'ref-url-unsafe': 'off' } }
    )
    expect(found).toEqual([])
  })

  it('warns (ref-url-unsafe) for a reference written with characters urlencode changes: icon@2x.png, spaces', async () => {
    const html =
      '<!doctype html>\n<img src="img/icon@2x.png" srcset="img/icon@2x.png 2x">\n<img src="img/a%20b.png">\n<img src="img/ok.png">'
    const css = '.a{background:url(../img/icon@2x.png)}'
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/css/app.css`]: css,
      [`${W}/img/icon@2x.png`]: '',
      [`${W}/img/a b.png`]: '',
      [`${W}/img/ok.png`]: ''
    })
    expect(found).toEqual([
      {
        rule: 'ref-url-unsafe',
        severity: 'warning',
        path: `${W}/css/app.css`,
        line: 1,
        column: 19,
        args: { url: '../img/icon@2x.png', target: `${W}/img/icon@2x.png`, chars: "'@'" }
      },
      {
        rule: 'ref-url-unsafe',
        severity: 'warning',
        path: `${W}/index.html`,
        line: 2,
        column: 11,
        args: { url: 'img/icon@2x.png', target: `${W}/img/icon@2x.png`, chars: "'@'" }
      },
      {
        rule: 'ref-url-unsafe',
        severity: 'warning',
        path: `${W}/index.html`,
        line: 2,
        column: 36,
        args: { url: 'img/icon@2x.png', target: `${W}/img/icon@2x.png`, chars: "'@'" }
      },
      {
        rule: 'ref-url-unsafe',
        severity: 'warning',
        path: `${W}/index.html`,
        line: 3,
        column: 11,
        args: { url: 'img/a%20b.png', target: `${W}/img/a b.png`, chars: 'space' }
      }
    ])
  })

  it('judges only the characters the reference writes: ./x.png inside a folder named with "~" is not ref-url-unsafe', async () => {
    // The folder name itself is reported once by name-urlencode; repeating it for every reference adds nothing.
    const html = '<!doctype html><img src="./x.png"><img src="../mbank~login/x.png">'
    const { found, all } = await refsOf({
      [`${W}/mbank~login/index.html`]: html,
      [`${W}/mbank~login/x.png`]: ''
    })
    expect(found.map((f) => [f.rule, f.column, f.args.chars])).toEqual([
      ['ref-url-unsafe', positionOf(html, '../mbank~login').column, "'~'"]
    ])
    expect(all.filter((f) => f.rule === 'name-urlencode').map((f) => f.path)).toEqual([
      `${W}/mbank~login`
    ])
  })

  it('says when a broken reference differs from a file only in Unicode normalization (NFD names from macOS)', async () => {
    const nfd = 'cafe\u0301.png'
    const nfc = 'caf\u00e9.png'
    const { found } = await refsOf({
      [`${W}/index.html`]: `<!doctype html><img src="${nfc}"><img src="gone-${nfc}">`,
      [`${W}/${nfd}`]: ''
    })
    expect(found.map((f) => [f.rule, f.args.url, f.args.form])).toEqual([
      ['ref-broken', nfc, `${W}/${nfd}`],
      ['ref-broken', `gone-${nfc}`, undefined]
    ])
    expect(formatMessage(found[0]!)).toContain(
      `(${W}/${nfd} is the same name in another Unicode normalization form`
    )
  })

  it('does not count tabs and line breaks in a reference, which the URL parser drops, as unsafe characters', async () => {
    const html =
      '<!doctype html><img src="img/\nx.png"><img src="img/\tx.png"><img src="img/%09y.png">'
    const { found } = await refsOf({ [`${W}/index.html`]: html, [`${W}/img/x.png`]: '' })
    // the escaped tab is a real character of the name the page asks for
    expect(found.map((f) => [f.rule, f.args.url])).toEqual([['ref-broken', 'img/%09y.png']])
  })

  it('resolves from folders whose names a URL would misread: "#", "?", "%", spaces', async () => {
    const { found } = await refsOf(
      {
        [`${W}/c#/index.html`]:
          '<!doctype html><img src="a.png"><img src="../100%25/b.png"><img src="../x y/c.png">',
        [`${W}/c#/a.png`]: '',
        [`${W}/100%/index.html`]: '<!doctype html><img src="b.png"><img src="./x%20y/../b.png">',
        [`${W}/100%/b.png`]: '',
        [`${W}/x y/index.html`]: '<!doctype html><img src="c.png">',
        [`${W}/x y/c.png`]: '',
        [`${W}/q?/index.html`]: '<!doctype html><img src="d.png"><img src="../q%3F/d.png">',
        [`${W}/q?/d.png`]: ''
      },
      { ...STD, rules: { 'ref-url-unsafe': 'off' } }
    )
    expect(found).toEqual([])
  })
})

describe('bundler output with hashed names', () => {
  /** What `vite build` writes for a small app, with the asset URLs its `base` option produces. */
  function viteOutput(base: './' | '/'): Tree {
    const a = base === './' ? './assets/' : '/assets/'
    const cssAsset = base === './' ? './logo-5e6f7a8b.png' : '/assets/logo-5e6f7a8b.png'
    return {
      [`${W}/index.html`]: [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '  <head>',
        '    <meta charset="UTF-8" />',
        `    <link rel="icon" type="image/svg+xml" href="${base}vite.svg" />`,
        '    <title>Vite App</title>',
        `    <script type="module" crossorigin src="${a}index-4f3a2c1b.js"></script>`,
        `    <link rel="modulepreload" crossorigin href="${a}vendor-9a8b7c6d.js">`,
        `    <link rel="stylesheet" crossorigin href="${a}index-d41d8cd9.css">`,
        '  </head>',
        '  <body>',
        '    <div id="app"></div>',
        '  </body>',
        '</html>'
      ].join('\n'),
      [`${W}/vite.svg`]: '<svg/>',
      [`${W}/assets/index-4f3a2c1b.js`]:
        'import{c as r,h as o}from"./vendor-9a8b7c6d.js";const n=()=>import("./Page-1a2b3c4d.js");' +
        'const w=new Worker(new URL("./worker-abc123.js",import.meta.url),{type:"module"});r(o("div",null,n)).mount("#app");',
      [`${W}/assets/vendor-9a8b7c6d.js`]: 'export function c(x){return x}export function h(){}',
      [`${W}/assets/Page-1a2b3c4d.js`]:
        'import{h as e}from"./vendor-9a8b7c6d.js";export default function(){return e()}',
      [`${W}/assets/worker-abc123.js`]: 'self.onmessage=()=>{}',
      [`${W}/assets/index-d41d8cd9.css`]: `#app{background:url(${cssAsset}) no-repeat}`,
      [`${W}/assets/logo-5e6f7a8b.png`]: 'png'
    }
  }

  it("passes a Vite build with base './': module script, modulepreload, static and dynamic imports, new URL(), CSS url()", async () => {
    const { found, refs } = await refsOf(viteOutput('./'))
    expect(found).toEqual([])
    // vite.svg, entry, modulepreload, stylesheet; vendor import, dynamic Page, worker; Page → vendor; CSS → logo.
    expect(refs.resolved).toBe(9)
  })

  it("fails a Vite build with the default base '/': the files are under www/, the URLs point at the ID folder", async () => {
    const { found } = await refsOf(viteOutput('/'))
    expect(
      found.map((f) => [f.rule, f.severity, f.path, f.line, f.args.url, f.args.target])
    ).toEqual([
      [
        'ref-broken',
        'error',
        `${W}/assets/index-d41d8cd9.css`,
        1,
        '/assets/logo-5e6f7a8b.png',
        `${ID}/assets/logo-5e6f7a8b.png`
      ],
      [
        'ref-broken',
        'error',
        `${W}/index.html`,
        7,
        '/assets/index-4f3a2c1b.js',
        `${ID}/assets/index-4f3a2c1b.js`
      ],
      [
        'ref-broken',
        'error',
        `${W}/index.html`,
        8,
        '/assets/vendor-9a8b7c6d.js',
        `${ID}/assets/vendor-9a8b7c6d.js`
      ],
      [
        'ref-broken',
        'error',
        `${W}/index.html`,
        9,
        '/assets/index-d41d8cd9.css',
        `${ID}/assets/index-d41d8cd9.css`
      ],
      // A page icon costs a request, not the page: a warning.
      ['ref-broken', 'warning', `${W}/index.html`, 5, '/vite.svg', `${ID}/vite.svg`]
    ])
  })

  it('passes a webpack (create-react-app) build: static/js, static/css with url(../media/…), runtime chunk maps not guessed at', async () => {
    const tree: Tree = {
      [`${W}/index.html`]:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"/><link rel="icon" href="./favicon.ico"/>' +
        '<script defer="defer" src="./static/js/main.3f2a1c.js"></script><link href="./static/css/main.1b2c.css" rel="stylesheet"></head>' +
        '<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>',
      [`${W}/favicon.ico`]: 'ico',
      [`${W}/static/js/main.3f2a1c.js`]:
        '/*! For license information please see main.3f2a1c.js.LICENSE.txt */\n(()=>{var e={},t={};' +
        'r.u=e=>"static/js/"+e+"."+{216:"8a1b2c3d",787:"4e5f6a7b"}[e]+".chunk.js";' +
        'r.miniCssF=e=>"static/css/"+e+"."+{216:"9c8d7e6f"}[e]+".chunk.css";r.p="./";' +
        'Promise.resolve().then(r.bind(r,216))})();',
      [`${W}/static/js/216.8a1b2c3d.chunk.js`]:
        '"use strict";(self.webpackChunkapp=self.webpackChunkapp||[]).push([[216],{}]);',
      [`${W}/static/css/main.1b2c.css`]:
        '@font-face{font-family:Inter;src:url(../media/font.woff2) format("woff2")}body{background:url(../media/bg.8c7d6e.png)}',
      [`${W}/static/media/font.woff2`]: 'woff2',
      [`${W}/static/media/bg.8c7d6e.png`]: 'png'
    }
    const { found, refs } = await refsOf(tree)
    expect(found).toEqual([])
    expect(refs.resolved).toBe(5)
  })
})

describe('references into the global resource host', () => {
  const page = [
    '<!doctype html>',
    '<script src="../53E5279071442_test/common.js"></script>',
    '<script src="//mcube-prod.mpaascloud.com/53E5279071442_test/common.js"></script>',
    '<script src="https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js"></script>'
  ].join('\n')

  for (const [label, config] of [
    ['with app ID and workspace configured', STD_APP],
    ['without them (any <appId>_<workspace> folder name)', STD]
  ] as const) {
    it(`reports relative and protocol-relative URLs into the global host ${label}; the absolute URL passes`, async () => {
      const { found } = await refsOf({ [`${W}/index.html`]: page }, config)
      expect(found).toEqual([
        {
          rule: 'ref-global-relative',
          severity: 'error',
          path: `${W}/index.html`,
          line: 2,
          column: 14,
          args: {
            url: '../53E5279071442_test/common.js',
            target: `${ID}/53E5279071442_test/common.js`,
            absolute: 'https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js'
          }
        },
        {
          rule: 'ref-global-relative',
          severity: 'error',
          path: `${W}/index.html`,
          line: 3,
          column: 14,
          args: {
            url: '//mcube-prod.mpaascloud.com/53E5279071442_test/common.js',
            target: 'https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js',
            absolute: 'https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js'
          }
        }
      ])
    })
  }

  it('knows an Apsara Stack host and prefix: ../mcube/<appId>_<workspace>/… and //host/mcube/… are relative', async () => {
    const html = [
      '<!doctype html>',
      '<script src="../mcube/53E5279071442_test/common.js"></script>',
      '<script src="//mdsweb-outer.alipay.net/mcube/53E5279071442_test/common.js"></script>',
      '<script src="https://mdsweb-outer.alipay.net/mcube/53E5279071442_test/common.js"></script>',
      '<script src="https://mcube-prod.mpaascloud.com/x.js"></script>'
    ].join('\n')
    const { found, refs } = await refsOf(
      { [`${W}/index.html`]: html },
      { ...STD_APP, environment: 'apsara-stack', host: 'mdsweb-outer.alipay.net' }
    )
    expect(found.map((f) => [f.rule, f.line])).toEqual([
      ['ref-global-relative', 2],
      ['ref-global-relative', 3]
    ])
    // On Apsara Stack the public cloud host is just another site.
    expect(refs.external).toEqual({ 'https://mcube-prod.mpaascloud.com': 1 })
  })

  it('does not call a broken reference global-relative when the folder name only looks like <appId>_<workspace>', async () => {
    const html = '<!doctype html><script src="lib/jquery_1-12/jquery.js"></script>'
    const { found } = await refsOf({ [`${W}/index.html`]: html }, STD_APP)
    expect(found.map((f) => f.rule)).toEqual(['ref-broken'])
  })

  describe('with --global-package: each absolute URL must name a file of it (ref-global-missing)', () => {
    const GLOBAL_ID = '88888888'
    const globalTree: Tree = {
      [`${GLOBAL_ID}/${HOST}/${APP_WS}/v1/common.js`]: 'window.common = 1',
      [`${GLOBAL_ID}/${HOST}/${APP_WS}/v1/img/a@2x.png`]: 'png',
      [`${GLOBAL_ID}/${HOST}/${APP_WS}/v1/fonts/icon font.woff`]: 'woff'
    }
    const std = [
      '<!doctype html>',
      `<script src="https://${HOST}/${APP_WS}/v1/common.js?v=1"></script>`,
      `<img src="https://${HOST}/${APP_WS}/v1/img/a@2x.png">`,
      `<script src="https://${HOST}/${APP_WS}/v1/missing.js"></script>`,
      `<script src="http://${HOST}/${APP_WS}/v1/common.js"></script>`,
      `<script src="https://${HOST}/${APP_WS}/V1/common.js"></script>`
    ].join('\n')
    const css = `@font-face{font-family:i;src:url("https://${HOST}/${APP_WS}/v1/fonts/icon%20font.woff")}`

    for (const form of ['laid-out folder', 'zip (Python zipfile)'] as const) {
      it(`reads the global package from a ${form}`, async () => {
        const globalDir = writeTree(globalTree)
        const globalPackage = form === 'laid-out folder' ? globalDir : zipWithPython(globalDir)
        const { found, refs } = await refsOf(
          { [`${W}/index.html`]: std, [`${W}/css/app.css`]: css },
          { ...STD_APP, globalPackage }
        )
        expect(found).toEqual([
          {
            rule: 'ref-global-missing',
            severity: 'error',
            path: `${W}/index.html`,
            line: 4,
            column: 14,
            args: {
              url: `https://${HOST}/${APP_WS}/v1/missing.js`,
              target: `https://${HOST}/${APP_WS}/v1/missing.js`
            }
          },
          {
            // a case slip into the global package is named as one, as it is in the package itself
            rule: 'ref-case-mismatch',
            severity: 'error',
            path: `${W}/index.html`,
            line: 6,
            column: 14,
            args: {
              url: `https://${HOST}/${APP_WS}/V1/common.js`,
              target: `https://${HOST}/${APP_WS}/V1/common.js`,
              actual: `https://${HOST}/${APP_WS}/v1/common.js`
            }
          }
        ])
        expect(
          formatMessage({ rule: 'ref-case-mismatch', severity: 'error', args: found[1]!.args })
        ).toBe(
          `"https://${HOST}/${APP_WS}/V1/common.js" matches "https://${HOST}/${APP_WS}/v1/common.js" only ignoring case; the container matches global URLs exactly, so the phone fetches it from the network`
        )
        // Global resources come from the global package, not the network.
        expect(refs.external).toEqual({})
      })
    }

    it('without --global-package, absolute global URLs are not checked (nothing to check them against)', async () => {
      const { found } = await refsOf({ [`${W}/index.html`]: std }, STD_APP)
      expect(found).toEqual([])
    })
  })

  it('resolves references between the files of a global package by their URLs', async () => {
    const dir = `88888888/${HOST}/${APP_WS}/v1`
    const html = [
      '<!doctype html>',
      '<link rel="stylesheet" href="css/a.css">',
      `<img src="/${APP_WS}/v1/img/a.png">`,
      `<img src="https://${HOST}/${APP_WS}/v1/img/a.png">`,
      `<img src="//${HOST}/${APP_WS}/v1/img/a.png">`,
      '<script src="../v2/x.js"></script>',
      `<img src="https://${HOST}/${APP_WS}/v1/img/A.png">`,
      '<script src="https://cdn.example.com/lib.js"></script>'
    ].join('\n')
    const { found, refs } = await refsOf(
      {
        [`${dir}/index.html`]: html,
        [`${dir}/css/a.css`]: '.a{background:url(../img/a.png)}.b{background:url(/img/b.png)}',
        [`${dir}/img/a.png`]: ''
      },
      { type: 'global', appId: '53E5279071442', workspace: 'test' }
    )
    expect(found.map((f) => [f.rule, f.path, f.line, f.args.url, f.args.target])).toEqual([
      ['ref-broken', `${dir}/css/a.css`, 1, '/img/b.png', `88888888/${HOST}/img/b.png`],
      ['ref-broken', `${dir}/index.html`, 6, '../v2/x.js', `88888888/${HOST}/${APP_WS}/v2/x.js`],
      [
        'ref-case-mismatch',
        `${dir}/index.html`,
        7,
        `https://${HOST}/${APP_WS}/v1/img/A.png`,
        `${dir}/img/A.png`
      ]
    ])
    expect(refs.resolved).toBe(5)
    expect(refs.external).toEqual({ 'https://cdn.example.com': 1 })
  })

  it('in a global package, a <base href> to another site makes references external, not broken package files', async () => {
    const dir = `88888888/${HOST}/${APP_WS}/v1`
    const html =
      '<!doctype html><base href="https://cdn.example.com/lib/"><script src="x.js"></script>'
    const { found, refs } = await refsOf(
      { [`${dir}/index.html`]: html },
      { type: 'global', appId: '53E5279071442', workspace: 'test' }
    )
    expect(found).toEqual([])
    expect(refs.external).toEqual({ 'https://cdn.example.com': 1 })
  })
})

describe('what is not a package reference', () => {
  it('counts references to other hosts in refs.external and never reports them', async () => {
    const html = [
      '<!doctype html>',
      '<script src="https://cdn.example.com/x.js"></script>',
      '<script src="https://cdn.example.com/y.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.org/css?family=Inter">',
      '<img src="http://img.example.com:8080/a.png">',
      '<script type="module">import "https://esm.example.com/lib.js"</script>'
    ].join('\n')
    const { found, refs } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/css/a.css`]: '@import url("https://fonts.example.org/other.css");'
    })
    expect(found).toEqual([])
    expect(refs.external).toEqual({
      'https://cdn.example.com': 2,
      'https://fonts.example.org': 2,
      'http://img.example.com:8080': 1,
      'https://esm.example.com': 1
    })
    expect(refs.notable.every((r) => r.resolution.outcome === 'external')).toBe(true)
  })

  it('does not resolve data:, blob:, javascript:, mailto:, tel:, fragment-only URLs or template placeholders', async () => {
    const html = [
      '<!doctype html>',
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
      '<img src="blob:https://x/1">',
      '<iframe src="javascript:void(0)"></iframe>',
      '<iframe src="mailto:someone@example.com"></iframe>',
      '<iframe src="tel:+8610000000"></iframe>',
      '<svg><use href="#icon-home"></use></svg>',
      '<img src="{{ item.icon }}">',
      '<img src="${cdn}/a.png">',
      '<img src="<%= BASE_URL %>favicon.ico">',
      '<div style="background:url(#grad)"></div>',
      '<iframe src="alipays://platformapi/startapp?appId=20000067"></iframe>'
    ].join('\n')
    const { found, refs } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/css/a.css`]:
        '.a{background:url(data:image/svg+xml;utf8,<svg></svg>)}.b{filter:url(#blur)}'
    })
    expect(found.map((f) => f.rule)).toEqual(Array(3).fill('ref-placeholder'))
    // only the placeholders are kept, as such (ref-placeholder reports them), never as broken paths
    expect(refs.notable.map((r) => [r.url, r.resolution.outcome])).toEqual([
      ['{{ item.icon }}', 'placeholder'],
      ['${cdn}/a.png', 'placeholder'],
      ['<%= BASE_URL %>favicon.ico', 'placeholder']
    ])
    expect(refs.resolved).toBe(0)
  })

  it('ignores a malformed absolute URL instead of calling it a missing package file', async () => {
    const html =
      '<!doctype html><script src="https://exa mple.com/x.js"></script><img src="http://[::1/a.png">'
    const { found } = await refsOf({ [`${W}/index.html`]: html })
    expect(found).toEqual([])
  })
})

describe('positions and encodings', () => {
  it('gives the line and column of the URL in a minified one-line file', async () => {
    const js =
      '!function(){"use strict"}();import{a as b}from"./a.js";import"./missing-one.js";' +
      'const l=()=>import("./missing-two.js"),u=new URL("./missing-three.png",import.meta.url);export{b}'
    const css =
      '.a{color:red}'.repeat(500) +
      '.z{background:url(../img/nope.png)}' +
      '.b{color:blue}'.repeat(100)
    const html =
      '<!doctype html><html><head>' +
      '<meta name="x">'.repeat(300) +
      '<script src="js/gone.js"></script></head></html>'
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/js/app.js`]: js,
      [`${W}/js/a.js`]: '',
      [`${W}/css/app.css`]: css
    })
    expect(found.map((f) => [f.path, f.line, f.column, f.args.url])).toEqual([
      [`${W}/css/app.css`, 1, positionOf(css, '../img/nope.png').column, '../img/nope.png'],
      [`${W}/index.html`, 1, positionOf(html, 'js/gone.js').column, 'js/gone.js'],
      [`${W}/js/app.js`, 1, positionOf(js, './missing-one.js').column, './missing-one.js'],
      [`${W}/js/app.js`, 1, positionOf(js, './missing-two.js').column, './missing-two.js'],
      [`${W}/js/app.js`, 1, positionOf(js, './missing-three.png').column, './missing-three.png']
    ])
    expect(found[0].column).toBe(6519)
  })

  it('reads files with a UTF-8 BOM: references resolve and columns start after the BOM', async () => {
    const BOM = '\uFEFF'
    const html = `${BOM}<!doctype html><link rel="stylesheet" href="css/app.css"><script src="js/none.js"></script>`
    const css = `${BOM}@charset "utf-8";\n.a{background:url(../img/a.png)}.b{background:url(../img/none.png)}`
    const js = `${BOM}import "./none.js"`
    const { found } = await refsOf({
      [`${W}/index.html`]: html,
      [`${W}/css/app.css`]: css,
      [`${W}/img/a.png`]: '',
      [`${W}/js/app.js`]: js
    })
    expect(found.map((f) => [f.path, f.line, f.column, f.args.url])).toEqual([
      [`${W}/css/app.css`, 2, 51, '../img/none.png'],
      [`${W}/index.html`, 1, html.indexOf('js/none.js'), 'js/none.js'],
      [`${W}/js/app.js`, 1, 9, './none.js']
    ])
  })

  it('reads references with non-ASCII text before them on the same line (columns in UTF-16 units)', async () => {
    const html = '<!doctype html><p>桂林手机银行 😀</p><img src="img/none.png">'
    const { found } = await refsOf({ [`${W}/index.html`]: html })
    expect(found.map((f) => f.column)).toEqual([html.indexOf('img/none.png') + 1])
  })
})

describe('--no-refs and the pack path', () => {
  /** A tree with one finding of each ref-* rule, a favicon, a big file read in many chunks and non-ASCII text. */
  function mixedTree(): Tree {
    const filler = `/* ${'桂林手机银行 '.repeat(20)} */\n`.repeat(3000) // ~300 KB, multi-byte across chunk boundaries
    return {
      [`${W}/index.html`]: [
        '<!doctype html>',
        '<link rel="icon" href="../favicon.ico">',
        '<link rel="stylesheet" href="css/app.css">',
        '<script type="module" src="js/app.js"></script>',
        '<img src="img/Logo.png"><img src="img/icon@2x.png">',
        '<script src="../53E5279071442_test/common.js"></script>',
        `<script src="https://${HOST}/${APP_WS}/v1/missing.js"></script>`,
        '<script src="https://cdn.example.com/x.js"></script>'
      ].join('\n'),
      [`${W}/css/app.css`]: `.a{background:url(../img/logo.png)}\n.b{background:url(../img/gone.png)}`,
      [`${W}/js/app.js`]: `${filler}import "./lib.js"\nimport "./not-there.js"\n`,
      [`${W}/js/lib.js`]: '',
      [`${W}/img/logo.png`]: 'png',
      [`${W}/img/icon@2x.png`]: 'png',
      [`${W}/.DS_Store`]: 'junk'
    }
  }

  it('checkReferences: false (--no-refs) gives no ref-* findings and no refs in the result', async () => {
    const v = await validateTree(mixedTree(), { ...STD, checkReferences: false })
    expect(refFindings(v.findings)).toEqual([])
    expect(v.refs).toBeUndefined()
    expect(v.findings.map((f) => f.rule)).toContain('junk-file')
  })

  it('packPackage (force) reports the same ref findings as validate: the fused read parses the same bytes', async () => {
    const globalDir = writeTree({ [`88888888/${HOST}/${APP_WS}/v1/common.js`]: '' })
    const config = { ...STD_APP, globalPackage: globalDir }
    const dir = writeTree(mixedTree())
    const validated = await validateTree(dir, config)
    const expected = refFindings(validated.findings)
    expect(expected.map((f) => [f.rule, f.severity, f.path, f.line])).toEqual([
      ['ref-broken', 'error', `${W}/css/app.css`, 2],
      ['ref-case-mismatch', 'error', `${W}/index.html`, 5],
      ['ref-global-relative', 'error', `${W}/index.html`, 6],
      ['ref-global-missing', 'error', `${W}/index.html`, 7],
      ['ref-broken', 'error', `${W}/js/app.js`, 3002],
      ['ref-broken', 'warning', `${W}/index.html`, 2],
      ['ref-url-unsafe', 'warning', `${W}/index.html`, 5]
    ])

    const out = path.join(tempDir('h5-refs-pack-'), 'pkg.zip')
    const packed = await packPackage(dir, parseConfig(config), { out, force: true, concurrency: 4 })
    expect(packed.zip?.path).toBe(out)
    expect(refFindings(packed.findings)).toEqual(expected)
    const { notable: a, ...countsA } = packed.refs!
    const { notable: b, ...countsB } = validated.refs!
    // The packer leaves .DS_Store out, which is no text file: the same files and bytes are parsed.
    expect(countsA).toEqual(countsB)
    const key = (r: (typeof a)[number]) => `${r.from}:${r.line}:${r.column}`
    expect([...a].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [...b].sort((x, y) => key(x).localeCompare(key(y)))
    )
  })
})

describe('the resolved count', () => {
  it('counts a hit whose URL has characters urlencode changes (it is found, and warned about)', async () => {
    const { found, refs } = await refsOf({
      [`${W}/index.html`]:
        '<img src="img/icon@2x.png"><img src="img/plain.png"><img src="img/gone.png">',
      [`${W}/img/icon@2x.png`]: 'x',
      [`${W}/img/plain.png`]: 'x'
    })
    expect(refs.resolved).toBe(2)
    expect(found.map((f) => [f.rule, f.args.url])).toEqual([
      ['ref-broken', 'img/gone.png'],
      ['ref-url-unsafe', 'img/icon@2x.png']
    ])
  })
})
