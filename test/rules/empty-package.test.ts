import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, type Tree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'empty-package'

describe('empty-package', () => {
  it('reports an ID folder with empty folders only', async () => {
    const found = await check(RULE, { '20171228/www/': '' }, STANDARD_CONFIG)
    expect(found).toEqual([{ severity: 'error', path: undefined, line: undefined, args: {} }])
    expect(messageOf(RULE, found[0].args)).toBe('the package has no files')
  })

  it('reports a zip holding only folder entries', async () => {
    const zip = zipOf([{ name: '20171228/' }, { name: '20171228/www/' }])
    expect((await check(RULE, zip, STANDARD_CONFIG)).length).toBe(1)
  })

  it('reports a package whose files are all excluded', async () => {
    expect(
      (await check(RULE, STANDARD, { ...STANDARD_CONFIG, exclude: ['**/*.html'] })).length
    ).toBe(1)
  })

  it('reports a folder holding only what the packer leaves out (OS litter, secrets), which made an empty zip', async () => {
    const trees: Tree[] = [{ '.DS_Store': 'x' }, { '.DS_Store': 'x', '.env': 'K=1' }]
    for (const tree of trees) {
      const found = await check(RULE, tree, { ...STANDARD_CONFIG, id: '20171228' })
      expect(found.map((f) => f.args)).toEqual([{ dropped: Object.keys(tree).length }])
      expect(messageOf(RULE, found[0]!.args)).toMatch(
        /^the package has no files but \d the packer leaves out/
      )
    }
    // kept when asked to: then it is a file of the package
    expect(
      await check(
        RULE,
        { '.DS_Store': 'x' },
        { ...STANDARD_CONFIG, id: '20171228', keepJunk: true }
      )
    ).toEqual([])
    // a zip is uploaded as it is: its litter is a file (junk-file warns about it)
    const zip = zipOf([{ name: '20171228/www/.DS_Store', data: 'x' }])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([])
  })

  it('passes a package with one file', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('counts an empty file as a file', async () => {
    expect(await check(RULE, { '20171228/www/index.html': '' }, STANDARD_CONFIG)).toEqual([])
  })
})
