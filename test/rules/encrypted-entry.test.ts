import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, validateTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'encrypted-entry'

describe('encrypted-entry', () => {
  it('reports an encrypted entry and leaves it out of the package', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/app.js', data: 'x', flags: 1 }
    ])
    const v = await validateTree(zip, { ...STANDARD_CONFIG, checkReferences: false })
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found.map((f) => [f.severity, f.path, f.args])).toEqual([
      ['error', '20171228/www/app.js', { path: '20171228/www/app.js' }]
    ])
    expect(messageOf(RULE, found[0].args)).toBe('zip entry "20171228/www/app.js" is encrypted')
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
  })

  it('passes a zip without a password', async () => {
    expect(
      await check(RULE, zipOf([{ name: '20171228/www/index.html', data: 'x' }]), STANDARD_CONFIG)
    ).toEqual([])
  })
})
