import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'name-urlencode'

describe('name-urlencode', () => {
  it('warns about @ and ~ (webpack and retina names)', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/img/icon@2x.png': 'x', '20171228/www/css/mbank~login.css': 'x' },
      STANDARD_CONFIG
    )
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/css/mbank~login.css',
        line: undefined,
        args: { name: 'mbank~login.css', chars: "'~'" }
      },
      {
        severity: 'warning',
        path: '20171228/www/img/icon@2x.png',
        line: undefined,
        args: { name: 'icon@2x.png', chars: "'@'" }
      }
    ])
    expect(messageOf(RULE, found[1].args)).toBe(
      `"icon@2x.png" contains '@', which urlencode changes; MDS advises against it`
    )
  })

  it('lists every such character of a name once', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, '20171228/www/a(1)+(2).png': 'x' },
      STANDARD_CONFIG
    )
    expect(found.map((f) => f.args.chars)).toEqual(["'(' ')' '+'"])
  })

  it('warns in global packages too, on folders as well as files', async () => {
    const found = await check(RULE, { [`20171228/${HOST}/${APP_WS}/v1!/a.js`]: 'x' })
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ['warning', `20171228/${HOST}/${APP_WS}/v1!`]
    ])
  })

  it('does not flag the :port of a global host folder', async () => {
    expect(
      await check(
        RULE,
        { [`20171228/mds.example.com:4432/mcube/${APP_WS}/v1/a.js`]: 'x' },
        {
          environment: 'apsara-stack',
          host: 'mds.example.com:4432'
        }
      )
    ).toEqual([])
  })

  it('flags a colon anywhere else', async () => {
    const found = await check(RULE, { ...STANDARD, '20171228/www/a:b.js': 'x' }, STANDARD_CONFIG)
    expect(found.map((f) => f.args.chars)).toEqual(["':'"])
  })

  it('passes plain names', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/img/icon-2x.png': 'x', '20171228/www/js/app.3f9a2c.js': 'x' },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })
})
