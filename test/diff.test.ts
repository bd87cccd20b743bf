import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeDeltaZip } from '../src/diff/delta.js'
import { diffZips, listZip } from '../src/diff/diff.js'
import { openZipSource } from '../src/core/zip-source.js'
import { formatDiffMarkdown, formatDiffText } from '../src/diff/format.js'
import { hashTokenKind, hashedKey, isHashToken } from '../src/diff/hashed-names.js'
import { craftZip, type CraftEntry } from './helpers/craft-zip.js'
import { cleanupTempDirs, tempDir } from './helpers/tree.js'

const CLI = path.resolve('dist/cli/index.js')
afterAll(cleanupTempDirs)

/** A real zip on disk (deflated entries, a central directory), with a folder entry per directory. */
function zipOf(files: Record<string, string | Buffer>, extra: CraftEntry[] = []): string {
  const dirs = new Set<string>()
  for (const name of Object.keys(files))
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1))
      dirs.add(name.slice(0, i + 1))
  const entries: CraftEntry[] = [
    ...[...dirs].map((name) => ({ name })),
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
    ...extra
  ]
  const file = path.join(tempDir('h5-diff-'), 'package.zip')
  fs.writeFileSync(file, craftZip(entries))
  return file
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' }
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const W = '20171228/www/'

describe('hashed build names', () => {
  it.each([
    ['js/app.3f2a1c.js', 'js/app.9b8e7d.js'],
    ['assets/index-4f3a2c1b.js', 'assets/index-9e8d7c6b.js'],
    ['assets/index-BxK3a9Zq.js', 'assets/index-DiwrgTda.js'], // Vite: 8 base64url characters
    ['assets/index-B-xK3a9Z.js', 'assets/index-C_9dk2Pq.js'], // which may hold - and _
    ['css/chunk-05e46849.33cc3897.css', 'css/chunk-1a2b3c4d.7f6e5d4c.css'],
    ['static/js/main.8c2f1d3e.chunk.js', 'static/js/main.0a9b8c7d.chunk.js']
  ])('%s and %s have one key', (a, b) => {
    expect(hashedKey(a)).toBe(hashedKey(b))
    expect(hashedKey(a)).not.toBe(a)
  })

  it.each([
    'js/jquery-3.6.0.min.js',
    'js/main.min.js',
    'components/my-component.js',
    'css/theme-default.css',
    'index.html',
    'README'
  ])('%s has no hash', (name) => {
    expect(hashedKey(name)).toBe(name)
  })

  it('tells hashes from words', () => {
    expect(isHashToken('3f2a1c')).toBe(true)
    expect(isHashToken('DiwrgTda')).toBe(true)
    expect(isHashToken('facade')).toBe(false) // hex letters only: a word
    expect(isHashToken('component')).toBe(false)
    expect(isHashToken('min')).toBe(false)
  })

  it('is sure of a hash only when it mixes letters and digits; a date or a word is a maybe at most', () => {
    expect(hashTokenKind('3f2a1c')).toBe('sure')
    expect(hashTokenKind('BxK3a9Zq')).toBe('sure')
    expect(hashTokenKind('202401')).toBe('maybe') // a month, or a hex hash that drew no letter
    expect(hashTokenKind('Settings')).toBe('maybe') // a word, or a Vite hash that drew no digit
    expect(hashTokenKind('DiwrgTda')).toBe('maybe')
  })
})

