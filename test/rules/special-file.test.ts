import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, validateTree, writeTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'special-file'

describe('special-file', () => {
  it('reports a FIFO in a directory source without opening it', async () => {
    const dir = writeTree(STANDARD)
    execFileSync('mkfifo', [path.join(dir, '20171228/www/build.pipe')])
    const v = await validateTree(dir, { ...STANDARD_CONFIG, checkReferences: false })
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found.map((f) => [f.severity, f.path, f.args])).toEqual([
      ['error', '20171228/www/build.pipe', { path: '20171228/www/build.pipe' }]
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/build.pipe" is not a regular file or folder (a socket, FIFO or device)'
    )
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
  })

  it('reports a zip entry whose mode is a FIFO or a device', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/fifo', mode: 0o010644 },
      { name: '20171228/www/dev', mode: 0o020644 }
    ])
    expect((await check(RULE, zip, STANDARD_CONFIG)).map((f) => f.path)).toEqual([
      '20171228/www/dev',
      '20171228/www/fifo'
    ])
  })

  it('passes regular files and folders', async () => {
    expect(await check(RULE, { ...STANDARD, '20171228/www/empty/': '' }, STANDARD_CONFIG)).toEqual(
      []
    )
  })
})
