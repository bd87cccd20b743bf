import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'duplicate-entry'

describe('duplicate-entry', () => {
  it('reports a name that appears twice', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'old' },
      { name: '20171228/www/index.html', data: 'new' }
    ])
    const found = await check(RULE, zip, STANDARD_CONFIG)
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/index.html',
        line: undefined,
        args: { path: '20171228/www/index.html' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'zip entry "20171228/www/index.html" appears more than once'
    )
  })

  it('reports a file that has the name of a folder', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/js', data: 'a file' },
      { name: '20171228/www/js/app.js', data: 'x' }
    ])
    const found = await check(RULE, zip, STANDARD_CONFIG)
    expect(found.map((f) => f.path)).toEqual(['20171228/www/js'])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      '"20171228/www/js" is both a file and a folder in the zip; no file system can hold both, and the file is lost'
    )
    // `a` then `a/` as entries: the same
    const both = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/js', data: 'a file' },
      { name: '20171228/www/js/' }
    ])
    expect((await check(RULE, both, STANDARD_CONFIG)).map((f) => f.args.as)).toEqual([
      'file and folder'
    ])
  })

  it('passes a zip whose names are all different', async () => {
    const zip = zipOf([
      { name: '20171228/' },
      { name: '20171228/www/' },
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/Index.htm', data: 'x' }
    ])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([])
  })
})
