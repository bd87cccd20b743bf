import { afterAll, describe, expect, it } from 'vitest'
import { decodeAs, sniffEncoding } from '../src/refs/decode.js'
import { mayHaveRefs } from '../src/refs/prefilter.js'
import { cleanupTempDirs, validateTree } from './helpers/tree.js'

afterAll(cleanupTempDirs)

// 图标 in GBK; the file on disk is named in UTF-8, as every zip tool and the MDS console name it.
const GBK_NAME = Buffer.from([0xcd, 0xbc, 0xb1, 0xea])
const gbk = (...parts: Array<string | Buffer>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)))
const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])

async function refFindings(tree: Record<string, string | Buffer>) {
  const v = await validateTree(tree, { id: '20171228' })
  // ref-url-unsafe (a non-ASCII URL) is right for these pages: its text is checked on its own below
  return v.findings
    .filter((f) => f.rule.startsWith('ref-') && f.rule !== 'ref-url-unsafe')
    .map((f) => `${f.rule} ${f.path}:${f.line}`)
}

describe('pages and stylesheets not in UTF-8 are read as a browser reads them', () => {
  it('a GBK page declared by <meta charset> finds its file with a Chinese name', async () => {
    for (const meta of [
      '<meta charset="gbk">',
      "<meta charset='GB2312'>",
      '<meta http-equiv="Content-Type" content="text/html; charset=gb18030">'
    ]) {
      const page = gbk(`<html><head>${meta}</head><body>\n<img src="img/`, GBK_NAME, '.png">\n')
      const tree = { 'index.html': page, 'img/图标.png': 'x' }
      expect(await refFindings(tree), meta).toEqual([])
      const unsafe = (await validateTree(tree, { id: '20171228' })).findings.find(
        (f) => f.rule === 'ref-url-unsafe'
      )
      expect(JSON.stringify(unsafe?.args)).toContain('img/图标.png')
      // the same page naming a missing file is still caught, on its line
      const missing = gbk(`<html><head>${meta}</head><body>\n<img src="img/`, GBK_NAME, '2.png">\n')
      expect(await refFindings({ ...tree, 'index.html': missing }), meta).toEqual([
        'ref-broken 20171228/www/index.html:2'
      ])
    }
  })

  it('a GBK stylesheet declared by @charset', async () => {
    const css = gbk('@charset "GBK";\n.a { background: url(img/', GBK_NAME, '.png) }\n')
    expect(await refFindings({ 'a.css': css, 'img/图标.png': 'x' })).toEqual([])
    expect(await refFindings({ 'a.css': css })).toEqual(['ref-broken 20171228/www/a.css:2'])
  })

  it('UTF-16 files with a byte order mark are scanned, not skipped', async () => {
    const page = '<html><body>\n<script src="missing.js"></script>\n<img src="ok.png">\n'
    for (const bytes of [utf16le(page), utf16be(page)]) {
      expect(await refFindings({ 'index.html': bytes, 'ok.png': 'x' })).toEqual([
        'ref-broken 20171228/www/index.html:2'
      ])
    }
    const css = utf16le('.a {\n background: url(gone.png) }')
    expect(mayHaveRefs('a.css', css)).toBe(true)
    expect(await refFindings({ 'a.css': css })).toEqual(['ref-broken 20171228/www/a.css:2'])
    const js = utf16le('import "./x.js"\nimport "./gone.js"\n')
    expect(mayHaveRefs('a.js', js)).toBe(true)
    expect(await refFindings({ 'a.js': js, 'x.js': '' })).toEqual([
      'ref-broken 20171228/www/a.js:2'
    ])
  })

  it('sniffs only what browsers honour', () => {
    const page = (head: string) => Buffer.from(`<html><head>${head}</head>`)
    expect(sniffEncoding('html', page('<meta charset="utf-8">'))).toBeUndefined()
    // a declared UTF-16 without a byte order mark is read as UTF-8, an unknown label is ignored
    expect(sniffEncoding('html', page('<meta charset="utf-16">'))).toBeUndefined()
    expect(sniffEncoding('html', page('<meta charset="no-such-thing">'))).toBeUndefined()
    expect(sniffEncoding('html', page('<meta charset="iso-8859-1">'))).toBe('windows-1252')
    // past the first 1024 bytes the declaration is not looked for
    expect(sniffEncoding('html', page(`${' '.repeat(1100)}<meta charset="gbk">`))).toBeUndefined()
    // a byte order mark wins over the declaration
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page('<meta charset="gbk">')])
    expect(sniffEncoding('html', bom)).toBeUndefined()
    // scripts follow the page that loads them, which the scan does not: only a byte order mark counts
    expect(sniffEncoding('js', Buffer.from('@charset "GBK";'))).toBeUndefined()
    expect(sniffEncoding('css', Buffer.from('@charset "GBK";'))).toBe('gbk')
    expect(sniffEncoding('css', Buffer.from(' @charset "GBK";'))).toBeUndefined()
    expect(decodeAs(gbk('a', GBK_NAME), 'gbk')).toBe('a图标')
  })
})
