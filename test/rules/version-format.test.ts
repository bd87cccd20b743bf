import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'version-format'
const withVersion = (version: string) => check(RULE, STANDARD, { ...STANDARD_CONFIG, version })

describe('version-format', () => {
  it.each(['1.0.0.1', '10.20.300.4000', '0.0.0.0'])('passes four dotted numbers: %s', async (v) => {
    expect(await withVersion(v)).toEqual([])
  })

  it('passes when no version is given', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('warns about three parts and suggests four', async () => {
    const found = await withVersion('1.0.0')
    expect(found).toEqual([
      {
        severity: 'warning',
        path: undefined,
        line: undefined,
        args: { problem: 'parts', version: '1.0.0', parts: 3, suggestion: '1.0.0.0' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'version "1.0.0" has 3 part(s); the MDS console uses four (e.g. 1.0.0.0)'
    )
  })

  it.each([
    ['2', 1, '2.0.0.0'],
    ['1.2', 2, '1.2.0.0'],
    ['1.0.0.0.1', 5, '']
  ])('warns about %s (%i parts)', async (version, parts, suggestion) => {
    expect(
      (await withVersion(version)).map((f) => [f.severity, f.args.parts, f.args.suggestion])
    ).toEqual([['warning', parts, suggestion]])
  })

  it.each(['v1.0', '1.0.0-beta', '1..0', '1.0.', '', ' 1.0.0.1'])(
    'reports %j as not dotted numbers',
    async (version) => {
      const found = await withVersion(version)
      expect(found).toEqual([
        {
          severity: 'error',
          path: undefined,
          line: undefined,
          args: { problem: 'format', version }
        }
      ])
    }
  )

  it('explains the expected format', () => {
    expect(messageOf(RULE, { problem: 'format', version: 'v1.0' })).toBe(
      'version "v1.0" is not dotted numbers such as 1.0.0.1'
    )
  })
})
