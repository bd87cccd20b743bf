import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { APP_WS, HOST, STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'global-stray-file'
const GOOD = { [`20171228/${HOST}/${APP_WS}/v1/common.js`]: 'x' }

describe('global-stray-file', () => {
  it('reports files in the ID folder and in the host folder', async () => {
    const found = await check(RULE, {
      ...GOOD,
      '20171228/README.md': 'x',
      [`20171228/${HOST}/index.html`]: 'x'
    })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/README.md',
        line: undefined,
        args: { path: '20171228/README.md' }
      },
      {
        severity: 'error',
        path: `20171228/${HOST}/index.html`,
        line: undefined,
        args: { path: `20171228/${HOST}/index.html` }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/README.md" sits above the <appId>_<workspace> folder, where no URL can reach it'
    )
  })

  it('reports a file in the prefix folder on Apsara Stack', async () => {
    const config = { environment: 'apsara-stack' as const, host: 'mds.example.com' }
    const tree = {
      [`20171228/mds.example.com/mcube/${APP_WS}/v1/a.js`]: 'x',
      '20171228/mds.example.com/mcube/notes.txt': 'x'
    }
    expect((await check(RULE, tree, config)).map((f) => f.path)).toEqual([
      '20171228/mds.example.com/mcube/notes.txt'
    ])
  })

  it('passes files directly in <appId>_<workspace> and below', async () => {
    expect(
      await check(RULE, { ...GOOD, [`20171228/${HOST}/${APP_WS}/unversioned.js`]: 'x' })
    ).toEqual([])
  })

  it('leaves files outside the ID folder to single-root', async () => {
    expect(await check(RULE, { ...GOOD, 'README.md': 'x' })).toEqual([])
  })

  it('never fires for a standard package, where files at the ID folder are fine', async () => {
    expect(await check(RULE, { ...STANDARD, '20171228/index.html': 'x' }, STANDARD_CONFIG)).toEqual(
      []
    )
  })
})
