import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'source-map'

describe('source-map', () => {
  it('warns about JS and CSS source maps', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/js/app.js.map': '{}', '20171228/www/css/app.css.map': '{}' },
      STANDARD_CONFIG
    )
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/css/app.css.map',
        line: undefined,
        args: { path: '20171228/www/css/app.css.map' }
      },
      {
        severity: 'warning',
        path: '20171228/www/js/app.js.map',
        line: undefined,
        args: { path: '20171228/www/js/app.js.map' }
      }
    ])
    expect(messageOf(RULE, found[1].args)).toBe(
      '"20171228/www/js/app.js.map" is a source map: your original source ships to every phone'
    )
  })

  it('passes a package without maps (names that merely contain "map" too)', async () => {
    expect(
      await check(
        RULE,
        {
          ...STANDARD,
          '20171228/www/sitemap': 'x',
          '20171228/www/map.js': 'x',
          '20171228/www/maps/a.png': 'x'
        },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('passes when maps are excluded', async () => {
    const tree = { ...STANDARD, '20171228/www/js/app.js.map': '{}' }
    expect(await check(RULE, tree, { ...STANDARD_CONFIG, exclude: ['**/*.map'] })).toEqual([])
  })
})
