import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, findingsOf, validateTree } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'global-host'
const LEGACY = 'mcube-prod.oss-cn-hangzhou.aliyuncs.com'
const at = (host: string, middle = '') => ({
  [`20171228/${host}/${middle}${APP_WS}/v1/common.js`]: 'x'
})
const APSARA = { environment: 'apsara-stack' as const, type: 'global' as const }

describe('global-host', () => {
  it('passes the public cloud host', async () => {
    expect(await check(RULE, at(HOST))).toEqual([])
  })

  it('warns about the legacy OSS host', async () => {
    const found = await check(RULE, at(LEGACY))
    expect(found).toEqual([
      {
        severity: 'warning',
        path: `20171228/${LEGACY}`,
        line: undefined,
        args: { problem: 'legacy', host: LEGACY }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"${LEGACY}" is the legacy OSS host; public cloud now serves global resources from ${HOST}`
    )
  })

  it('warns about another host on public cloud', async () => {
    const found = await check(RULE, at('cdn.example.com'))
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/cdn.example.com',
        line: undefined,
        args: { problem: 'other', host: 'cdn.example.com' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"cdn.example.com" is not ${HOST}: real-time publishing acceleration is off for this package`
    )
  })

  it('accepts a :port on the host folder (and name-urlencode does not flag its colon)', async () => {
    const tree = at('cdn.example.com:8443')
    expect((await check(RULE, tree)).map((f) => [f.severity, f.args.problem, f.args.host])).toEqual(
      [['warning', 'other', 'cdn.example.com:8443']]
    )
    expect(await check('name-urlencode', tree)).toEqual([])
  })

  it('reports a host folder that is not the configured host (Apsara Stack)', async () => {
    const found = await check(RULE, at('mdsweb.example.com', 'mcube/'), {
      ...APSARA,
      host: 'mdsweb.example.com:4432'
    })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/mdsweb.example.com',
        line: undefined,
        args: {
          problem: 'mismatch',
          host: 'mdsweb.example.com',
          expected: 'mdsweb.example.com:4432'
        }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'the host folder is "mdsweb.example.com" but the configured host is "mdsweb.example.com:4432"'
    )
  })

  it('passes the configured Apsara Stack host with its port, without the public-cloud warning', async () => {
    const config = { ...APSARA, host: 'mdsweb.example.com:4432' }
    expect(await check(RULE, at('mdsweb.example.com:4432', 'mcube/'), config)).toEqual([])
  })

  it('passes any valid host on Apsara Stack when no host is configured', async () => {
    expect(await check(RULE, at('mds.intra.example.com', 'mcube/'), APSARA)).toEqual([])
  })

  it('reports a second-level folder that is not a host name', async () => {
    const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, type: 'global' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www',
        line: undefined,
        args: { problem: 'invalid', host: 'www' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"www" is not a host name (with an optional :port from 1 to 65535); the second-level folder of a global package is the resource host'
    )
  })

  it('reports a host folder whose port is no port (over 65535, or 0), where the scan and other rules once crashed', async () => {
    for (const host of ['h.example.com:99999', 'h.example.com:65536', 'h.example.com:0']) {
      const v = await validateTree(
        { [`20171228/${host}/${APP_WS}/v1/a.html`]: '<script src="b.js"></script>' },
        { appId: '53E5279071442', workspace: 'test' }
      )
      expect(v.pkg.type, host).toBe('global')
      expect(
        findingsOf(v.findings, RULE).map((f) => f.args),
        host
      ).toEqual([{ problem: 'invalid', host }])
    }
    expect(await check(RULE, at('h.example.com:65535', 'mcube/'), APSARA)).toEqual([])
  })

  it('reports a second host folder', async () => {
    const found = await check(RULE, { ...at(HOST), ...at('zz.example.com') })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/zz.example.com',
        line: undefined,
        args: { problem: 'extra', host: 'zz.example.com', first: HOST }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"zz.example.com" is a second host folder; a global package has exactly one (the first is "${HOST}")`
    )
  })

  it('reports a configured public-cloud host other than the default as a mismatch', async () => {
    const found = await check(RULE, at(HOST), { host: 'cdn.example.com' })
    expect(found.map((f) => [f.severity, f.args.problem])).toEqual([['error', 'mismatch']])
  })

  it('never fires for a standard package', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })
})
