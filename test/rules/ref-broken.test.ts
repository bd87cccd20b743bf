import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-broken'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }

describe('ref-broken', () => {
  it('reports a root-relative URL: it starts at the ID folder, not at www/', async () => {
    const tree = {
      '20171228/www/index.html': '<!doctype html>\n<script src="/assets/app.js"></script>',
      '20171228/www/assets/app.js': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/index.html',
        line: 2,
        args: {
          url: '/assets/app.js',
          target: '20171228/assets/app.js',
          near: '20171228/www/assets/app.js',
          nearUrl: '/www/assets/app.js'
        }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"/assets/app.js" points at 20171228/assets/app.js, which is not in the package: the phone fetches it from the network or shows nothing; 20171228/www/assets/app.js has that name: did you mean "/www/assets/app.js"?'
    )
  })

  it('names the one file that has the name asked for, and the URL that reaches it (root-relative or relative)', async () => {
    const tree = {
      '20171228/www/index.html':
        '<script src="/assets/app.1a2b.js"></script><link rel=stylesheet href="static/css/i.css"><img src="img/x.png">',
      '20171228/www/assets/app.1a2b.js': '',
      '20171228/www/static/css/i.css': '@font-face{src:url(./static/font/f.60e103fb22.woff2)}',
      '20171228/www/static/font/f.60e103fb22.woff2': '',
      // a name without a build hash names different files in different folders: no guess
      '20171228/www/lib/swiper/x.png': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.args.url, f.args.near, f.args.nearUrl])).toEqual([
      ['/assets/app.1a2b.js', '20171228/www/assets/app.1a2b.js', '/www/assets/app.1a2b.js'],
      ['img/x.png', undefined, undefined],
      [
        './static/font/f.60e103fb22.woff2',
        '20171228/www/static/font/f.60e103fb22.woff2',
        '../font/f.60e103fb22.woff2'
      ]
    ])
    expect(messageOf(RULE, found[2].args)).toBe(
      '"./static/font/f.60e103fb22.woff2" points at 20171228/www/static/css/static/font/f.60e103fb22.woff2, which is not in the package: the phone fetches it from the network or shows nothing; 20171228/www/static/font/f.60e103fb22.woff2 has that name: did you mean "../font/f.60e103fb22.woff2"?'
    )
  })

  it('suggests relative to the <base href> when there is one, and from a page in a subfolder', async () => {
    const tree = {
      '20171228/www/pages/about.html': '<script src="lazy.8e3f1a2b.js?v=2"></script>',
      '20171228/www/lazy.8e3f1a2b.js': '',
      '20171228/www/sub/page.html': '<base href="../"><img src="img/y-3f2a1c9d.png">',
      '20171228/www/other/img/y-3f2a1c9d.png': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.path, f.args.nearUrl])).toEqual([
      ['20171228/www/pages/about.html', '../lazy.8e3f1a2b.js?v=2'],
      ['20171228/www/sub/page.html', './other/img/y-3f2a1c9d.png']
    ])
  })

  it('reports a missing file referenced from CSS url() and from a JS import', async () => {
    const tree = {
      '20171228/www/index.html':
        '<link rel="stylesheet" href="css/app.css"><script type="module" src="js/main.js"></script>',
      '20171228/www/css/app.css': '.hero { background: url("../img/hero.png") }',
      '20171228/www/js/main.js': 'import { x } from "./util.js"\nexport default x'
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.path, f.line, f.args.url, f.args.target])).toEqual([
      ['20171228/www/css/app.css', 1, '../img/hero.png', '20171228/www/img/hero.png'],
      ['20171228/www/js/main.js', 1, './util.js', '20171228/www/js/util.js']
    ])
  })

  it('passes relative and root-relative URLs that name files of the package', async () => {
    const tree = {
      '20171228/www/index.html':
        '<script src="assets/app.js"></script><script src="/www/assets/app.js"></script><img src="./img/logo.png?v=2#x">',
      '20171228/www/assets/app.js': '',
      '20171228/www/img/logo.png': ''
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
  })

  it('leaves external, data: and fragment URLs alone', async () => {
    const tree = {
      '20171228/www/index.html':
        '<script src="https://cdn.example.com/x.js"></script><img src="data:image/png;base64,AAAA"><a href="#top">top</a>'
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
  })

  it('resolves a global package file by its full URL', async () => {
    const dir = `20171228/${HOST}/${APP_WS}/v1`
    const tree = {
      [`${dir}/common.css`]: `.a { background: url(img/a.png) } .b { background: url(/${APP_WS}/v1/img/b.png) }`,
      [`${dir}/img/a.png`]: ''
    }
    const found = await check(RULE, tree, { checkReferences: true })
    expect(found.map((f) => [f.args.url, f.args.target])).toEqual([
      [`/${APP_WS}/v1/img/b.png`, `${dir}/img/b.png`]
    ])
  })

  it('is a warning for a missing page icon or web app manifest: it costs a request, not the page', async () => {
    const tree = {
      '20171228/www/index.html':
        '<link rel="icon" href="favicon.ico"><link rel="apple-touch-icon" href="touch.png"><script src="app.js"></script>' +
        // create-react-app's page after the team deleted public/manifest.json: a WebView never installs the site
        '<link rel="manifest" href="./manifest.json">'
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.severity, f.args.url])).toEqual([
      ['error', 'app.js'],
      ['warning', 'favicon.ico'],
      ['warning', 'touch.png'],
      ['warning', './manifest.json']
    ])
  })

  it('is not run with checkReferences: false (--no-refs)', async () => {
    expect(
      await check(
        RULE,
        { '20171228/www/index.html': '<script src="/nope.js"></script>' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })
})
