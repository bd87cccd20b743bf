import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, writeTree } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-global-missing'
const page = (src: string) => ({
  '20171228/www/index.html': `<!doctype html>\n<script src="${src}"></script>`
})
/** The global resource package the app's pages use, laid out as uploaded. */
const globalPackage = () => writeTree({ [`20000001/${HOST}/${APP_WS}/v1/common.js`]: '' })

describe('ref-global-missing', () => {
  it('reports an absolute URL that names no file of the given global package', async () => {
    const url = `https://${HOST}/${APP_WS}/v1/comon.js`
    const found = await check(RULE, page(url), {
      ...STANDARD_CONFIG,
      checkReferences: true,
      globalPackage: globalPackage()
    })
    expect(found).toEqual([
      { severity: 'error', path: '20171228/www/index.html', line: 2, args: { url, target: url } }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"${url}" is not a file of the global package given with --global-package`
    )
  })

  it('passes a URL the global package serves (http and https alike)', async () => {
    const config = { ...STANDARD_CONFIG, checkReferences: true, globalPackage: globalPackage() }
    expect(await check(RULE, page(`https://${HOST}/${APP_WS}/v1/common.js`), config)).toEqual([])
    expect(await check(RULE, page(`http://${HOST}/${APP_WS}/v1/common.js`), config)).toEqual([])
  })

  it('cannot judge without --global-package, so reports nothing', async () => {
    expect(
      await check(RULE, page(`https://${HOST}/${APP_WS}/v1/comon.js`), {
        ...STANDARD_CONFIG,
        checkReferences: true
      })
    ).toEqual([])
  })

  it('reports the global host written without its port (Apsara Stack), with or without --global-package', async () => {
    const config = {
      ...STANDARD_CONFIG,
      checkReferences: true,
      environment: 'apsara-stack' as const,
      host: 'csmds.example.com:4432',
      bucket: 'mdsbucket'
    }
    const url = `https://csmds.example.com/mcube/mdsbucket/${APP_WS}/v1/js/main.js`
    const found = await check(RULE, page(url), config)
    expect(found.map((f) => [f.severity, f.args.url, f.args.expectedHost])).toEqual([
      ['error', url, 'csmds.example.com:4432']
    ])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      `"${url}" is on the global host with another port: global resources are served from https://csmds.example.com:4432/ only`
    )
    // the host with its port, or the same host's other pages, are not this
    expect(
      await check(
        RULE,
        page(`https://csmds.example.com:4432/mcube/mdsbucket/${APP_WS}/v1/js/main.js`),
        config
      )
    ).toEqual([])
    expect(await check(RULE, page('https://csmds.example.com/help/index.js'), config)).toEqual([])
  })

  it("takes the global package's own host as global: an Apsara Stack domain needs no --host", async () => {
    const host = 'csmds.example.com:4432'
    const global = writeTree({
      [`20248888/${host}/mdss/mcube/bk/6B61A4E261539_sit/1.0.0/lib/common.js`]: ''
    })
    const base = `https://${host}/mdss/mcube/bk/6B61A4E261539_sit`
    const config = { ...STANDARD_CONFIG, checkReferences: true, globalPackage: global }
    expect(await check(RULE, page(`${base}/1.0.0/lib/common.js`), config)).toEqual([])
    expect(
      (await check(RULE, page(`${base}/2.0.0/lib/common.js`), config)).map((f) => f.args.url)
    ).toEqual([`${base}/2.0.0/lib/common.js`])
    // and a relative path into it is named, with the URL the global package really serves
    const [relative] = await check(
      'ref-global-relative',
      page('../bk/6B61A4E261539_sit/1.0.0/lib/common.js'),
      config
    )
    expect(relative!.args.absolute).toBe(`${base}/1.0.0/lib/common.js`)
  })

  it("knows the port from the global package alone, either way round, and builds a missing file's URL from it", async () => {
    const global = writeTree({
      '20000001/h5.intra.corp:8443/mcube/53E5279071442_prod/v1/common.js': ''
    })
    const config = { ...STANDARD_CONFIG, checkReferences: true, globalPackage: global }
    const noPort = 'https://h5.intra.corp/mcube/53E5279071442_prod/v1/common.js'
    expect((await check(RULE, page(noPort), config)).map((f) => f.args.expectedHost)).toEqual([
      'h5.intra.corp:8443'
    ])
    const [relative] = await check(
      'ref-global-relative',
      page('../53E5279071442_prod/v1/gone.js'),
      config
    )
    expect(relative!.args.absolute).toBe(
      'https://h5.intra.corp:8443/mcube/53E5279071442_prod/v1/gone.js'
    )
    // configured without a port, written with one
    const withPort = await check(RULE, page(`https://h5.intra.corp:8443/mcube/${APP_WS}/v1/a.js`), {
      ...STANDARD_CONFIG,
      checkReferences: true,
      environment: 'apsara-stack' as const,
      host: 'h5.intra.corp'
    })
    expect(withPort.map((f) => f.args.expectedHost)).toEqual(['h5.intra.corp'])
  })
})
