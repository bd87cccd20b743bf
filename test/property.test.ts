/**
 * Property-based tests (fast-check). For any generated tree of real files:
 * - `validatePackage` never throws: any tree under the limits is a package with findings, never an error (a
 *   UsageError is only for input that is no package at all: a missing path, a build output without an ID, more
 *   entries than `limits.entries`; the generator cannot produce those, so here *any* throw is a failure);
 * - `packPackage` with force either refuses and writes nothing, or writes a zip whose file entries are exactly the
 *   package's files minus junk and secrets (and what lies under .git/.svn/.hg, which is never listed), with the
 *   same bytes (checked by Python's zipfile: CRC-32 and content), and whose folder entries are exactly their
 *   parent folders.
 * And for the name rules, a pure property against the WHATWG URL parser the phone's WebView uses.
 *
 * Bounded so the suite stays fast: 40 trees of at most 30 files of 0–2 KiB. FC_SEED=<n> replays a run;
 * FC_RUNS=<n> runs more trees.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/core/config.js'
import { packPackage } from '../src/engine/pack.js'
import { validatePackage } from '../src/engine/validate.js'
import { visible } from '../src/report/text.js'
import { URLENCODE_CHANGES, URL_UNSAFE } from '../src/rules/name-chars.js'
import { isJunk, isSensitive } from '../src/rules/util.js'

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined
/** Trees per property; FC_RUNS=500 for a longer hunt. */
const RUNS = Number(process.env.FC_RUNS ?? 40)
const TIMEOUT = Math.max(60_000, RUNS * 500)
const ID = '20171228'
const OPAQUE = new Set(['.git', '.svn', '.hg'])

/** Characters of generated names: spaces, unicode (composed and decomposed é, CJK, an astral emoji), URL-special. */
const CHARS = [
  ...'abcABCxyzXYZ0189',
  ..." .-_%@~#+,:;=!$&'()[]{}^`|",
  'é',
  'e\u0301',
  '中',
  '文',
  '😀',
  'ß',
  'İ',
  '\\',
  '\t',
  '\n',
  '\u001b',
  '\u202e'
]
/** Names that mean something to the rules or the packer, and case twins. */
const SPECIAL = [
  'index.html',
  'Index.html',
  'app.js',
  'App.js',
  'style.css',
  'a.mjs',
  'map.js.map',
  '.DS_Store',
  'Thumbs.db',
  '._index.html',
  '__MACOSX',
  '.env',
  '.env.local',
  '.npmrc',
  'id_rsa',
  'id_rsa.pub',
  'server.pem',
  'KEY.KEY',
  '.git',
  '.svn',
  '.hg',
  '.gitignore',
  '...',
  '.hidden',
  'CON',
  '20171228'
]

const segment = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 })
    },
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 251 }).map((n) => 'L'.repeat(n) + '.js') }
  )
  .filter((s) => s !== '.' && s !== '..' && Buffer.byteLength(s) <= 255)

const file = fc.record({
  segments: fc.oneof(
    { weight: 5, arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(segment, { minLength: 5, maxLength: 14 }) }
  ),
  content: fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)) },
    // text that the reference extractors actually parse
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.constantFrom(
            '<script src="',
            '<link href="',
            'url(',
            '@import "',
            'import x from "',
            '"',
            "'",
            ')',
            '>',
            '</',
            'a.js',
            '../',
            '?v=1',
            '#x',
            ' ',
            '\n',
            '中',
            '%'
          ),
          { maxLength: 60 }
        )
        .map((parts) => Buffer.from(parts.join('')))
    }
  )
})

const treeArb = fc.record({
  laidOut: fc.boolean(),
  files: fc.array(file, { minLength: 0, maxLength: 30 })
})

interface GeneratedTree {
  /** Source-relative path → content, after dropping paths that clash with another (a file where a folder is). */
  files: Map<string, Buffer>
  laidOut: boolean
}

/** Keeps the files whose paths can coexist: no file inside a file, no file where a folder is, total path ≤ 3000 bytes. */
function settle(raw: {
  laidOut: boolean
  files: Array<{ segments: string[]; content: Buffer }>
}): GeneratedTree {
  const files = new Map<string, Buffer>()
  const dirs = new Set<string>()
  for (const f of raw.files) {
    const segs = raw.laidOut ? [ID, ...f.segments] : f.segments
    const p = segs.join('/')
    if (Buffer.byteLength(p) > 3000 || files.has(p) || dirs.has(p)) continue
    const ancestors = segs.slice(0, -1).map((_, i) => segs.slice(0, i + 1).join('/'))
    if (ancestors.some((a) => files.has(a))) continue
    ancestors.forEach((a) => dirs.add(a))
    files.set(p, f.content)
  }
  return { files, laidOut: raw.laidOut }
}

function write(tree: GeneratedTree): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-prop-'))
  for (const [p, content] of tree.files) {
    const full = path.join(root, ...p.split('/'))
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, content)
  }
  return root
}

const configFor = (tree: GeneratedTree) =>
  parseConfig(
    tree.laidOut
      ? { layout: 'laid-out', type: 'standard' }
      : { layout: 'build', type: 'standard', id: ID }
  )

