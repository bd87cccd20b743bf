import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-chunk-folder'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }
const RUNTIME = (p: string) =>
  `!function(){var u={};u.p="${p}",u.u=e=>"static/js/async/"+e+".7fc0.js"}();`

describe('ref-chunk-folder', () => {
  it('reports a runtime whose public path misses the chunks, naming where they are and the path that reaches them', async () => {
    const tree = {
      '20171228/www/index.html': '<script src="./static/js/index.js"></script>',
      '20171228/www/static/js/index.js': RUNTIME('/'),
      '20171228/www/static/js/async/q.7fc0.js': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/static/js/index.js',
        line: 1,
        args: {
          url: '/static/js/async/',
          target: '20171228/static/js/async/',
          near: '20171228/www/static/js/async/',
          publicPath: '/www/'
        }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `webpack's runtime loads its lazy chunks from "/static/js/async/" (its public path + the chunk folder), which is 20171228/static/js/async/, where no chunk is; they are in 20171228/www/static/js/async/: the public path that reaches them is "/www/"`
    )
    // the page's own reference is fine: this is no ref-broken
    expect(await check('ref-broken', tree, REFS)).toEqual([])
  })

  it('passes a public path that reaches the chunks, and says nothing when no chunk was built', async () => {
    const right = {
      '20171228/www/index.html': '<script src="./static/js/index.js"></script>',
      '20171228/www/static/js/index.js': RUNTIME('/www/'),
      '20171228/www/static/js/async/q.7fc0.js': ''
    }
    expect(await check(RULE, right, REFS)).toEqual([])
    const atRoot = {
      '20171228/index.html': '<script src="/static/js/index.js"></script>',
      '20171228/static/js/index.js': RUNTIME('/'),
      '20171228/static/js/async/q.7fc0.js': ''
    }
    expect(await check(RULE, atRoot, REFS)).toEqual([])
    const noChunks = {
      '20171228/www/index.html': '<script src="./static/js/index.js"></script>',
      '20171228/www/static/js/index.js': RUNTIME('/'),
      '20171228/www/static/js/async/other.js': ''
    }
    expect(await check(RULE, noChunks, REFS)).toEqual([])
  })

  it('reads a runtime inlined in the pages (create-react-app inlines it) too, once for all of them', async () => {
    const page = `<script>${RUNTIME('/')}</script>`
    const tree = {
      '20171228/www/index.html': page,
      '20171228/www/a.html': page,
      '20171228/www/b.html': page,
      '20171228/www/static/js/async/q.7fc0.js': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.path, f.args.publicPath, f.args.others])).toEqual([
      ['20171228/www/a.html', '/www/', 2]
    ])
  })

  it('says nothing when the public path is set when the page runs, or written twice', async () => {
    const chunk = { '20171228/www/static/js/async/q.7fc0.js': '' }
    for (const extra of [
      'n.p=window.__INJECTED_PUBLIC_PATH_BY_QIANKUN__',
      'n.p=window.publicPath||"/"',
      'o.p=document.currentScript.src',
      'u.p="/www/"'
    ]) {
      const tree = { ...chunk, '20171228/www/static/js/index.js': `${RUNTIME('/')};${extra}` }
      expect(await check(RULE, tree, REFS)).toEqual([])
    }
  })
})
