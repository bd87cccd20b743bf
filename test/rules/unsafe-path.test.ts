import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, validateTree } from '../helpers/tree.js'
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
})
