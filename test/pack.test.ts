import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig, type ConfigInput } from '../src/core/config.js'
import { packPackage } from '../src/engine/pack.js'
import { validatePackage } from '../src/engine/validate.js'
import { cleanupTempDirs, tempDir, writeTree, type Tree } from './helpers/tree.js'

afterAll(cleanupTempDirs)

const SITE: Tree = {
  'index.html':
    '<!doctype html><link rel="stylesheet" href="css/app.css"><script src="js/app.js"></script><img src="img/logo.png">',
  'css/app.css': 'body{background:url(../img/logo.png)}',
  'js/app.js': 'console.log("hello")\n'.repeat(200),
  'img/logo.png': crypto.randomBytes(3000),
  'data/中文 名.json': '{"a":1}',
  '.DS_Store': 'junk',
  '.env': 'SECRET=1'
}
const CONFIG: Partial<ConfigInput> = {
  type: 'standard',
  id: '20171228',
  mainEntry: '/www/index.html',
  rules: { 'name-url-unsafe': 'off' }
}

async function pack(
  dir: string,
  config: Partial<ConfigInput> = CONFIG,
  opts: { force?: boolean; mtime?: Date } = {}
) {
  const out = path.join(tempDir('h5-out-'), 'pkg.zip')
  return { out, result: await packPackage(dir, parseConfig(config), { out, force: true, ...opts }) }
}

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' })
}

describe('pack', () => {
  it('writes a zip that unzip, zipinfo and Python read, with the ID folder as the only top-level entry', async () => {
    const { out, result } = await pack(writeTree(SITE))
    expect(result.zip?.path).toBe(out)
    execFileSync('unzip', ['-tq', out])
    const names = python(
      'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps([(i.filename, i.flag_bits & 0x800, i.compress_type, len(i.extra)) for i in z.infolist()]))',
      out
    )
    const entries = JSON.parse(names) as Array<[string, number, number, number]>
    expect(entries.map((e) => e[0])).toEqual([
      '20171228/',
      '20171228/www/',
      '20171228/www/css/',
      '20171228/www/css/app.css',
      '20171228/www/data/',
      '20171228/www/data/中文 名.json',
      '20171228/www/img/',
      '20171228/www/img/logo.png',
      '20171228/www/index.html',
      '20171228/www/js/',
      '20171228/www/js/app.js'
    ])
    expect(new Set(entries.map((e) => e[0].split('/')[0]))).toEqual(new Set(['20171228']))
    for (const [name, utf8, method, extra] of entries) {
      expect(utf8, name).toBe(0x800)
      expect(extra, name).toBe(0)
      if (name.endsWith('.png') || name.endsWith('/')) expect(method, name).toBe(0)
    }
    expect(entries.find((e) => e[0].endsWith('app.js'))?.[2]).toBe(8)
    const info = execFileSync('zipinfo', [out], { encoding: 'utf8' })
    expect(info).toMatch(/11 files/)
  })

  it('leaves out junk and secrets even with --force, and reports them', async () => {
    const { out, result } = await pack(writeTree(SITE))
    const listing = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' })
    expect(listing).not.toMatch(/\.DS_Store|\.env/)
    expect(result.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['junk-file', 'sensitive-file'])
    )
  })

  it('refuses to write on errors without --force, leaving nothing behind', async () => {
    const dir = writeTree(SITE)
    const outDir = tempDir('h5-out-')
    const out = path.join(outDir, 'pkg.zip')
    const result = await packPackage(dir, parseConfig(CONFIG), { out })
    expect(result.counts.error).toBeGreaterThan(0)
    expect(result.zip).toBeUndefined()
    expect(fs.readdirSync(outDir)).toEqual([])
  })

  it('refused on package rules, still reports what the reference scan finds, as validate does', async () => {
    const dir = writeTree({
      'index.html': '<script src="missing.js"></script>',
      '.env': 'SECRET=1'
    })
    const outDir = tempDir('h5-out-')
    const result = await packPackage(dir, parseConfig({ ...CONFIG, rules: {} }), {
      out: path.join(outDir, 'pkg.zip')
    })
    const validated = await validatePackage(dir, parseConfig({ ...CONFIG, rules: {} }))
    expect(result.findings.map((f) => f.rule)).toEqual(['sensitive-file', 'ref-broken'])
    expect(result.findings).toEqual(validated.findings)
    expect(result.zip).toBeUndefined()
    expect(fs.readdirSync(outDir)).toEqual([])
  })

  it('refuses after the reference scan too, removing the staged zip', async () => {
    const dir = writeTree({ 'index.html': '<script src="missing.js"></script>' })
    const outDir = tempDir('h5-out-')
    const out = path.join(outDir, 'pkg.zip')
    const result = await packPackage(dir, parseConfig({ ...CONFIG, rules: {} }), { out })
    expect(result.findings.map((f) => f.rule)).toContain('ref-broken')
    expect(result.zip).toBeUndefined()
    expect(fs.readdirSync(outDir)).toEqual([])
  })

  it('scans and zips parsed files whatever way the writer reads them: one read, spilled, or streamed', async () => {
    // 40 KiB (a small read), 9 MiB (one read of a parsed file, spilled: over the writer's 8 MiB in memory),
    // 33 MiB (streamed and spilled: over 32 MiB)
    const sizes = { small: 40 * 1024, one: 9 * 1024 * 1024, streamed: 33 * 1024 * 1024 }
    const tree: Tree = { 'index.html': '<script type="module" src="small.js"></script>' }
    for (const [name, size] of Object.entries(sizes)) {
      const tail = `\nimport './gone-${name}.js'\n`
      tree[`${name}.js`] =
        `${'// filler line\n'.repeat(Math.ceil((size - tail.length) / 15))}${tail}`
    }
    const dir = writeTree(tree)
    const { out, result } = await pack(dir, { ...CONFIG, rules: {} }, { force: true })
    const broken = result.findings.filter((f) => f.rule === 'ref-broken').map((f) => f.path)
    expect(broken.sort()).toEqual(
      ['one.js', 'small.js', 'streamed.js'].map((n) => `20171228/www/${n}`)
    )
    const listing = python(
      'import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist():\n  print(i.filename, hashlib.sha256(z.read(i)).hexdigest())',
      out
    )
    for (const name of Object.keys(sizes)) {
      const digest = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, `${name}.js`)))
        .digest('hex')
      expect(listing).toContain(`20171228/www/${name}.js ${digest}`)
    }
  })

  it('packs a laid-out directory as is and a directory that is the ID folder under its own name', async () => {
    const laidOut = writeTree({ '00000089/www/index.html': '<p>hi</p>' })
    const a = await pack(laidOut, { mainEntry: '/www/index.html' })
    expect(execFileSync('unzip', ['-Z1', a.out], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      '00000089/',
      '00000089/www/',
      '00000089/www/index.html'
    ])
    const b = await pack(path.join(laidOut, '00000089'), { mainEntry: '/www/index.html' })
    expect(b.result.zip?.sha256).toBe(a.result.zip?.sha256)
  })

  it('lays out a global build output under host/prefix/bucket/appId_workspace/version', async () => {
    const dir = writeTree({ 'lib/common.js': 'var x=1' })
    const { out } = await pack(dir, {
      type: 'global',
      id: '77777777',
      appId: '53E5279071442',
      workspace: 'test',
      environment: 'apsara-stack',
      host: 'mdsweb.example.com:4432',
      bucket: 'h5',
      versionDir: 'v1'
    })
    const names = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n')
    expect(names.at(-1)).toBe(
      '77777777/mdsweb.example.com:4432/mcube/h5/53E5279071442_test/v1/lib/common.js'
    )
  })

  it('honours SOURCE_DATE_EPOCH-style fixed dates', async () => {
    const dir = writeTree({ 'index.html': '<p>hi</p>' })
    const { out } = await pack(dir, CONFIG, { mtime: new Date(Date.UTC(2024, 4, 6, 7, 8, 10)) })
    const dates = python(
      'import zipfile,sys; print(set(i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()))',
      out
    )
    expect(dates.trim()).toBe('{(2024, 5, 6, 7, 8, 10)}')
  })
})