describe('diff of two package zips', () => {
  it('lists added, removed and changed files by content, and counts the unchanged', async () => {
    const d = await diffZips(
      zipOf({
        [`${W}index.html`]: '<html>v1</html>',
        [`${W}same.css`]: 'a{}',
        [`${W}gone.txt`]: 'bye',
        [`${W}data.json`]: '{"v":1}'
      }),
      zipOf({
        [`${W}index.html`]: '<html>v2, longer</html>',
        [`${W}same.css`]: 'a{}',
        [`${W}data.json`]: '{"v":2}', // same size, other bytes: changed
        [`${W}new.js`]: 'console.log(1)'
      })
    )
    expect(d.added).toEqual([{ path: `${W}new.js`, size: 14 }])
    expect(d.removed).toEqual([{ path: `${W}gone.txt`, size: 3 }])
    expect(d.changed).toEqual([
      { path: `${W}data.json`, oldSize: 7, newSize: 7, delta: 0 },
      { path: `${W}index.html`, oldSize: 15, newSize: 23, delta: 8 }
    ])
    expect(d.renamed).toEqual([])
    expect(d.unchanged).toBe(1)
    expect(d.old.files).toBe(4)
    expect(d.new.files).toBe(4)
    expect(d.new.bytes).toBe(fs.statSync(d.new.path).size)
  })

  it('pairs hashed build names as renames, and identical content under a new name as a move', async () => {
    const d = await diffZips(
      zipOf({
        [`${W}js/app.3f2a1c.js`]: 'v1',
        [`${W}assets/index-4f3a2c1b.js`]: 'index v1',
        [`${W}css/chunk-05e46849.33cc3897.css`]: 'a{}',
        [`${W}img/logo.png`]: 'PNG bytes'
      }),
      zipOf({
        [`${W}js/app.9b8e7d.js`]: 'v2 is bigger',
        [`${W}assets/index-BxK3a9Zq.js`]: 'index v1',
        [`${W}css/chunk-05e46849.7a1b2c3d.css`]: 'a{color:red}',
        [`${W}images/logo.png`]: 'PNG bytes'
      })
    )
    expect(d.added).toEqual([])
    expect(d.removed).toEqual([])
    expect(
      d.renamed.map((r) => [r.from.slice(W.length), r.path.slice(W.length), r.by, r.changed])
    ).toEqual([
      ['assets/index-4f3a2c1b.js', 'assets/index-BxK3a9Zq.js', 'hash-name', false],
      ['css/chunk-05e46849.33cc3897.css', 'css/chunk-05e46849.7a1b2c3d.css', 'hash-name', true],
      ['img/logo.png', 'images/logo.png', 'content', false],
      ['js/app.3f2a1c.js', 'js/app.9b8e7d.js', 'hash-name', true]
    ])
    expect(d.renamed.find((r) => r.path.endsWith('app.9b8e7d.js'))?.delta).toBe(10)
  })

  it('does not pair words or dates that only look like hashes, but does pair them with a real hash', async () => {
    const d = await diffZips(
      zipOf({
        [`${W}icons/user-Settings.svg`]: '<svg>settings</svg>',
        [`${W}data/report_202401.csv`]: 'jan',
        [`${W}img/bg_750x1334.png`]: 'small',
        [`${W}assets/index-DiwrgTda.js`]: 'v1',
        [`${W}js/app.12345678.js`]: 'v1'
      }),
      zipOf({
        [`${W}icons/user-Profiles.svg`]: '<svg>profiles</svg>',
        [`${W}data/report_202402.csv`]: 'feb',
        [`${W}img/bg_1125x2436.png`]: 'large',
        [`${W}assets/index-C9kq2ZxT.js`]: 'v2',
        [`${W}js/app.9b8e7d6c.js`]: 'v2'
      })
    )
    expect(d.renamed.map((r) => [r.from.slice(W.length), r.path.slice(W.length)])).toEqual([
      ['assets/index-DiwrgTda.js', 'assets/index-C9kq2ZxT.js'],
      ['js/app.12345678.js', 'js/app.9b8e7d6c.js']
    ])
    expect(d.added.map((f) => f.path.slice(W.length))).toEqual([
      'data/report_202402.csv',
      'icons/user-Profiles.svg',
      'img/bg_1125x2436.png'
    ])
    expect(d.removed.map((f) => f.path.slice(W.length))).toEqual([
      'data/report_202401.csv',
      'icons/user-Settings.svg',
      'img/bg_750x1334.png'
    ])
  })

  it('does not guess when a hashed name is ambiguous', async () => {
    const d = await diffZips(
      zipOf({ [`${W}js/chunk.1a2b3c.js`]: 'a', [`${W}js/chunk.4d5e6f.js`]: 'b' }),
      zipOf({ [`${W}js/chunk.7a8b9c.js`]: 'c', [`${W}js/chunk.0d1e2f.js`]: 'd' })
    )
    expect(d.renamed).toEqual([])
    expect(d.added).toHaveLength(2)
    expect(d.removed).toHaveLength(2)
  })

  it('sums sizes by file type and lists the biggest growers first', async () => {
    const d = await diffZips(
      zipOf({ [`${W}a.js`]: 'x'.repeat(100), [`${W}b.css`]: 'y'.repeat(50), [`${W}c.png`]: 'z' }),
      zipOf({
        [`${W}a.js`]: 'x'.repeat(400),
        [`${W}b.css`]: 'y'.repeat(10),
        [`${W}c.png`]: 'z',
        [`${W}d.js`]: 'w'.repeat(150)
      })
    )
    expect(d.byType).toEqual([
      { type: 'js', oldFiles: 1, newFiles: 2, oldBytes: 100, newBytes: 550, delta: 450 },
      { type: 'css', oldFiles: 1, newFiles: 1, oldBytes: 50, newBytes: 10, delta: -40 },
      { type: 'png', oldFiles: 1, newFiles: 1, oldBytes: 1, newBytes: 1, delta: 0 }
    ])
    expect(d.growers.map((g) => [g.path.slice(W.length), g.kind, g.delta])).toEqual([
      ['a.js', 'changed', 300],
      ['d.js', 'added', 150]
    ])
    const text = formatDiffText(d)
    expect(text).toMatch(/^zip .* 1 added, 0 removed, 2 changed, 0 renamed, 1 unchanged/)
    expect(text).toContain(`  M ${W}a.js  +300 B`)
    const md = formatDiffMarkdown(d)
    expect(md).toContain('| js | 2 (+1) | 550 B | +450 B |')
    expect(md).toContain('#### Biggest growers')
  })

  it('reads zips through the zip source: unsafe entries are left out and reported, never read', async () => {
    const d = await diffZips(
      zipOf({ [`${W}index.html`]: 'x' }),
      zipOf({ [`${W}index.html`]: 'x' }, [{ name: '../../evil.sh', data: 'rm -rf /' }])
    )
    expect(d.skipped.new).toEqual(['../../evil.sh'])
    expect(d.added).toEqual([])
    expect(d.unchanged).toBe(1)
  })

  it('escapes file names in Markdown and makes control characters visible in text', async () => {
    const d = await diffZips(
      zipOf({ [`${W}index.html`]: 'x' }),
      zipOf({
        [`${W}index.html`]: 'x',
        [`${W}<img src=x>|[a](b).js`]: 'y',
        [`${W}a\u001b[2Jb.js`]: 'z'
      })
    )
    const md = formatDiffMarkdown(d)
    expect(md).toContain('\\<img src=x\\>\\|\\[a\\]\\(b\\).js')
    expect(md).not.toMatch(/(?<!\\)<img/) // only the escaped form
    expect(formatDiffText(d)).not.toContain('\u001b')
  })
})

