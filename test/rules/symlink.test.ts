import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { openZipSource } from '../../src/core/zip-source.js'
import { packPackage } from '../../src/engine/pack.js'
import { cleanupTempDirs, tempDir, validateTree, writeTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'symlink'
/** Some line of the real /etc/passwd, to prove its content never reaches a finding. */
const PASSWD_LINE = fs.existsSync('/etc/passwd')
  ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0]
  : 'root:x:0:0'

/** A standard package whose www/ holds a link to /etc/passwd (and an HTML page that loads it). */
function treeWithLink(): string {
  const dir = writeTree({
    ...STANDARD,
    '20171228/www/index.html': '<!doctype html><script src="passwd.js"></script>'
  })
  fs.symlinkSync('/etc/passwd', path.join(dir, '20171228/www/passwd.js'))
  return dir
}

describe('symlink', () => {
  it('reports a link to /etc/passwd without following it', async () => {
    const dir = treeWithLink()
    const v = await validateTree(dir, STANDARD_CONFIG)
    const found = v.findings.filter((f) => f.rule === RULE)
    expect(found).toEqual([
      {
        rule: RULE,
        severity: 'error',
        path: '20171228/www/passwd.js',
        file: '20171228/www/passwd.js',
        args: { target: '/etc/passwd', path: '20171228/www/passwd.js' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/passwd.js" is a symbolic link to /etc/passwd; links are not followed or packed'
    )
    // Not a file of the package: the reference scan finds nothing there, and nothing of /etc/passwd was read.
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
    expect(v.findings.filter((f) => f.rule === 'ref-broken').map((f) => f.args.url)).toEqual([
      'passwd.js'
    ])
    expect(JSON.stringify(v)).not.toContain(PASSWD_LINE)
  })

  it('does not descend into a link to a folder', async () => {
    const dir = writeTree(STANDARD)
    fs.symlinkSync('/etc', path.join(dir, '20171228/www/etc'))
    fs.symlinkSync('..', path.join(dir, '20171228/www/loop'))
    const v = await validateTree(dir, { ...STANDARD_CONFIG, checkReferences: false })
    expect(v.findings.filter((f) => f.rule === RULE).map((f) => [f.path, f.args.target])).toEqual([
      ['20171228/www/etc', '/etc'],
      ['20171228/www/loop', '..']
    ])
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
  })

  it('reports a symlink entry of a zip, with its stored target', { timeout: 10_000 }, async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/www/passwd.js', data: '/etc/passwd', mode: 0o120777 }
    ])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([
      {
        severity: 'error',
        path: '20171228/www/passwd.js',
        line: undefined,
        args: { target: '/etc/passwd', path: '20171228/www/passwd.js' }
      }
    ])
  })

  it('never packs the link, even with --force', async () => {
    const out = path.join(tempDir(), 'out.zip')
    const packed = await packPackage(
      treeWithLink(),
      parseConfig({ ...STANDARD_CONFIG, checkReferences: false }),
      { out, force: true }
    )
    expect(packed.findings.some((f) => f.rule === RULE)).toBe(true)
    const source = await openZipSource(out, { maxEntries: 100, maxBytes: 1e6 })
    try {
      expect(source.entries.filter((e) => e.kind !== 'directory').map((e) => e.name)).toEqual([
        '20171228/www/index.html'
      ])
      expect(source.issues).toEqual([])
    } finally {
      await source.close()
    }
  })

  it('passes a package of regular files', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })
})
