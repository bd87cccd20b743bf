import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'type-mismatch'
const GLOBAL = { [`20171228/${HOST}/${APP_WS}/v1/common.js`]: 'x' }

describe('type-mismatch', () => {
  it('reports a standard layout declared global', async () => {
    const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, type: 'global' })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228',
        line: undefined,
        args: { declared: 'global', detected: 'standard', id: '20171228', example: '' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'declared a global package, but "20171228" has no <host>/…/<appId>_<workspace>/ folders'
    )
  })

  it('reports a global layout declared standard, with an example path', async () => {
    const found = await check(RULE, GLOBAL, { type: 'standard' })
    const example = `20171228/${HOST}/${APP_WS}/v1/common.js`
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228',
        line: undefined,
        args: { declared: 'standard', detected: 'global', id: '20171228', example }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `declared a standard package, but "20171228" is laid out as a global package (${example})`
    )
  })

  it('reports a standard package that also holds a global tree (never mixed)', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, ...GLOBAL },
      { ...STANDARD_CONFIG, type: 'standard' }
    )
    expect(found.map((f) => f.args.detected)).toEqual(['global'])
  })

  it('passes a layout that matches the declared type', async () => {
    expect(await check(RULE, STANDARD, { ...STANDARD_CONFIG, type: 'standard' })).toEqual([])
    expect(await check(RULE, GLOBAL, { type: 'global' })).toEqual([])
    expect(
      await check(RULE, zipOf([{ name: `20171228/${HOST}/${APP_WS}/v1/a.js`, data: 'x' }]), {
        type: 'global'
      })
    ).toEqual([])
  })

  it('uses the configured app ID and workspace to recognise the global folder', async () => {
    const config = { type: 'global' as const, appId: '53E5279071442', workspace: 'test' }
    expect(await check(RULE, GLOBAL, config)).toEqual([])
  })

  it('never fires when the type is guessed (auto)', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
    expect(await check(RULE, GLOBAL, {})).toEqual([])
  })

  it('never fires for a build output: the configuration lays it out as declared', async () => {
    const config = {
      id: '20171228',
      type: 'global' as const,
      appId: '53E5279071442',
      workspace: 'test',
      versionDir: 'v1'
    }
    expect(await check(RULE, { 'common.js': 'x' }, config)).toEqual([])
  })
})
