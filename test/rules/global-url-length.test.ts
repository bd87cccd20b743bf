import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'global-url-length'
const BASE = `${HOST}/${APP_WS}/v1/`
/** A global file whose URL (https:// + path after the ID folder) is exactly `length` characters. */
function fileWithUrlLength(length: number, fill = 'a'): { path: string; url: string } {
  const name = fill.repeat(length - `https://${BASE}`.length - '.js'.length) + '.js'
  return { path: `20171228/${BASE}${name}`, url: `https://${BASE}${name}` }
}

describe('global-url-length', () => {
  it('passes a URL of exactly 100 characters', async () => {
    const f = fileWithUrlLength(100)
    expect(f.url).toHaveLength(100)
    expect(await check(RULE, { [f.path]: 'x' })).toEqual([])
  })

  it('reports a URL of 101 characters', async () => {
    const f = fileWithUrlLength(101)
    const found = await check(RULE, { [f.path]: 'x' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: f.path,
        line: undefined,
        args: { url: f.url, length: 101, limit: 100 }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `the URL ${f.url} is 101 characters, over the limit of 100: the client shows a blank page`
    )
  })

  it('is a warning for a source map, which no page requests', async () => {
    const f = fileWithUrlLength(101 - '.map'.length)
    const found = await check(RULE, { [`${f.path}.map`]: '{}', [f.path]: 'x' })
    expect(found.map((x) => [x.severity, x.path])).toEqual([['warning', `${f.path}.map`]])
    expect(messageOf(RULE, found[0].args)).toBe(
      `the URL ${f.url}.map is 101 characters, over the limit of 100: the client cannot serve this source map, which only developer tools ask for`
    )
  })

  it('counts the host port and the Apsara Stack prefix', async () => {
    const config = { environment: 'apsara-stack' as const, host: 'mds.example.com:4432' }
    const dir = `20171228/mds.example.com:4432/mcube/${APP_WS}/v1/`
    const name = 'b'.repeat(101 - `https://${dir.slice(9)}`.length - 3) + '.js'
    const found = await check(RULE, { [dir + name]: 'x' }, config)
    expect(found.map((f) => f.args.length)).toEqual([101])
  })

  it('never fires for a standard package, however deep', async () => {
    const deep = `20171228/www/${'d'.repeat(60)}/${'e'.repeat(60)}/index.html`
    expect(await check(RULE, { [deep]: 'x' }, { mainEntry: '/www/index.html' })).toEqual([])
  })
})
