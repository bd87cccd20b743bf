import { afterAll, describe, expect, it } from 'vitest'
import { fixFor } from '../../src/report/messages.js'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'main-entry'

describe('main-entry', () => {
  it('passes a configured entry that exists', async () => {
    expect(await check(RULE, STANDARD, { mainEntry: '/www/index.html' })).toEqual([])
  })

  it('ignores a query string and a hash on the entry', async () => {
    expect(await check(RULE, STANDARD, { mainEntry: '/www/index.html?from=app#home' })).toEqual([])
  })

  it('reports an entry that is missing, suggesting the index.html there is', async () => {
    const found = await check(RULE, STANDARD, { mainEntry: '/www/main.html' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/main.html',
        line: undefined,
        args: { problem: 'missing', entry: '/www/main.html', suggestion: '/www/index.html' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'main entry "/www/main.html" is not a file of the package; did you mean /www/index.html?'
    )
  })

  it('reports an entry without a leading slash', async () => {
    const found = await check(RULE, STANDARD, { mainEntry: 'www/index.html' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: undefined,
        line: undefined,
        args: { problem: 'slash', entry: 'www/index.html' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'main entry "www/index.html" must start with "/" (a path from the ID folder, e.g. /www/index.html)'
    )
  })

  it('suggests the file that matches ignoring case (the phone is case-sensitive)', async () => {
    const found = await check(
      RULE,
      { '20171228/www/Index.html': 'x', '20171228/index.html': 'x' },
      { mainEntry: '/www/index.html' }
    )
    expect(found.map((f) => [f.severity, f.args.suggestion])).toEqual([
      ['error', '/www/Index.html']
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'main entry "/www/index.html" is not a file of the package; did you mean /www/Index.html?'
    )
  })

  it('suggests the page there is for a missing entry when there is no index.html, and nothing without pages', async () => {
    const found = await check(
      RULE,
      { '20171228/www/app.html': 'x' },
      { mainEntry: '/www/index.html' }
    )
    expect(messageOf(RULE, found[0].args)).toBe(
      'main entry "/www/index.html" is not a file of the package; did you mean /www/app.html?'
    )
    const none = await check(RULE, { '20171228/www/app.js': 'x' }, { mainEntry: '/www/index.html' })
    expect(messageOf(RULE, none[0].args)).toBe(
      'main entry "/www/index.html" is not a file of the package'
    )
  })

  it('with no entry configured, notes the index.html with the shortest path', async () => {
    const found = await check(RULE, {
      '20171228/www/sub/index.html': 'x',
      '20171228/www/index.html': 'x'
    })
    expect(found).toEqual([
      {
        severity: 'notice',
        path: undefined,
        line: undefined,
        args: { problem: 'unset', suggestion: '/www/index.html' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'no main entry configured; /www/index.html is the likely one: set it in the MDS console and here'
    )
  })

  it('with no entry configured and no index.html, names the shallowest page', async () => {
    const found = await check(RULE, {
      '20171228/www/sub/a.html': 'x',
      '20171228/www/app.html': 'x'
    })
    expect(found.map((f) => [f.severity, f.args.suggestion])).toEqual([['notice', '/www/app.html']])
  })

  it('never guesses an error or fallback page (404.html, 200.html) as the entry', async () => {
    const found = await check(RULE, {
      '20171228/www/404.html': 'x',
      '20171228/www/200.html': 'x',
      '20171228/www/app.html': 'x'
    })
    expect(found.map((f) => f.args.suggestion)).toEqual(['/www/app.html'])
  })

  it('with no entry configured and no page at all (extensionless files), says so', async () => {
    const found = await check(RULE, { '20171228/www/index': 'Redirecting...' })
    expect(found.map((f) => [f.severity, f.args.suggestion])).toEqual([['notice', '']])
    expect(messageOf(RULE, found[0].args)).toBe(
      'no main entry configured, and the package has no HTML page (.html) to open'
    )
  })

  it('the fix names both placements, not only the /www/index.html the user may have just given', () => {
    expect(fixFor(RULE)).toContain('/index.html for one placed straight under the ID folder')
  })

  it('resolves the entry from the ID folder of a build output (placed under www/)', async () => {
    expect(
      await check(RULE, { 'index.html': 'x' }, { id: '20171228', mainEntry: '/www/index.html' })
    ).toEqual([])
    expect(
      await check(
        RULE,
        { 'index.html': 'x' },
        { id: '20171228', entryDir: 'h5', mainEntry: '/h5/index.html' }
      )
    ).toEqual([])
  })

  it('for a global package, which has no main entry, only notes one given by mistake', async () => {
    const global = { [`20171228/${HOST}/${APP_WS}/v1/a.js`]: 'x' }
    expect(await check(RULE, global)).toEqual([])
    const found = await check(RULE, global, { mainEntry: '/nope.html' })
    expect(found.map((f) => [f.severity, f.args.problem])).toEqual([['notice', 'global']])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      'main entry "/nope.html" is ignored: a global resource package has no pages (the console asks for a main entry of standard packages only)'
    )
  })
})
