import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { packPackage } from '../../src/engine/pack.js'
import { MAX_SCANNED_BYTES } from '../../src/refs/extract.js'
import { cleanupTempDirs, findingsOf, tempDir, validateTree, writeTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-unscanned'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }
const PAGE =
  '<!doctype html>\n<script src="js/big.js"></script>\n<link rel="stylesheet" href="css/edge.css">\n<img src="img/missing.png">'

/**
 * The page, plus `js/big.js` one byte over the limit and `css/edge.css` exactly at it, both sparse: no disk, and
 * zeros, which the scan would find nothing in. big.js starts with an import of a missing file, so scanning it
 * would also show up as a ref-broken finding.
 */
function treeWithBigFiles(): string {
  const dir = writeTree({
    '20171228/www/index.html': PAGE,
    '20171228/www/js/big.js': "import('./missing-chunk.js')\n",
    '20171228/www/css/edge.css': ''
  })
  fs.truncateSync(path.join(dir, '20171228/www/js/big.js'), MAX_SCANNED_BYTES + 1)
  fs.truncateSync(path.join(dir, '20171228/www/css/edge.css'), MAX_SCANNED_BYTES)
  return dir
}

describe('ref-unscanned', () => {
  it('names an HTML/CSS/JS file over the limit and leaves it unread; a file at the limit is scanned', async () => {
    const v = await validateTree(treeWithBigFiles(), REFS)
    expect(findingsOf(v.findings, RULE)).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/js/big.js',
        line: undefined,
        args: { path: '20171228/www/js/big.js', size: MAX_SCANNED_BYTES + 1 }
      }
    ])
    expect(messageOf(RULE, { path: 'a.js', size: MAX_SCANNED_BYTES + 1 })).toBe(
      '"a.js" is 134,217,729 bytes (128.0 MiB), over the 128.0 MiB the reference scan reads: its references were not checked'
    )
    // The rest of the scan went on: the page's broken image is reported, big.js's import is not (it was not read).
    expect(findingsOf(v.findings, 'ref-broken').map((f) => f.args.url)).toEqual(['img/missing.png'])
    expect(v.refs?.files).toBe(2)
    expect(v.refs?.bytes).toBe(Buffer.byteLength(PAGE) + MAX_SCANNED_BYTES)
  })

  it('takes the size of a zip entry from the zip and does not inflate it', async () => {
    // A 16 KiB random block over and over: deflate finds it 16 KiB back (about 100:1, no zip bomb), the lexer
    // would find the import at its start.
    const block = Buffer.concat([
      Buffer.from("import('./missing-chunk.js')\n"),
      crypto.randomBytes(16384)
    ])
    const zip = zipOf([
      { name: '20171228/www/index.html', data: '<!doctype html>' },
      { name: '20171228/www/app.mjs', data: Buffer.alloc(MAX_SCANNED_BYTES + 1, block) }
    ])
    const v = await validateTree(zip, REFS)
    expect(findingsOf(v.findings, RULE)).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/app.mjs',
        line: undefined,
        args: { path: '20171228/www/app.mjs', size: MAX_SCANNED_BYTES + 1 }
      }
    ])
    expect(findingsOf(v.findings, 'ref-broken')).toEqual([])
    expect(v.refs?.files).toBe(1)
  })

  it('pack reports it and still packs the file whole', async () => {
    const out = path.join(tempDir('h5-out-'), 'pkg.zip')
    const result = await packPackage(treeWithBigFiles(), parseConfig(REFS), { out, force: true })
    expect(findingsOf(result.findings, RULE).map((f) => f.path)).toEqual(['20171228/www/js/big.js'])
    expect(result.zip?.path).toBe(out)
    const sizes = execFileSync(
      'python3',
      [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.getinfo("20171228/www/js/big.js").file_size)',
        out
      ],
      { encoding: 'utf8' }
    )
    expect(Number(sizes)).toBe(MAX_SCANNED_BYTES + 1)
  })

  it('is skipped with the reference scan', async () => {
    expect(await check(RULE, treeWithBigFiles(), { ...STANDARD_CONFIG })).toEqual([])
  })
})
