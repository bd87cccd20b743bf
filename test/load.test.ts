/**
 * Load: 100,000 tiny files pack and validate with the process limited to 64 open files (`ulimit -n 64`), which
 * only bounded concurrency survives; a zip of 100,000 empty entries validates quickly. The generated tree takes
 * about 3 s to write, the pack 15–25 s on a CI runner.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, tempDir } from './helpers/tree.js'

const CLI = path.resolve(process.env.H5_OFFLINE_CLI ?? 'dist/cli/index.js')
const FILES = 100_000
const FD_LIMIT = 64
afterAll(cleanupTempDirs, 180_000)

/** Runs `node <args>` under `ulimit -n <limit>`. */
function limited(args: string[], limit = FD_LIMIT) {
  const started = performance.now()
  const r = spawnSync(
    'sh',
    ['-c', `ulimit -n ${limit} && exec "$@"`, 'sh', process.execPath, ...args],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      maxBuffer: 256 * 1024 * 1024
    }
  )
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    seconds: (performance.now() - started) / 1000
  }
}

describe(`${FILES.toLocaleString('en-US')} tiny files with at most ${FD_LIMIT} open file descriptors`, () => {
  let site: string
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`)
    const started = performance.now()
    site = tempDir('h5-load-')
    // 100 folders of 1,000 files; every tenth a .js file, so validate's reference scan reads 10,000 of them.
    for (let d = 0; d < FILES / 1000; d++) {
      const dir = path.join(site, '20171228', 'www', `d${String(d).padStart(3, '0')}`)
      fs.mkdirSync(dir, { recursive: true })
      for (let i = 0; i < 1000; i++) {
        const name = `f${String(i).padStart(4, '0')}.${i % 10 === 0 ? 'js' : 'txt'}`
        fs.writeFileSync(path.join(dir, name), `// ${d}/${i}\n`)
      }
    }
    console.log(`wrote ${FILES} files in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }, 180_000) // ~3 s on an idle disk; far more when other jobs share it

  it(`the limit is real: a process under ulimit -n ${FD_LIMIT} cannot hold 100 files open`, () => {
    const r = limited([
      '-e',
      "const fs = require('fs'); for (let i = 0; i < 100; i++) fs.openSync(process.execPath, 'r')"
    ])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/EMFILE/)
  })

  it('pack: exit 0, every file in the zip (Python zipfile), no EMFILE', () => {
    const outDir = tempDir('h5-load-out-')
    const out = path.join(outDir, 'p.zip')
    const r = limited([
      CLI,
      'pack',
      site,
      '--out',
      out,
      '--main-entry',
      '/www/d000/f0000.js',
      '--format',
      'json'
    ])
    console.log(`pack: ${r.seconds.toFixed(1)} s`)
    expect(r.stderr).not.toMatch(/EMFILE|too many open files/i)
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).zip.files).toBe(FILES)
    const count = execFileSync(
      'python3',
      [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(sum(1 for i in z.infolist() if not i.is_dir()), len(z.infolist()))',
        out
      ],
      { encoding: 'utf8' }
    )
    // the files, their 100 folders, www/ and the ID folder
    expect(count.trim()).toBe(`${FILES} ${FILES + 102}`)
    expect(fs.readdirSync(outDir)).toEqual(['p.zip'])
  }, 120_000)

  it('validate: exit 0, all files listed, the reference scan reads 10,000 of them, no EMFILE', () => {
    const r = limited([
      CLI,
      'validate',
      site,
      '--main-entry',
      '/www/d000/f0000.js',
      '--format',
      'json'
    ])
    console.log(`validate: ${r.seconds.toFixed(1)} s`)
    expect(r.stderr).not.toMatch(/EMFILE|too many open files/i)
    expect(r.status, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.package.files).toBe(FILES)
    expect(report.references.files).toBe(FILES / 10)
  }, 120_000)
})

describe('a zip of 100,000 empty entries', () => {
  it(`validates (exit 0, every entry listed) under ulimit -n ${FD_LIMIT}, in seconds`, () => {
    // Python writes the ZIP64 end records that more than 65,535 entries need.
    const zip = path.join(tempDir('h5-load-zip-'), 'empty-entries.zip')
    execFileSync('python3', [
      '-c',
      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('20171228/www/index.html','<p>x</p>')\nfor i in range(100000): z.writestr('20171228/www/e/%06d.txt' % i, b'')\nz.close()",
      zip
    ])
    const r = limited([CLI, 'validate', zip, '--main-entry', '/www/index.html', '--format', 'json'])
    console.log(`validate 100,000-entry zip: ${r.seconds.toFixed(1)} s`)
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).package.files).toBe(100_001)
    expect(r.seconds).toBeLessThan(30)
  }, 120_000)
})
