import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'name-case-collision'

describe('name-case-collision', () => {
  it('reports two files equal ignoring case', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/img/Logo.png': 'x', '20171228/www/img/logo.png': 'y' },
      STANDARD_CONFIG
    )
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/img/logo.png',
        line: undefined,
        args: { path: '20171228/www/img/logo.png', other: '20171228/www/img/Logo.png' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/img/logo.png" and "20171228/www/img/Logo.png" are the same path on case-insensitive or normalising file systems'
    )
  })

  it('reports two folders equal ignoring case', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/img/a.png': 'x', '20171228/www/IMG/b.png': 'x' },
      STANDARD_CONFIG
    )
    expect(found.map((f) => [f.path, f.args.other])).toEqual([
      ['20171228/www/img', '20171228/www/IMG']
    ])
  })

  it('reports NFC and NFD spellings of the same name (macOS writes NFD)', async () => {
    const nfc = '20171228/www/caf\u00e9.png'
    const nfd = '20171228/www/cafe\u0301.png'
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: nfc, data: 'x' },
      { name: nfd, data: 'y' }
    ])
    const found = await check(RULE, zip, STANDARD_CONFIG)
    expect(found).toHaveLength(1)
    expect(new Set([found[0].args.path, found[0].args.other])).toEqual(new Set([nfc, nfd]))
    // they look the same printed: the message says where they part, by code point
    expect(messageOf(RULE, found[0].args)).toMatch(
      /\(they differ only in Unicode normalization: U\+(0065 U\+0301 against U\+00E9|00E9 against U\+0065 U\+0301)\)$/
    )
  })

  it('passes names that differ by more than case', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/img/logo.png': 'x', '20171228/www/img/logo-2.png': 'x' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('passes the same name in different folders', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/a/Logo.png': 'x', '20171228/www/b/logo.png': 'x' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })
})
