import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'global-unversioned'
const DIR = `20171228/${HOST}/${APP_WS}`

describe('global-unversioned', () => {
  it('notes files directly in <appId>_<workspace>/, once for the folder', async () => {
    const found = await check(RULE, {
      [`${DIR}/common.js`]: 'x',
      [`${DIR}/common.css`]: 'x',
      [`${DIR}/v1/a.js`]: 'x'
    })
    expect(found).toEqual([
      {
        severity: 'notice',
        path: DIR,
        line: undefined,
        args: { count: 2, folder: DIR, example: 'common.css' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `2 files sit directly in ${DIR}/ (e.g. common.css); without a version folder a new release overwrites what old pages use`
    )
  })

  it('passes files in a version folder', async () => {
    expect(
      await check(RULE, { [`${DIR}/v1.2.0/common.js`]: 'x', [`${DIR}/v1.2.0/fonts/a.woff2`]: 'x' })
    ).toEqual([])
  })

  it('notes a build output laid out without --version-dir, and passes it with one', async () => {
    const config = { id: '20171228', appId: '53E5279071442', workspace: 'test' }
    expect((await check(RULE, { 'common.js': 'x' }, config)).map((f) => f.path)).toEqual([DIR])
    expect(await check(RULE, { 'common.js': 'x' }, { ...config, versionDir: 'v1' })).toEqual([])
  })

  it('looks below the Apsara Stack prefix and bucket', async () => {
    const config = { environment: 'apsara-stack' as const, host: 'mds.example.com', bucket: 'b1' }
    const dir = `20171228/mds.example.com/mcube/b1/${APP_WS}`
    expect((await check(RULE, { [`${dir}/a.js`]: 'x' }, config)).map((f) => f.path)).toEqual([dir])
    expect(await check(RULE, { [`${dir}/v1/a.js`]: 'x' }, config)).toEqual([])
  })

  it('never fires for a standard package', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })
})
