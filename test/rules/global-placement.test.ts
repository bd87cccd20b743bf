import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, check } from './_helpers.js'

afterAll(cleanupTempDirs)

// The global rules share one reading of where a file sits, so a wrong prefix is one finding, not three.
describe('global rules on a misplaced file', () => {
  const APSARA = {
    type: 'global' as const,
    environment: 'apsara-stack' as const,
    host: 'mds.example.com',
    appId: '53E5279071442',
    workspace: 'test'
  }

  it('a missing mcube folder is a global-prefix finding only, not a stray or unversioned file', async () => {
    const tree = {
      [`20171228/mds.example.com/${APP_WS}/v1/a.js`]: 'x',
      [`20171228/mds.example.com/${APP_WS}/a.js`]: 'x'
    }
    expect(await check('global-stray-file', tree, APSARA)).toEqual([])
    expect(await check('global-unversioned', tree, APSARA)).toEqual([])
    expect((await check('global-prefix', tree, APSARA)).map((f) => f.args)).toEqual([
      { found: APP_WS, parent: '20171228/mds.example.com', expected: 'mcube' }
    ])
  })

  it('takes the folder holding <appId>_<workspace> as the host and reports the other as extra', async () => {
    const tree = { '20171228/assets/x.js': 'x', [`20171228/${HOST}/${APP_WS}/v1/a.js`]: 'x' }
    const found = await check('global-host', tree, { type: 'global' })
    expect(found.map((f) => [f.path, f.args.problem])).toEqual([['20171228/assets', 'extra']])
  })

  it('accepts a single-label host with a port', async () => {
    const tree = { [`20171228/intranet:8080/mcube/${APP_WS}/v1/a.js`]: 'x' }
    const config = { ...APSARA, host: 'intranet:8080' }
    expect(await check('global-host', tree, config)).toEqual([])
    expect(await check('type-mismatch', tree, config)).toEqual([])
    expect(await check('name-urlencode', tree, config)).toEqual([])
  })
})