/** The package path of a source path, and whether the walk lists it at all (nothing under .git/.svn/.hg is). */
const packagePath = (tree: GeneratedTree, p: string) => (tree.laidOut ? p : `${ID}/www/${p}`)
/** What the walk lists: nothing inside .git/.svn/.hg, and no name with a backslash (unsafe-path: left out). */
const listed = (p: string) =>
  !p.includes('\\') &&
  !p
    .split('/')
    .slice(0, -1)
    .some((s) => OPAQUE.has(s))

function readZip(
  zip: string
): Array<{ name: string; dir: boolean; crc: number; size: number; sha256: string }> {
  const script = [
    'import zipfile, sys, json, hashlib',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([{"name": i.filename, "dir": i.is_dir(), "crc": i.CRC, "size": i.file_size,',
    '  "sha256": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]))'
  ].join('\n')
  return JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8' }))
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

describe('any generated tree', () => {
  it(
    'validates without throwing, and lists exactly the files written (outside .git/.svn/.hg)',
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArb, async (raw) => {
          const tree = settle(raw)
          const root = write(tree)
          try {
            const v = await validatePackage(root, configFor(tree))
            const expected = [...tree.files.keys()].filter(listed).map((p) => packagePath(tree, p))
            expect(v.pkg.files.map((f) => f.path).sort()).toEqual(expected.sort())
            for (const f of v.findings) expect(typeof f.rule).toBe('string')
          } finally {
            fs.rmSync(root, { recursive: true, force: true })
          }
        }),
        { numRuns: RUNS, seed: SEED }
      )
    },
    TIMEOUT
  )

  it(
    'packs with force into a zip of exactly its files minus junk and secrets, byte for byte, or writes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArb, async (raw) => {
          const tree = settle(raw)
          const root = write(tree)
          const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-prop-out-'))
          const out = path.join(outDir, 'p.zip')
          try {
            const result = await packPackage(root, configFor(tree), { out, force: true })
            if (!result.zip) {
              expect(fs.readdirSync(outDir)).toEqual([])
              return
            }
            expect(fs.readdirSync(outDir)).toEqual(['p.zip'])
            const expected = new Map<string, Buffer>()
            for (const [p, content] of tree.files) {
              const pkgPath = packagePath(tree, p)
              if (listed(p) && !isJunk(pkgPath) && !isSensitive(pkgPath))
                expected.set(pkgPath, content)
            }
            const entries = readZip(out)
            const files = entries.filter((e) => !e.dir)
            expect(files.map((e) => e.name).sort()).toEqual([...expected.keys()].sort())
            for (const e of files) {
              const content = expected.get(e.name)!
              expect({ name: e.name, size: e.size, crc: e.crc, sha256: e.sha256 }).toEqual({
                name: e.name,
                size: content.length,
                crc: zlib.crc32(content),
                sha256: sha256(content)
              })
            }
            const parents = new Set(
              [...expected.keys()].flatMap((p) =>
                p
                  .split('/')
                  .slice(0, -1)
                  .map((_, i, s) => s.slice(0, i + 1).join('/') + '/')
              )
            )
            expect(
              entries
                .filter((e) => e.dir)
                .map((e) => e.name)
                .sort()
            ).toEqual([...parents].sort())
            expect(result.zip.files).toBe(expected.size)
          } finally {
            fs.rmSync(root, { recursive: true, force: true })
            fs.rmSync(outDir, { recursive: true, force: true })
          }
        }),
        { numRuns: RUNS, seed: SEED }
      )
    },
    TIMEOUT
  )
})

describe('name rules against the WHATWG URL parser', () => {
  /** A name no rule flags must reach the server as is: through the URL parser and through encodeURIComponent. */
  const survives = (name: string) =>
    new URL(`https://h.example/${name}`).pathname === `/${name}` &&
    encodeURIComponent(name) === name
  const flagged = (name: string) => URL_UNSAFE.test(name) || URLENCODE_CHANGES.test(name)
  const nameArb = (unit: fc.Arbitrary<string>) =>
    fc
      .string({ unit, minLength: 1, maxLength: 8 })
      .filter((s) => !s.includes('/') && s !== '.' && s !== '..')

  it('a name neither name-url-unsafe nor name-urlencode flags survives the URL parser unchanged (BMP)', () => {
    const bmp = fc
      .oneof(
        fc.constantFrom(..."aZ09-._~!*'()%#?/\\:@"),
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
      )
      .filter((c) => !/[\ud800-\udfff]/.test(c))
    fc.assert(
      fc.property(nameArb(bmp), (name) => {
        if (!flagged(name)) expect(survives(name), JSON.stringify(name)).toBe(true)
      }),
      { numRuns: 2000, seed: SEED }
    )
  })

  /** Characters past the BMP (emoji) are percent-encoded by the URL parser too. */
  it('the same for names with characters past the BMP (emoji)', () => {
    fc.assert(
      fc.property(nameArb(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), (name) => {
        if (!flagged(name)) expect(survives(name), JSON.stringify(name)).toBe(true)
      }),
      { numRuns: 2000, seed: SEED }
    )
  })

  it('visible() leaves no control or bidi character, and changes nothing else', () => {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const controls = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const shown = visible(s)
        expect(shown).not.toMatch(controls)
        if (!controls.test(s)) expect(shown).toBe(s)
        // escapes only lengthen: a name cannot be shortened into another by escaping
        expect(shown.length).toBeGreaterThanOrEqual(s.length)
      }),
      { numRuns: 2000, seed: SEED }
    )
  })
})
