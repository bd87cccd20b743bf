import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'server-reserved-name'

describe('server-reserved-name', () => {
  it.each(['hpmfile.json', 'Manifest.xml', 'CERT.json'])(
    'warns about %s at the package root',
    async (name) => {
      const path = `20171228/${name}`
      const found = await check(RULE, { ...STANDARD, [path]: '{}' }, STANDARD_CONFIG)
      expect(found).toEqual([{ severity: 'warning', path, line: undefined, args: { path, name } }])
      expect(messageOf(RULE, found[0].args)).toBe(
        `"${path}" collides with the ${name} the MDS server adds to the .amr`
      )
    }
  )

  it('passes the same names in a subfolder', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/hpmfile.json': '{}', '20171228/www/Manifest.xml': '' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('passes a package without them', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('checks where a build output lands (ID/www/…), so a build-root hpmfile.json is fine', async () => {
    expect(
      await check(RULE, { 'index.html': 'x', 'hpmfile.json': '{}' }, { id: '20171228' })
    ).toEqual([])
  })
})
