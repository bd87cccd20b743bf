import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'tar-path-length'
/** `<folder>/b.js` after the ID folder. */
const inner = (folder: string) => `${folder}/b.js`

describe('tar-path-length', () => {
  it('passes a path of exactly 100 bytes after the ID folder', async () => {
    const p = inner('a'.repeat(95))
    expect(Buffer.byteLength(p)).toBe(100)
    expect(await check(RULE, { ...STANDARD, [`20171228/${p}`]: 'x' }, STANDARD_CONFIG)).toEqual([])
  })

  it('warns about 101 bytes', async () => {
    const p = inner('a'.repeat(96))
    const found = await check(RULE, { ...STANDARD, [`20171228/${p}`]: 'x' }, STANDARD_CONFIG)
    expect(found).toEqual([
      {
        severity: 'warning',
        path: `20171228/${p}`,
        line: undefined,
        args: { inner: p, bytes: 101, limit: 100 }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"${p}" is 101 bytes, over the 100-byte tar name field; older clients may not unpack it`
    )
  })

  it('counts UTF-8 bytes, not characters: 37 characters can be 101 bytes', async () => {
    const p = inner('图'.repeat(32))
    expect(p.length).toBe(37)
    const found = await check(
      RULE,
      { ...STANDARD, [`20171228/${p}`]: 'x' },
      { ...STANDARD_CONFIG, rules: { 'name-url-unsafe': 'off' } }
    )
    expect(found.map((f) => f.args.bytes)).toEqual([101])
  })

  it('does not count the ID folder', async () => {
    const p = inner('a'.repeat(95))
    expect(`20171228/${p}`.length).toBeGreaterThan(100)
    expect(await check(RULE, { ...STANDARD, [`20171228/${p}`]: 'x' }, STANDARD_CONFIG)).toEqual([])
  })
})
