import { describe, expect, it } from 'vitest'
import { chunkFolderRefs, mayHaveChunkFolder } from '../src/refs/extract-webpack.js'
import { mayHaveRefs } from '../src/refs/prefilter.js'

/** Runtimes as real builds minify them (Rsbuild 2, Umi 4, Taro 4), cut down to the parts that matter. */
const RSBUILD =
  'var u={};u.p="/",u.u=e=>"static/js/async/"+e+".7fc070c37f.js",u.miniCssF=e=>"static/css/"+e+".css"'
const UMI =
  'D.p="/",D.u=function(c){return({73:"p__index",626:"p__about"}[c]||c)+"."+{73:"293480db",626:"f6"}[c]+".async.js"};'
const TARO =
  '__webpack_require__.p="/www/";__webpack_require__.u=function(a){return"chunk/"+a+".js"};'

describe('chunkFolderRefs: where a webpack runtime loads lazy chunks from', () => {
  it('reads the public path and the chunk folder and file name end, at the public path', () => {
    expect(chunkFolderRefs(RSBUILD)).toEqual([
      {
        url: '/static/js/async/',
        offset: RSBUILD.indexOf('"/"') + 1,
        kind: 'js-chunk-folder',
        suffix: '.7fc070c37f.js'
      }
    ])
    expect(chunkFolderRefs(UMI).map((r) => [r.url, r.suffix])).toEqual([['/', '.async.js']])
    expect(chunkFolderRefs(TARO).map((r) => [r.url, r.suffix])).toEqual([['/www/chunk/', '.js']])
  })

  it('reads nothing when the public path is relative, auto, another host, or set at run time too', () => {
    for (const p of ['./', '', 'auto', 'https://cdn.example.com/', '//cdn.example.com/'])
      expect(chunkFolderRefs(RSBUILD.replace('u.p="/"', `u.p="${p}"`))).toEqual([])
    expect(chunkFolderRefs(`${RSBUILD};u.p=window.__PUBLIC_PATH__`)).toEqual([])
    expect(chunkFolderRefs(`${RSBUILD};u.p = cdn + "x/"`)).toEqual([])
    // a comparison is no assignment
    expect(chunkFolderRefs(`${RSBUILD};if(u.p=="/")x()`)).toHaveLength(1)
    // no chunk file name function: no lazy chunks
    expect(chunkFolderRefs('u.p="/",u.x=1')).toEqual([])
    // spelled with spaces (a development build): not read, as the byte test does not look for it
    expect(chunkFolderRefs('r.p = "/"; r.u = e => "js/" + e + ".js"')).toEqual([])
  })

  it('the byte prefilter lets every file with such a runtime through, whatever else it holds', () => {
    for (const text of [RSBUILD, UMI, TARO]) {
      expect(mayHaveChunkFolder(Buffer.from(text))).toBe(true)
      expect(mayHaveRefs('www/static/js/index.js', Buffer.from(text))).toBe(true)
    }
    expect(mayHaveRefs('www/a.js', Buffer.from('u.p="./",u.u=e=>"js/"+e+".js"'))).toBe(false)
  })
})