describe('reproducibility', () => {
  it('gives byte-identical zips from copies with different mtimes, umask, creation order and timezone', async () => {
    const a = writeTree(SITE)
    // The second copy: files created in reverse order under another umask, with other mtimes.
    const oldMask = process.umask(0o077)
    const b = tempDir()
    try {
      for (const [rel, content] of Object.entries(SITE).reverse()) {
        const full = path.join(b, rel)
        fs.mkdirSync(path.dirname(full), { recursive: true })
        fs.writeFileSync(full, content)
        fs.utimesSync(full, new Date(2001, 1, 1), new Date(2011, 1, 1))
      }
    } finally {
      process.umask(oldMask)
    }
    const first = await pack(a)
    const oldTz = process.env.TZ
    process.env.TZ = 'Asia/Shanghai'
    try {
      const second = await pack(b)
      expect(second.result.zip?.sha256).toBe(first.result.zip?.sha256)
      expect(fs.readFileSync(second.out).equals(fs.readFileSync(first.out))).toBe(true)
    } finally {
      process.env.TZ = oldTz
    }
  })

  it('gives the same bytes in another process (the CLI), whatever the concurrency', async () => {
    const dir = writeTree(SITE)
    const { result } = await pack(dir)
    const out = path.join(tempDir('h5-out-'), 'cli.zip')
    const cli = path.resolve('dist/cli/index.js')
    if (!fs.existsSync(cli)) throw new Error('dist/cli/index.js is missing: run npm run build')
    try {
      execFileSync(
        process.execPath,
        [
          cli,
          'pack',
          dir,
          '--out',
          out,
          '--type',
          'standard',
          '--id',
          '20171228',
          '--main-entry',
          '/www/index.html',
          '--rule',
          'name-url-unsafe=off',
          '--force'
        ],
        {
          env: { ...process.env, UV_THREADPOOL_SIZE: '1', TZ: 'America/New_York' },
          stdio: 'pipe'
        }
      )
    } catch (e) {
      // Exit 1 is expected (the .env error); the zip is written because of --force.
      expect((e as { status: number }).status).toBe(1)
    }
    expect(crypto.createHash('sha256').update(fs.readFileSync(out)).digest('hex')).toBe(
      result.zip?.sha256
    )
  })
})
