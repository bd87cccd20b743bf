import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { packPackage } from '../../src/engine/pack.js'
import { cleanupTempDirs, tempDir, validateTree, writeTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'name-encoding'
const INDEX = { name: '20171228/www/index.html', data: 'x' }
/** "中文" in GBK: not valid UTF-8 (0xD0 cannot follow the lead byte 0xD6). */
const GBK = Buffer.concat([
  Buffer.from('20171228/www/img/'),
  Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
  Buffer.from('.png')
])

describe('name-encoding', () => {
  it('reports a GBK name, shown in CP437, with its bytes', async () => {
    const v = await validateTree(zipOf([INDEX, { name: GBK, data: 'x' }]), {
      ...STANDARD_CONFIG,
      checkReferences: false
    })
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found).toHaveLength(1)
    expect(found[0].severity).toBe('error')
    expect(found[0].path).toBe('20171228/www/img/╓╨╬─.png')
    expect(found[0].args.bytes).toBe(GBK.toString('hex').replace(/(..)(?!$)/g, '$1 '))
    // With full ICU the GBK reading is offered as a guess, in the data and in the message.
    const gbk = found[0].args.gbk
    if (gbk !== undefined) expect(gbk).toBe('20171228/www/img/中文.png')
    const guess = gbk === undefined ? '' : ' (read as GBK: "20171228/www/img/中文.png")'
    expect(messageOf(RULE, found[0].args)).toBe(
      `zip entry "20171228/www/img/╓╨╬─.png" has a name that is not UTF-8${guess}; phones will show it garbled or not find it`
    )
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
  })

  it('passes UTF-8 names, with or without the UTF-8 flag (Info-ZIP writes none)', async () => {
    const zip = zipOf([
      INDEX,
      { name: '20171228/www/img/中文.png', data: 'x' },
      { name: '20171228/www/img/图标.png', data: 'x', utf8Flag: true }
    ])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([])
  })

  describe('in a folder', () => {
    /** A tree with `img/<GBK 中文>.png` and a folder `<GBK 中文>/` holding a page, both named by their bytes. */
    function treeWithGbkNames(): string | undefined {
      const root = writeTree({
        '20171228/www/index.html': '<!doctype html>',
        '20171228/www/img/ok.png': 'x'
      })
      const www = Buffer.from(path.join(root, '20171228/www/'))
      try {
        fs.writeFileSync(
          Buffer.concat([www, Buffer.from('img/'), GBK_SEGMENT, Buffer.from('.png')]),
          'x'
        )
        fs.mkdirSync(Buffer.concat([www, GBK_SEGMENT]))
      } catch (e) {
        // Some file systems (APFS) refuse names that are not UTF-8: nothing to test there.
        if ((e as NodeJS.ErrnoException).code === 'EILSEQ') return undefined
        throw e
      }
      fs.writeFileSync(Buffer.concat([www, GBK_SEGMENT, Buffer.from('/page.html')]), 'x')
      return root
    }

    it('reports each such name once, leaves it out of the package and does not walk into it', async (ctx) => {
      const root = treeWithGbkNames()
      if (!root) return ctx.skip()
      const v = await validateTree(root, { ...STANDARD_CONFIG, checkReferences: false })
      const found = v.findings.filter((f) => f.rule === RULE)
      expect(found.map((f) => [f.severity, f.path, f.args.bytes])).toEqual([
        [
          'error',
          '20171228/www/img/\ufffd\ufffd\ufffd\ufffd.png',
          hexOf('20171228/www/img/', GBK_SEGMENT, '.png')
        ],
        ['error', '20171228/www/\ufffd\ufffd\ufffd\ufffd', hexOf('20171228/www/', GBK_SEGMENT)]
      ])
      const gbk = found[0].args.gbk
      if (gbk !== undefined) expect(gbk).toBe('20171228/www/img/中文.png')
      const guess = gbk === undefined ? '' : ' (read as GBK: "20171228/www/img/中文.png")'
      expect(messageOf(RULE, found[0].args)).toBe(
        `"20171228/www/img/\ufffd\ufffd\ufffd\ufffd.png" has a name that is not UTF-8${guess}; it is left out of the package (a phone would show it garbled or not find it)`
      )
      expect(v.pkg.files.map((f) => f.path)).toEqual([
        '20171228/www/img/ok.png',
        '20171228/www/index.html'
      ])
    })

    it("gives the GBK reading of a build output's file as a package path, like the name beside it", async (ctx) => {
      const root = treeWithGbkNames()
      if (!root) return ctx.skip()
      const www = path.join(root, '20171228', 'www')
      const v = await validateTree(www, { id: '20171228', checkReferences: false })
      const found = v.findings.filter((f) => f.rule === RULE)
      expect(found.map((f) => f.args.gbk)).toEqual([
        '20171228/www/img/中文.png',
        '20171228/www/中文'
      ])
    })

    it('keeps a real U+FFFD in a UTF-8 name', async () => {
      const root = writeTree({
        '20171228/www/index.html': '<!doctype html>',
        '20171228/www/a\ufffdb.png': 'x'
      })
      const v = await validateTree(root, { ...STANDARD_CONFIG, checkReferences: false })
      expect(v.findings.filter((f) => f.rule === RULE)).toEqual([])
      expect(v.pkg.files.map((f) => f.path)).toContain('20171228/www/a\ufffdb.png')
    })

    it('pack refuses the tree, and with --force writes a zip without those names', async (ctx) => {
      const root = treeWithGbkNames()
      if (!root) return ctx.skip()
      const out = path.join(tempDir('h5-out-'), 'pkg.zip')
      const refused = await packPackage(root, parseConfig(STANDARD_CONFIG), { out })
      expect(refused.zip).toBeUndefined()
      expect(fs.existsSync(out)).toBe(false)
      const forced = await packPackage(root, parseConfig(STANDARD_CONFIG), { out, force: true })
      expect(forced.zip?.files).toBe(2)
    })
  })
})

/** "中文" in GBK, as one name segment. */
const GBK_SEGMENT = Buffer.from([0xd6, 0xd0, 0xce, 0xc4])

function hexOf(...parts: Array<string | Buffer>): string {
  return Buffer.concat(parts.map((p) => Buffer.from(p)))
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ')
}
