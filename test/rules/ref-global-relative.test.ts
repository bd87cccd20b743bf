import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-global-relative'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }
const page = (src: string) => ({
  '20171228/www/index.html': `<!doctype html>\n<script src="${src}"></script>`
})

describe('ref-global-relative', () => {
  it('reports a protocol-relative URL to the global host', async () => {
    const url = `//${HOST}/${APP_WS}/v1/common.js`
    const found = await check(RULE, page(url), REFS)
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/index.html',
        line: 2,
        args: { url, target: `https:${url}`, absolute: `https:${url}` }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"${url}" reaches the global resource package without an absolute URL; only https://<host>/… is served from it: write https:${url}`
    )
  })

  it('reports a relative path into an <appId>_<workspace> folder, with the URL to write', async () => {
    const found = await check(RULE, page(`../${APP_WS}/v1/common.js`), REFS)
    expect(found.map((f) => [f.args.url, f.args.target, f.args.absolute])).toEqual([
      [
        `../${APP_WS}/v1/common.js`,
        `20171228/${APP_WS}/v1/common.js`,
        `https://${HOST}/${APP_WS}/v1/common.js`
      ]
    ])
    // on Apsara Stack, from the configured host, prefix and bucket
    const apsara = {
      ...REFS,
      environment: 'apsara-stack' as const,
      host: 'csmds.example.com:4432',
      bucket: 'mdsbucket'
    }
    const [f] = await check(RULE, page(`../${APP_WS}/v1/js/main.js`), apsara)
    expect(messageOf(RULE, f!.args)).toBe(
      `"../${APP_WS}/v1/js/main.js" reaches the global resource package without an absolute URL; only https://<host>/… is served from it: write https://csmds.example.com:4432/mcube/mdsbucket/${APP_WS}/v1/js/main.js`
    )
  })

  it('passes the absolute https URL', async () => {
    expect(await check(RULE, page(`https://${HOST}/${APP_WS}/v1/common.js`), REFS)).toEqual([])
  })

  it('follows the configured host (Apsara Stack)', async () => {
    const config = { ...REFS, environment: 'apsara-stack' as const, host: 'mds.example.com:4432' }
    expect(
      (await check(RULE, page(`//mds.example.com:4432/mcube/${APP_WS}/a.js`), config)).length
    ).toBe(1)
    expect(
      await check(RULE, page(`https://mds.example.com:4432/mcube/${APP_WS}/a.js`), config)
    ).toEqual([])
  })
})