describe('the delta zip', () => {
  it('holds the added, changed and renamed files (new names) and removed.txt, read back as a zip', async () => {
    const oldZip = zipOf({
      [`${W}index.html`]: 'v1',
      [`${W}same.css`]: 'a{}',
      [`${W}gone.txt`]: 'bye',
      [`${W}js/app.3f2a1c.js`]: 'one'
    })
    const newZip = zipOf({
      [`${W}index.html`]: 'v2',
      [`${W}same.css`]: 'a{}',
      [`${W}img/new.png`]: 'PNG',
      [`${W}js/app.9b8e7d.js`]: 'three'
    })
    const d = await diffZips(oldZip, newZip)
    const out = path.join(tempDir(), 'sub', 'delta.zip')
    const delta = await writeDeltaZip(newZip, d, out)
    expect(delta).toMatchObject({ path: out, files: 3, removed: 2 })
    const listed = await listZip(out)
    expect([...listed.files.keys()].sort()).toEqual([
      `${W}img/new.png`,
      `${W}index.html`,
      `${W}js/app.9b8e7d.js`,
      'removed.txt'
    ])
    const source = await openZipSource(out, { maxEntries: 100, maxBytes: 1e6 })
    try {
      expect((await source.readFile('removed.txt')).toString()).toBe(
        `${W}gone.txt\n${W}js/app.3f2a1c.js\n`
      )
      expect((await source.readFile(`${W}js/app.9b8e7d.js`)).toString()).toBe('three')
      expect(source.entries.filter((e) => e.kind === 'directory').map((e) => e.name)).toContain(
        `${W}img`
      )
    } finally {
      await source.close()
    }
    // Reproducible: the same inputs give the same bytes.
    const again = await writeDeltaZip(newZip, d, path.join(tempDir(), 'again.zip'))
    expect(again.sha256).toBe(delta.sha256)
  })

  it('leaves secrets and OS litter out of the delta, as pack does, and says which', async () => {
    const oldZip = zipOf({ [`${W}index.html`]: 'v1' })
    const newZip = zipOf({
      [`${W}index.html`]: 'v2',
      [`${W}.env`]: 'TOKEN=1',
      [`${W}.git/config`]: '[core]',
      [`${W}keys/id_rsa`]: 'KEY',
      [`${W}server.pem`]: 'PEM',
      [`${W}.DS_Store`]: 'x',
      [`${W}keys/id_rsa.pub`]: 'public'
    })
    const d = await diffZips(oldZip, newZip)
    const out = path.join(tempDir(), 'delta.zip')
    const delta = await writeDeltaZip(newZip, d, out)
    expect(delta.leftOut).toEqual([
      `${W}.DS_Store`,
      `${W}.env`,
      `${W}.git/config`,
      `${W}keys/id_rsa`,
      `${W}server.pem`
    ])
    const files = [...(await listZip(out)).files.keys()].sort()
    expect(files).toEqual([`${W}index.html`, `${W}keys/id_rsa.pub`, 'removed.txt'])
    const r = cli(['diff', oldZip, newZip, '--delta-out', path.join(tempDir(), 'd2.zip')])
    expect(r.status).toBe(0)
    expect(r.stderr).toContain(
      `left out of the delta, as pack leaves them out (secrets, OS litter): "${W}.DS_Store", "${W}.env"`
    )
  })

  it('refuses a delta that would replace one of its own input zips, or a removed.txt line that is two paths', async () => {
    const oldZip = zipOf({
      [`${W}index.html`]: 'v1',
      [`${W}x\n${W}keep.js`]: 'x',
      [`${W}keep.js`]: 'k'
    })
    const newZip = zipOf({ [`${W}index.html`]: 'v2', [`${W}keep.js`]: 'k' })
    const before = fs.readFileSync(newZip)
    const d = await diffZips(oldZip, newZip)
    await expect(writeDeltaZip(newZip, d, newZip)).rejects.toThrow(
      /is one of the zips being compared: give the delta another file name/
    )
    await expect(writeDeltaZip(newZip, d, oldZip)).rejects.toThrow(/one of the zips being compared/)
    expect(fs.readFileSync(newZip).equals(before)).toBe(true)
    const out = path.join(tempDir(), 'd.zip')
    await expect(writeDeltaZip(newZip, d, out)).rejects.toThrow(
      /has a line break, which removed\.txt \(one path per line\) cannot hold/
    )
    expect(fs.existsSync(out)).toBe(false)
  })

  it('dates its entries like pack does: the fixed date, or SOURCE_DATE_EPOCH when the caller gives it', async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1' })
    const b = zipOf({ [`${W}index.html`]: 'v2' })
    const d = await diffZips(a, b)
    const dates = (zip: string) =>
      spawnSync(
        'python3',
        [
          '-c',
          'import zipfile,sys; print(sorted({i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()}))',
          zip
        ],
        { encoding: 'utf8' }
      ).stdout.trim()
    const fixed = await writeDeltaZip(b, d, path.join(tempDir(), 'fixed.zip'))
    expect(dates(fixed.path)).toBe('[(2000, 1, 1, 0, 0, 0)]')
    const epoch = await writeDeltaZip(
      b,
      d,
      path.join(tempDir(), 'epoch.zip'),
      new Date(Date.UTC(2021, 0, 2, 3, 4, 6))
    )
    expect(dates(epoch.path)).toBe('[(2021, 1, 2, 3, 4, 6)]')
  })

  it('says when the two zips are different packages, not two versions of one', async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1' })
    const b = zipOf({ '77777777/www/index.html': 'v1' })
    const d = await diffZips(a, b)
    expect([d.old.id, d.new.id]).toEqual(['20171228', '77777777'])
    expect(formatDiffText(d)).toContain(
      'note: two different packages (20171228 → 77777777), not two versions of one'
    )
    expect(formatDiffMarkdown(d)).toContain(
      '> **Note:** two different packages (20171228 → 77777777)'
    )
    const same = await diffZips(a, zipOf({ [`${W}index.html`]: 'v2' }))
    expect(formatDiffText(same)).not.toContain('different packages')
    expect(formatDiffMarkdown(same)).not.toContain('different packages')
  })

  it('says so when only the type differs: a standard and a global package under one ID', async () => {
    const standard = zipOf({ [`${W}index.html`]: 'v1' })
    const global = zipOf({ '20171228/h5.example.com/ABC123_default/app.js': 'x' })
    const d = await diffZips(standard, global)
    expect([d.old.type, d.new.type]).toEqual(['standard', 'global'])
    expect(formatDiffText(d)).toContain(
      'note: two different packages (standard → global), not two versions of one'
    )
    const both = await diffZips(zipOf({ '77777777/www/index.html': 'v1' }), global)
    expect(formatDiffText(both)).toContain(
      'note: two different packages (77777777 standard → 20171228 global)'
    )
  })

  it('warns that a delta between two different packages is no delta of one', async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1' })
    for (const b of [
      zipOf({ '77777777/www/index.html': 'v2' }),
      zipOf({ '20171228/h5.example.com/ABC123_default/app.js': 'x' })
    ]) {
      const r = cli(['diff', a, b, '--delta-out', path.join(tempDir(), 'd.zip')])
      expect(r.status, r.stderr).toBe(0)
      expect(r.stderr).toMatch(
        /h5-offline: warning: the delta is between two different packages \((20171228 → 77777777|standard → global)\), not two versions of one/
      )
    }
    const same = cli([
      'diff',
      a,
      zipOf({ [`${W}index.html`]: 'v2' }),
      '--delta-out',
      path.join(tempDir(), 'd.zip')
    ])
    expect(same.stderr).not.toContain('warning')
  })

  it("leaves the new zip's own top-level removed.txt out of the delta and says so: one list, no duplicate entry", async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1', [`${W}gone.js`]: 'x' })
    const b = zipOf({ [`${W}index.html`]: 'v2', 'removed.txt': 'stray' })
    const out = path.join(tempDir(), 'd.zip')
    const r = cli(['diff', a, b, '--delta-out', out])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain(`the new zip's own "removed.txt" at its top`)
    const source = await openZipSource(out, { maxEntries: 100, maxBytes: 1e6 })
    try {
      expect(source.issues).toEqual([])
      expect(source.entries.filter((e) => e.name === 'removed.txt')).toHaveLength(1)
      expect((await source.readFile('removed.txt')).toString()).toBe(`${W}gone.js\n`)
    } finally {
      await source.close()
    }
    // in another case it is the same file on a disk that ignores case
    const upper = zipOf({ [`${W}index.html`]: 'v2', 'REMOVED.TXT': 'stray' })
    const out2 = path.join(tempDir(), 'd.zip')
    cli(['diff', a, upper, '--delta-out', out2])
    const again = await openZipSource(out2, { maxEntries: 100, maxBytes: 1e6 })
    try {
      expect(
        again.entries.map((e) => e.name.toLowerCase()).filter((n) => n === 'removed.txt')
      ).toHaveLength(1)
    } finally {
      await again.close()
    }
  })

  it('the Markdown form says how many entries it could not compare, as the text form does', async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1' }, [{ name: '20171228/../evil.txt', data: '1' }])
    const b = zipOf({ [`${W}index.html`]: 'v1' })
    const d = await diffZips(a, b)
    expect(formatDiffText(d)).toContain('1 unreadable entry left out of the comparison')
    expect(formatDiffMarkdown(d)).toContain('1 unreadable entry left out of the comparison.')
  })

  it('h5-offline diff --delta-out writes it and says so on stderr', async () => {
    const a = zipOf({ [`${W}index.html`]: 'v1' })
    const b = zipOf({ [`${W}index.html`]: 'v2', [`${W}x.js`]: 'x' })
    const out = path.join(tempDir(), 'd.zip')
    const r = cli(['diff', a, b, '--delta-out', out, '--format', 'json'])
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).counts.added).toBe(1)
    expect(r.stderr).toContain('2 added or changed files, 0 in removed.txt')
    const one = cli([
      'diff',
      a,
      zipOf({ [`${W}index.html`]: 'v3' }),
      '--delta-out',
      path.join(tempDir(), 'one.zip')
    ])
    expect(one.stderr).toMatch(/: 1 added or changed file, 0 in removed\.txt \(\d+ bytes\)/)
    expect([...(await listZip(out)).files.keys()].sort()).toEqual([
      `${W}index.html`,
      `${W}x.js`,
      'removed.txt'
    ])
    expect(cli(['validate', a, '--delta-out', out]).status).toBe(2)
  })
})

