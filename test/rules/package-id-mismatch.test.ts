import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'package-id-mismatch'

describe('package-id-mismatch', () => {
  it('reports an ID folder that is not the configured ID', async () => {
    const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, id: '20171229' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228',
        line: undefined,
        args: { found: '20171228', expected: '20171229' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'the package folder is "20171228" but the configured package ID is "20171229"'
    )
  })

  it('passes when the folder is the configured ID', async () => {
    expect(await check(RULE, STANDARD, { ...STANDARD_CONFIG, id: '20171228' })).toEqual([])
  })

  it('passes when no ID is configured', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('compares leading zeros exactly (00000089 is not 00000890)', async () => {
    const zip = zipOf([{ name: '00000089/www/index.html', data: 'x' }])
    expect(await check(RULE, zip, { ...STANDARD_CONFIG, id: '00000089' })).toEqual([])
    expect(
      (await check(RULE, zip, { ...STANDARD_CONFIG, id: '00000890' })).map((f) => f.args)
    ).toEqual([{ found: '00000089', expected: '00000890' }])
  })

  it('leaves a folder that is not 8 digits to package-id-format', async () => {
    const zip = zipOf([{ name: '2017122/www/index.html', data: 'x' }])
    expect(await check(RULE, zip, { ...STANDARD_CONFIG, id: '20171228' })).toEqual([])
  })

  it('never fires for a build output: the configured ID is the folder', async () => {
    expect(await check(RULE, { 'index.html': 'x' }, { id: '20171228' })).toEqual([])
  })
})
