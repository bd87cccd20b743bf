import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'global-prefix'
const MDS = 'mdsweb.example.com'
const APSARA = { environment: 'apsara-stack' as const, host: MDS, type: 'global' as const }
const file = (middle: string, host = MDS) => ({ [`20171228/${host}/${middle}/v1/common.js`]: 'x' })

describe('global-prefix', () => {
  it('passes public cloud without a prefix', async () => {
    expect(await check(RULE, file(APP_WS, HOST))).toEqual([])
  })

  it('expects mcube after the host by default on Apsara Stack', async () => {
    expect(await check(RULE, file(`mcube/${APP_WS}`), APSARA)).toEqual([])
    const found = await check(RULE, file(APP_WS), APSARA)
    expect(found).toEqual([
      {
        severity: 'error',
        path: `20171228/${MDS}/${APP_WS}`,
        line: undefined,
        args: { found: APP_WS, parent: `20171228/${MDS}`, expected: 'mcube' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `folder "${APP_WS}" in 20171228/${MDS} should be "mcube"`
    )
  })

  it('judges a package built for another workspace as global, with the type left to detection', async () => {
    // built for _test, checked for _prod: the mistake the app ID and workspace settings are there to catch
    const config = { appId: '53E5279071442', workspace: 'prod' }
    expect((await check(RULE, file(APP_WS, HOST), config)).map((f) => f.args)).toEqual([
      { found: APP_WS, parent: `20171228/${HOST}`, expected: '53E5279071442_prod' }
    ])
  })

  it('takes an empty prefix on Apsara Stack when configured so', async () => {
    expect(await check(RULE, file(APP_WS), { ...APSARA, prefix: '' })).toEqual([])
  })

  it('expects the bucket folder right before <appId>_<workspace>', async () => {
    const config = { ...APSARA, bucket: 'mdsbucket' }
    expect(await check(RULE, file(`mcube/mdsbucket/${APP_WS}`), config)).toEqual([])
    expect((await check(RULE, file(`mcube/${APP_WS}`), config)).map((f) => f.args)).toEqual([
      { found: APP_WS, parent: `20171228/${MDS}/mcube`, expected: 'mdsbucket' }
    ])
  })

  it('takes a two-folder prefix such as mdss/mcube', async () => {
    const config = { ...APSARA, prefix: 'mdss/mcube' }
    expect(await check(RULE, file(`mdss/mcube/${APP_WS}`), config)).toEqual([])
    expect((await check(RULE, file(`mcube/${APP_WS}`), config)).map((f) => f.args)).toEqual([
      { found: 'mcube', parent: `20171228/${MDS}`, expected: 'mdss' }
    ])
  })

  it('trims slashes around the configured prefix', async () => {
    expect(
      await check(RULE, file(`mdss/mcube/${APP_WS}`), { ...APSARA, prefix: '/mdss/mcube/' })
    ).toEqual([])
  })

  it('expects the configured <appId>_<workspace> exactly', async () => {
    const config = { type: 'global' as const, appId: '53E5279071442', workspace: 'test' }
    expect(await check(RULE, file(APP_WS, HOST), config)).toEqual([])
    expect(
      (await check(RULE, file('53E5279071442_prod', HOST), config)).map((f) => f.args)
    ).toEqual([{ found: '53E5279071442_prod', parent: `20171228/${HOST}`, expected: APP_WS }])
  })

  it('without app ID and workspace, expects a folder shaped like <appId>_<workspace>, once per folder', async () => {
    const tree = {
      [`20171228/${HOST}/common/v1/a.js`]: 'x',
      [`20171228/${HOST}/common/v1/b.js`]: 'x'
    }
    const found = await check(RULE, tree, { type: 'global' })
    expect(found.map((f) => [f.path, f.args.expected])).toEqual([
      [`20171228/${HOST}/common`, '<appId>_<workspace>']
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `folder "common" in 20171228/${HOST} should be "<appId>_<workspace>"`
    )
  })

  it('never fires for a standard package', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })
})