describe('h5-offline diff', () => {
  const before = () => zipOf({ [`${W}index.html`]: 'v1', [`${W}js/app.3f2a1c.js`]: 'one' })
  const after = () => zipOf({ [`${W}index.html`]: 'v2', [`${W}js/app.9b8e7d.js`]: 'three' })

  it('prints text by default and exits 0 whatever changed', () => {
    const r = cli(['diff', before(), after()])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain(`  R ${W}js/app.3f2a1c.js → ${W}js/app.9b8e7d.js  +2 B`)
    expect(r.stdout).toContain(`  M ${W}index.html  0 B`)
  })

  it('prints the JSON contract with --format json and Markdown with --format markdown', () => {
    const a = before()
    const b = after()
    const json = JSON.parse(cli(['diff', a, b, '--format', 'json']).stdout)
    expect(json.counts).toEqual({ added: 0, removed: 0, changed: 1, renamed: 1, unchanged: 0 })
    expect(json.delta.bytes).toBe(fs.statSync(b).size - fs.statSync(a).size)
    expect(json.renamed[0]).toMatchObject({
      from: `${W}js/app.3f2a1c.js`,
      by: 'hash-name',
      changed: true
    })
    const md = cli(['diff', a, b, '--format', 'markdown'])
    expect(md.status).toBe(0)
    expect(md.stdout).toMatch(/^### Package diff\n/)
  })

  it('exits 2 on an unreadable zip or bad usage, naming the problem', () => {
    const a = before()
    const missing = cli(['diff', a, path.join(path.dirname(a), 'nope.zip')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/nope\.zip does not exist: give a package zip\n$/)
    const folder = cli(['diff', a, path.dirname(a)])
    expect(folder.status).toBe(2)
    expect(folder.stderr).toContain(
      `${path.dirname(a)} is a folder, and diff compares zips: run h5-offline pack ${path.dirname(a)} --out <file.zip> first`
    )
    const garbage = path.join(tempDir(), 'garbage.zip')
    fs.writeFileSync(garbage, 'this is not a zip')
    const bad = cli(['diff', a, garbage])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('garbage.zip')
    expect(cli(['diff', a]).status).toBe(2)
    expect(cli(['diff', a, a, '--format', 'xml']).stderr).toContain(
      '--format must be text, json or markdown'
    )
    expect(cli(['diff', a, a, '--id', '20171228']).stderr).toContain(
      'diff takes only --format and --delta-out'
    )
  })

  it('leaves validate and pack as they were: --format markdown is not theirs', () => {
    const r = cli(['validate', before(), '--format', 'markdown'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--format must be text or json')
  })
})
