import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'name-url-unsafe'

describe('name-url-unsafe', () => {
  it.each([
    ['menu-big copy.png', 'space'],
    ['a#b.png', "'#'"],
    ['100%.png', "'%'"],
    ['what?.png', "'?'"],
    ['{x}.png', "'{' '}'"],
    ['tab\tname.png', 'U+0009'],
    ['图标.png', "'图' '标'"],
    // a combining accent (an NFD name from macOS) or a no-break space quoted alone shows nothing: by code
    ['cafe\u0301.png', 'U+0301'],
    ['a\u00a0b.png', 'U+00A0']
  ])('warns about %j in a standard package', async (name, chars) => {
    const path = `20171228/www/img/${name}`
    const found = await check(RULE, { ...STANDARD, [path]: 'x' }, STANDARD_CONFIG)
    expect(found).toEqual([{ severity: 'warning', path, line: undefined, args: { name, chars } }])
  })

  it('explains what goes wrong', () => {
    expect(messageOf(RULE, { name: 'menu-big copy.png', chars: 'space' })).toBe(
      '"menu-big copy.png" contains space: the URL the page requests is percent-encoded and no longer matches the file'
    )
  })

  it('is an error in a global package', async () => {
    const path = `20171228/${HOST}/${APP_WS}/v1/a b.js`
    expect(await check(RULE, { [path]: 'x' })).toEqual([
      { severity: 'error', path, line: undefined, args: { name: 'a b.js', chars: 'space' } }
    ])
  })

  it('reports a folder once, not every file inside it', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/图片/a.png': 'x', '20171228/www/图片/b.png': 'x' },
      STANDARD_CONFIG
    )
    expect(found.map((f) => f.path)).toEqual(['20171228/www/图片'])
  })

  it('passes ASCII letters, digits, "-", "_" and "."', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/img/logo_v2-final.min.png': 'x' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('leaves characters urlencode changes but URLs keep (@ ~) to name-urlencode', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/icon@2x.png': 'x', '20171228/www/a~b.css': 'x' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('checks every name after the ID folder, the global host folder excepted', async () => {
    expect(await check(RULE, { [`20171228/cdn.example.com:8443/${APP_WS}/v1/a.js`]: 'x' })).toEqual(
      []
    )
  })
})
