import { afterAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { parseRuleSettings } from '../../src/core/rule-settings.js'
import { cleanupTempDirs, validateTree } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check } from './_helpers.js'

afterAll(cleanupTempDirs)

const JUNK = { ...STANDARD, '20171228/www/.DS_Store': 'x' }

describe('rule severity settings', () => {
  it('raises a rule to error', async () => {
    expect(
      (await check('junk-file', JUNK, { ...STANDARD_CONFIG, rules: { 'junk-file': 'error' } })).map(
        (f) => f.severity
      )
    ).toEqual(['error'])
  })

  it('turns a rule off', async () => {
    expect(
      await check('junk-file', JUNK, { ...STANDARD_CONFIG, rules: { 'junk-file': 'off' } })
    ).toEqual([])
  })

  it('lowers a rule to notice, and the counts follow', async () => {
    const v = await validateTree(JUNK, {
      ...STANDARD_CONFIG,
      checkReferences: false,
      rules: { 'junk-file': 'notice' }
    })
    expect(v.findings.map((f) => [f.rule, f.severity])).toEqual([['junk-file', 'notice']])
    expect(v.counts).toEqual({ error: 0, warning: 0, notice: 1 })
  })

  it('wins over a case-by-case severity', async () => {
    const reserved = { '66666612/www/index.html': 'x' }
    expect(
      (await check('package-id-reserved', reserved, STANDARD_CONFIG)).map((f) => f.severity)
    ).toEqual(['warning'])
    expect(
      (
        await check('package-id-reserved', reserved, {
          ...STANDARD_CONFIG,
          rules: { 'package-id-reserved': 'notice' }
        })
      ).map((f) => f.severity)
    ).toEqual(['notice'])
    const globalSpace = { [`20171228/${HOST}/${APP_WS}/v1/a b.js`]: 'x' }
    expect(
      (
        await check('name-url-unsafe', globalSpace, { rules: { 'name-url-unsafe': 'warning' } })
      ).map((f) => f.severity)
    ).toEqual(['warning'])
  })

  it('turns a ref-* rule off while the others still run', async () => {
    const tree = {
      '20171228/www/index.html':
        '<script src="/nope.js"></script><link rel="stylesheet" href="A.css">',
      '20171228/www/a.css': ''
    }
    const v = await validateTree(tree, { ...STANDARD_CONFIG, rules: { 'ref-broken': 'off' } })
    expect(v.findings.map((f) => f.rule)).toEqual(['ref-case-mismatch'])
  })

  it('rejects an unknown rule id, naming the known ones', async () => {
    const run = validateTree(STANDARD, { ...STANDARD_CONFIG, rules: { 'junk-files': 'off' } })
    await expect(run).rejects.toThrow(UsageError)
    await expect(validateTree(STANDARD, { rules: { 'junk-files': 'off' } })).rejects.toThrow(
      /unknown rule id "junk-files"; known rules: .*junk-file/
    )
  })

  it('rejects a severity that does not exist', async () => {
    await expect(
      validateTree(STANDARD, { rules: { 'junk-file': 'fatal' as 'error' } })
    ).rejects.toThrow(UsageError)
  })

  it('parses --rule and Action `rules:` lines (id=severity or id: severity)', () => {
    expect(parseRuleSettings(['junk-file=off', ' source-map : error '], 'rules')).toEqual({
      'junk-file': 'off',
      'source-map': 'error'
    })
    expect(() => parseRuleSettings(['junk-file off'], 'rules')).toThrow(UsageError)
  })
})
