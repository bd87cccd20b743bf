import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, validateTree } from '../helpers/tree.js'
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
})
