import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'package-id-reserved'
const pkg = (id: string) => ({ [`${id}/www/index.html`]: 'x' })

describe('package-id-reserved', () => {
  it.each(['20000196', '66666692', '68687029', '68687209'])(
    'reports the SDK ID %s as an error',
    async (id) => {
      const found = await check(RULE, pkg(id), STANDARD_CONFIG)
      expect(found).toEqual([
        { severity: 'error', path: id, line: undefined, args: { id, reserved: 1 } }
      ])
      expect(messageOf(RULE, found[0].args)).toBe(
        `package ID ${id} is used by the mPaaS SDK's own packages and will conflict`
      )
    }
  )

  it.each([
    ['66666612', '666666'],
    ['20000812', '20000']
  ])('warns about %s in the range starting %s', async (id, prefix) => {
    const found = await check(RULE, pkg(id), STANDARD_CONFIG)
    expect(found).toEqual([
      { severity: 'warning', path: id, line: undefined, args: { id, prefix } }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `package IDs starting with ${prefix} are used by mPaaS; ${id} may conflict with a future SDK package`
    )
  })

  it.each(['20171228', '00000089', '66666500', '20001000', '68687030'])('passes %s', async (id) => {
    expect(await check(RULE, pkg(id), STANDARD_CONFIG)).toEqual([])
  })

  it('checks the configured ID of a build output too', async () => {
    expect(
      (await check(RULE, { 'index.html': 'x' }, { id: '68687209' })).map((f) => f.severity)
    ).toEqual(['error'])
  })

  it('checks a zip and ignores a folder that is not an 8-digit ID', async () => {
    expect(
      await check(RULE, zipOf([{ name: '2000019/www/index.html', data: 'x' }]), STANDARD_CONFIG)
    ).toEqual([])
    expect(
      (await check(RULE, zipOf([{ name: '20000196/www/index.html', data: 'x' }]), STANDARD_CONFIG))
        .length
    ).toBe(1)
  })
})
