import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { openZipSource } from '../../src/core/zip-source.js'
import { packPackage } from '../../src/engine/pack.js'
import { cleanupTempDirs, tempDir, writeTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'single-root'

describe('single-root', () => {
  it('reports a stray file and a second folder beside the ID folder', async () => {
    const found = await check(
      RULE,
      { ...STANDARD, 'README.md': '# notes', 'other/a.txt': 'x' },
      STANDARD_CONFIG
    )
    expect(found).toEqual([
      {
        severity: 'error',
        path: 'README.md',
        line: undefined,
        args: { name: 'README.md', kind: 'file' }
      },
      {
        severity: 'error',
        path: 'other',
        line: undefined,
        args: { name: 'other', kind: 'directory' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"README.md" is a file at the top of the zip; only the package ID folder may be there'
    )
    expect(messageOf(RULE, found[1].args)).toBe(
      '"other" is a second top-level folder; the zip must hold only the package ID folder'
    )
  })

  it('passes a package whose only first-level entry is the ID folder', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('passes a directory that is the ID folder itself', async () => {
    const root = path.join(tempDir(), '20171228')
    writeTree({ 'www/index.html': '<!doctype html>' }, root)
    expect(await check(RULE, root, STANDARD_CONFIG)).toEqual([])
  })

  it('passes a build output: the configuration places it under the ID folder', async () => {
    expect(await check(RULE, { 'index.html': 'x', 'README.md': 'x' }, { id: '20171228' })).toEqual(
      []
    )
  })

  describe('__MACOSX and junk at the top', () => {
    const tree = { ...STANDARD, '__MACOSX/20171228/www/._index.html': 'x', '.DS_Store': 'x' }

    it('in a directory source, leaves them to junk-file: the packer drops them', async () => {
      expect(await check(RULE, tree, STANDARD_CONFIG)).toEqual([])
      const junk = await check('junk-file', tree, STANDARD_CONFIG)
      expect(junk.map((f) => [f.path, f.args.inZip])).toEqual([
        ['.DS_Store', 0],
        ['__MACOSX', 0]
      ])
    })

    it('in a directory source with keepJunk, reports them: they would be packed', async () => {
      const found = await check(RULE, tree, { ...STANDARD_CONFIG, keepJunk: true })
      expect(found.map((f) => f.args)).toEqual([
        { name: '.DS_Store', kind: 'file' },
        { name: '__MACOSX', kind: 'directory' }
      ])
    })

    it('in a zip, reports them: they are already in the upload', async () => {
      const zip = zipOf([
        { name: '20171228/www/index.html', data: 'x' },
        { name: '__MACOSX/20171228/www/._index.html', data: 'x' }
      ])
      expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([
        {
          severity: 'error',
          path: '__MACOSX',
          line: undefined,
          args: { name: '__MACOSX', kind: 'directory' }
        }
      ])
    })

    it('matches what the packer writes: only the ID folder at the top', async () => {
      const dir = writeTree(tree)
      const out = path.join(tempDir(), 'out.zip')
      const packed = await packPackage(
        dir,
        parseConfig({ ...STANDARD_CONFIG, checkReferences: false }),
        { out }
      )
      expect(packed.zip?.path).toBe(out)
      const source = await openZipSource(out, { maxEntries: 1000, maxBytes: 1e6 })
      try {
        expect(new Set(source.entries.map((e) => e.name.split('/')[0]))).toEqual(
          new Set(['20171228'])
        )
      } finally {
        await source.close()
      }
    })

    it('a stray non-junk file makes the packer refuse: nothing is written', async () => {
      const dir = writeTree({ ...tree, 'README.md': 'x' })
      const out = path.join(tempDir(), 'out.zip')
      const packed = await packPackage(
        dir,
        parseConfig({ ...STANDARD_CONFIG, checkReferences: false }),
        { out }
      )
      expect(packed.findings.filter((f) => f.rule === RULE).map((f) => f.path)).toEqual([
        'README.md'
      ])
      expect(packed.zip).toBeUndefined()
      expect(fs.existsSync(out)).toBe(false)
    })
  })

  it('keeps the 8-digit folder as the root when another folder sorts first', async () => {
    const zip = zipOf([
      { name: '0-extra/a.txt', data: 'x' },
      { name: '20171228/www/index.html', data: 'x' }
    ])
    expect((await check(RULE, zip, STANDARD_CONFIG)).map((f) => f.path)).toEqual(['0-extra'])
  })
})
