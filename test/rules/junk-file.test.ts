import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'junk-file'

describe('junk-file', () => {
  it('reports OS litter in a directory source and says the packer drops it', async () => {
    const found = await check(
      RULE,
      {
        ...STANDARD,
        '20171228/www/.DS_Store': 'x',
        '20171228/www/img/Thumbs.db': 'x',
        '20171228/www/._index.html': 'x',
        '20171228/desktop.ini': 'x'
      },
      STANDARD_CONFIG
    )
    expect(found.map((f) => [f.severity, f.path, f.args.inZip])).toEqual([
      ['warning', '20171228/desktop.ini', 0],
      ['warning', '20171228/www/.DS_Store', 0],
      ['warning', '20171228/www/._index.html', 0],
      ['warning', '20171228/www/img/Thumbs.db', 0]
    ])
    expect(found[1].args).toEqual({ path: '20171228/www/.DS_Store', inZip: 0 })
    expect(messageOf(RULE, found[1].args)).toBe(
      '"20171228/www/.DS_Store" is OS litter; the packer leaves it out of the zip'
    )
  })

  it('reports a __MACOSX folder once, not each resource fork inside it', async () => {
    const found = await check(
      RULE,
      {
        ...STANDARD,
        '20171228/__MACOSX/www/._index.html': 'x',
        '20171228/__MACOSX/www/._app.js': 'x'
      },
      STANDARD_CONFIG
    )
    expect(found.map((f) => f.path)).toEqual(['20171228/__MACOSX'])
  })

  it('says the litter ships when the source is a zip', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/.DS_Store', data: 'x' }
    ])
    const found = await check(RULE, zip, STANDARD_CONFIG)
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/.DS_Store',
        line: undefined,
        args: { path: '20171228/www/.DS_Store', inZip: 1 }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/.DS_Store" is OS litter inside the zip'
    )
  })

  it('says the litter ships when keepJunk is set', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/.DS_Store': 'x' },
      { ...STANDARD_CONFIG, keepJunk: true }
    )
    expect(found.map((f) => f.args.inZip)).toEqual([1])
  })

  it('reports litter in a build output under its package path', async () => {
    const found = await check(RULE, { 'index.html': 'x', '.DS_Store': 'x' }, { id: '20171228' })
    expect(found.map((f) => f.path)).toEqual(['20171228/www/.DS_Store'])
  })

  it('knows the names in any case (case-insensitive file systems write thumbs.db too) and a folder icon', async () => {
    const tree = {
      'index.html': 'x',
      'thumbs.db': 'x',
      'img/.ds_store': 'x',
      'DESKTOP.INI': 'x',
      'Icon\r': 'x'
    }
    const found = await check(RULE, tree, { id: '20171228' })
    expect(found.map((f) => f.path).sort()).toEqual(
      ['DESKTOP.INI', 'Icon\r', 'img/.ds_store', 'thumbs.db'].map((n) => `20171228/www/${n}`).sort()
    )
  })

  it('passes a clean package, including names that only look similar', async () => {
    expect(
      await check(
        RULE,
        {
          ...STANDARD,
          '20171228/www/DS_Store.txt': 'x',
          '20171228/www/_index.js': 'x',
          '20171228/www/Icon.png': 'x'
        },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })
})
