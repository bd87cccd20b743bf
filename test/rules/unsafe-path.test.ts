import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { packPackage } from '../../src/engine/pack.js'
import { cleanupTempDirs, tempDir, validateTree, writeTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'unsafe-path'
const INDEX = { name: '20171228/www/index.html', data: '<!doctype html>' }

describe('unsafe-path', () => {
  it.each([
    ['20171228/../evil.js', '.. segment'],
    ['/etc/evil.js', 'absolute path'],
    ['20171228\\www\\evil.js', 'backslash'],
    ['C:/evil.js', 'drive letter'],
    ['20171228/./www/evil.js', '. segment'],
    ['20171228//evil.js', 'empty segment']
  ])('reports %j (%s) and never reads it', async (name, reason) => {
    const zip = zipOf([INDEX, { name, data: 'evil' }])
    const v = await validateTree(zip, { ...STANDARD_CONFIG, checkReferences: false })
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found.map((f) => [f.severity, f.path, f.args])).toEqual([
      ['error', name, { reason, path: name }]
    ])
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
  })

  it('explains that the entry was not read', () => {
    expect(messageOf(RULE, { path: '20171228/../evil.js', reason: '.. segment' })).toBe(
      'zip entry "20171228/../evil.js" is unsafe (.. segment); it was not read'
    )
  })

  it('passes relative forward-slash names, a host:port folder included', async () => {
    const zip = zipOf([
      INDEX,
      { name: '20171228/www/a..b.js', data: 'x' },
      { name: '20171228/mds.example.com:4432/x.js', data: 'x' }
    ])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([])
  })

  it('in a folder: a file named with a backslash is reported and left out, so the folder and its zip agree', async () => {
    const root = writeTree({
      '20171228/www/index.html': '<!doctype html>',
      '20171228/www/a\\b.txt': 'x'
    })
    const v = await validateTree(root, { ...STANDARD_CONFIG, checkReferences: false })
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found.map((f) => [f.severity, f.path])).toEqual([['error', '20171228/www/a\\b.txt']])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/a\\b.txt" has a backslash in its name, a folder separator on Windows; it is left out of the package'
    )
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const packed = await packPackage(root, parseConfig(STANDARD_CONFIG), { out, force: true })
    expect(packed.zip?.files).toBe(1)
    const again = await validateTree(out, { ...STANDARD_CONFIG, checkReferences: false })
    expect(again.findings.filter((f) => f.rule === RULE)).toEqual([])
  })
})
