import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../src/core/errors.js'
import type { PackageSource } from '../src/core/source.js'
import { openZipSource, type ZipSourceOptions } from '../src/core/zip-source.js'
import {
  craftZip,
  unicodePathExtra,
  type CraftEntry,
  type CraftOptions
} from './helpers/craft-zip.js'

const REAL_WORLD = path.resolve('test/fixtures/real-world')
const LIMITS: ZipSourceOptions = { maxEntries: 200_000, maxBytes: 4 * 1024 ** 3 }

let tmp: string
let counter = 0
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-source-'))
})
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true })
})

function write(bytes: Buffer): string {
  const file = path.join(tmp, `z${++counter}.zip`)
  fs.writeFileSync(file, bytes)
  return file
}

async function openCrafted(
  entries: CraftEntry[],
  options: CraftOptions = {},
  limits: ZipSourceOptions = LIMITS
): Promise<PackageSource> {
  return openZipSource(write(craftZip(entries, options)), limits)
}

/** Opens, hands the source to `fn`, closes. */
async function withZip<T>(
  entries: CraftEntry[],
  fn: (source: PackageSource) => Promise<T> | T,
  limits: ZipSourceOptions = LIMITS
): Promise<T> {
  const source = await openCrafted(entries, {}, limits)
  try {
    return await fn(source)
  } finally {
    await source.close()
  }
}

async function usageError(promise: Promise<unknown>): Promise<UsageError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(UsageError)
  return e as UsageError
}

const names = (s: PackageSource) => s.entries.map((e) => e.name)

describe('real packages', () => {
  const zips = fs.existsSync(REAL_WORLD)
    ? fs.readdirSync(REAL_WORLD).filter((f) => f.endsWith('.zip'))
    : []

  it('has fixtures to check', () => {
    expect(zips.length).toBeGreaterThan(0)
  })

  it.each(zips)('%s lists every file, with no issues, and reads back', async (zip) => {
    const file = path.join(REAL_WORLD, zip)
    const expected = execFileSync('zipinfo', ['-1', file], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    const source = await openZipSource(file, LIMITS)
    try {
      expect(source.kind).toBe('zip')
      expect(source.location).toBe(file)
      expect(source.issues).toEqual([])
      const files = source.entries.filter((e) => e.kind === 'file')
      expect(files.map((e) => e.name).sort()).toEqual(
        expected.filter((n) => !n.endsWith('/')).sort()
      )
      // sorted byte-wise, folders implied
      expect(names(source)).toEqual([...names(source)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      const top = expected[0].split('/')[0]
      expect(source.entries).toContainEqual({ name: top, kind: 'directory', size: 0 })
      // all at once: concurrent streams share one descriptor
      const contents = await Promise.all(files.map((f) => source.readFile(f.name)))
      files.forEach((f, i) => {
        expect(contents[i].length).toBe(f.size)
        const viaUnzip = execFileSync('unzip', ['-p', file, f.name], {
          maxBuffer: 64 * 1024 * 1024
        })
        expect(contents[i].equals(viaUnzip)).toBe(true)
      })
    } finally {
      await source.close()
    }
  })
})

describe('unsafe names', () => {
  const cases: Array<[string | Buffer, string]> = [
    ['../evil.txt', '.. segment'],
    ['www/../../evil.txt', '.. segment'],
    ['www/..', '.. segment'],
    ['/etc/passwd', 'absolute path'],
    ['/', 'absolute path'],
    ['a\\b.txt', 'backslash'],
    ['..\\evil.txt', 'backslash'],
    ['C:/x', 'drive letter'],
    ['c:x.txt', 'drive letter'],
    ['./a.txt', '. segment'],
    ['a//b.txt', 'empty segment'],
    ['a//', 'empty segment'],
    [Buffer.from('a.html\0.txt'), 'NUL character'],
    ['', 'empty name'],
    [`${'d/'.repeat(600)}x.txt`, 'longer than 1024 bytes']
  ]
  it.each(cases)('%j is refused (%s)', async (name, reason) => {
    await withZip(
      [
        { name, data: 'x' },
        { name: 'ok.txt', data: 'fine' }
      ],
      (s) => {
        expect(s.issues).toHaveLength(1)
        expect(s.issues[0]).toMatchObject({ rule: 'unsafe-path', args: { reason } })
        expect(names(s)).toEqual(['ok.txt'])
        const shown = s.issues[0].name
        expect(() => s.open(shown)).toThrow(/not a file/)
        return expect(s.readFile(shown)).rejects.toThrow(/not a file/)
      }
    )
  })

  it('cuts very long names in issues', async () => {
    await withZip([{ name: `../${'x'.repeat(5000)}`, data: 'x' }], (s) => {
      expect(s.issues[0].name.length).toBeLessThan(300)
    })
  })

  it('keeps control characters and colons after the first segment (other rules judge them)', async () => {
    const ok = ['a\u0001b.txt', 'tab\there.txt', 'csmds.example.com.cn:4432/www/a.png', 'x/C:y.txt']
    await withZip(
      ok.map((name) => ({ name, data: 'x' })),
      (s) => {
        expect(s.issues).toEqual([])
        for (const n of ok) expect(names(s)).toContain(n)
      }
    )
  })
})

describe('duplicates', () => {
  it('reports the second entry of a name once and keeps the first', async () => {
    await withZip(
      [
        { name: 'a.txt', data: 'first' },
        { name: 'a.txt', data: 'second' }
      ],
      async (s) => {
        expect(s.issues).toEqual([{ rule: 'duplicate-entry', name: 'a.txt', args: {} }])
        expect(names(s)).toEqual(['a.txt'])
        expect((await s.readFile('a.txt')).toString()).toBe('first')
      }
    )
  })

  it('treats dir/ and dir as one name; the folder wins', async () => {
    await withZip([{ name: 'd', data: 'file' }, { name: 'd/' }], (s) => {
      expect(s.issues).toEqual([
        { rule: 'duplicate-entry', name: 'd', args: { as: 'file and folder' } }
      ])
      expect(s.entries).toEqual([{ name: 'd', kind: 'directory', size: 0 }])
    })
    await withZip([{ name: 'd/' }, { name: 'd/' }], (s) => {
      expect(s.issues).toEqual([{ rule: 'duplicate-entry', name: 'd', args: {} }])
      expect(s.entries).toEqual([{ name: 'd', kind: 'directory', size: 0 }])
    })
    await withZip([{ name: 'd/' }, { name: 'd', data: 'file' }], (s) => {
      expect(s.issues).toEqual([
        { rule: 'duplicate-entry', name: 'd', args: { as: 'file and folder' } }
      ])
      expect(s.entries).toEqual([{ name: 'd', kind: 'directory', size: 0 }])
    })
  })

  it('refuses a file that has the name of a folder implied by other paths', async () => {
    await withZip(
      [
        { name: 'x', data: 'file' },
        { name: 'x/y.txt', data: 'y' }
      ],
      (s) => {
        expect(s.issues).toEqual([
          { rule: 'duplicate-entry', name: 'x', args: { as: 'file and folder' } }
        ])
        expect(s.entries).toEqual([
          { name: 'x', kind: 'directory', size: 0 },
          { name: 'x/y.txt', kind: 'file', size: 1 }
        ])
        expect(() => s.open('x')).toThrow(/not a file/)
      }
    )
  })

  it('accepts names that differ only in case (name-case-collision judges them)', async () => {
    await withZip(
      [
        { name: 'A.txt', data: '1' },
        { name: 'a.txt', data: '2' }
      ],
      (s) => {
        expect(s.issues).toEqual([])
        expect(names(s)).toEqual(['A.txt', 'a.txt'])
      }
    )
  })
})

describe('links, encryption, special files', () => {
  it('reports a symlink entry with its target and never lists it', async () => {
    await withZip(
      [
        { name: 'www/link', data: '../../etc/passwd', method: 0, mode: 0o120777 },
        { name: 'www/deflated-link', data: '/etc/shadow', method: 8, mode: 0o120777 },
        { name: 'www/huge-link', data: 'x'.repeat(5000), method: 0, mode: 0o120777 }
      ],
      (s) => {
        expect(s.issues).toEqual([
          { rule: 'symlink', name: 'www/deflated-link', args: { target: '/etc/shadow' } },
          { rule: 'symlink', name: 'www/huge-link', args: { target: '' } },
          { rule: 'symlink', name: 'www/link', args: { target: '../../etc/passwd' } }
        ])
        expect(s.entries).toEqual([{ name: 'www', kind: 'directory', size: 0 }])
        expect(() => s.open('www/link')).toThrow(/not a file/)
      }
    )
  })

  it('leaves the target empty for a link that lies about its size, without crashing', async () => {
    const big = Buffer.alloc(200_000, '/')
    await withZip([{ name: 'liar-link', data: big, method: 8, size: 10, mode: 0o120777 }], (s) => {
      expect(s.issues).toEqual([{ rule: 'symlink', name: 'liar-link', args: { target: '' } }])
    })
  })

  it('reports an encrypted entry (bit 0) and never reads it', async () => {
    await withZip(
      [
        { name: 'lib/secret.js', data: Buffer.alloc(40, 7), method: 8, flags: 1 },
        { name: 'plain.js', data: 'ok' }
      ],
      async (s) => {
        expect(s.issues).toEqual([{ rule: 'encrypted-entry', name: 'lib/secret.js', args: {} }])
        // the entry is refused, the folder its path implies is still there, as on disk
        expect(names(s)).toEqual(['lib', 'plain.js'])
        await expect(s.readFile('lib/secret.js')).rejects.toThrow(/not a file/)
      }
    )
  })

  it('reports FIFOs and devices as special files', async () => {
    await withZip([{ name: 'fifo', data: '', mode: 0o010644 }], (s) => {
      expect(s.issues).toEqual([{ rule: 'special-file', name: 'fifo', args: {} }])
      expect(s.entries).toEqual([])
    })
  })
})

describe('name encoding', () => {
  const gbk = Buffer.from('d6d0cec42e747874', 'hex') // 中文.txt in GBK

  it('refuses a GBK name without the UTF-8 flag, shown in CP437, with a GBK guess', async () => {
    await withZip([{ name: gbk, data: 'x' }], async (s) => {
      expect(s.entries).toEqual([])
      expect(s.issues).toHaveLength(1)
      const issue = s.issues[0]
      expect(issue.rule).toBe('name-encoding')
      expect(issue.name).toBe('╓╨╬─.txt')
      expect(issue.args.bytes).toBe('d6 d0 ce c4 2e 74 78 74')
      expect(issue.args.gbk).toBe('中文.txt')
      expect(() => s.open(issue.name)).toThrow(/not a file/)
    })
  })

  it('refuses invalid UTF-8 even when the UTF-8 flag is set', async () => {
    await withZip([{ name: gbk, data: 'x', utf8Flag: true }], (s) => {
      expect(s.issues.map((i) => i.rule)).toEqual(['name-encoding'])
    })
  })

  it('accepts UTF-8 names with or without the flag (Info-ZIP writes no flag)', async () => {
    await withZip(
      [
        { name: '中文.txt', data: 'a' },
        { name: 'dir/日本語.txt', data: 'b', utf8Flag: true }
      ],
      (s) => {
        expect(s.issues).toEqual([])
        expect(names(s)).toEqual(['dir', 'dir/日本語.txt', '中文.txt'])
      }
    )
  })

  it('uses an Info-ZIP Unicode Path field to name the refused entry', async () => {
    await withZip([{ name: gbk, data: 'x', extra: unicodePathExtra(gbk, '中文.txt') }], (s) => {
      expect(s.issues).toEqual([
        { rule: 'name-encoding', name: '中文.txt', args: { bytes: 'd6 d0 ce c4 2e 74 78 74' } }
      ])
      expect(s.entries).toEqual([])
    })
  })

  it('refuses an entry whose Unicode Path field names another path than its header', async () => {
    const raw = Buffer.from('a.txt')
    await withZip([{ name: raw, data: 'x', extra: unicodePathExtra(raw, '../evil.txt') }], (s) => {
      expect(s.issues).toMatchObject([{ rule: 'name-encoding', name: '../evil.txt' }])
      expect(s.entries).toEqual([])
    })
  })

  it('accepts a Unicode Path field that agrees, and ignores a stale one', async () => {
    const utf8 = Buffer.from('中文.txt')
    const stale = unicodePathExtra(Buffer.from('old.txt'), '../evil.txt')
    await withZip(
      [
        { name: utf8, data: 'x', extra: unicodePathExtra(utf8, '中文.txt') },
        { name: 'b.txt', data: 'y', extra: stale }
      ],
      (s) => {
        expect(s.issues).toEqual([])
        expect(names(s)).toEqual(['b.txt', '中文.txt'])
      }
    )
  })
})

describe('folders', () => {
  it('lists folders implied by paths, without trailing slashes, sorted byte-wise', async () => {
    await withZip(
      [
        { name: 'b/c/d.txt', data: 'x' },
        { name: 'a/' },
        { name: 'a/x.js', data: 'y' },
        { name: 'B.txt', data: 'z' },
        { name: 'e/' }
      ],
      (s) => {
        expect(s.issues).toEqual([])
        expect(s.entries).toEqual([
          { name: 'B.txt', kind: 'file', size: 1 },
          { name: 'a', kind: 'directory', size: 0 },
          { name: 'a/x.js', kind: 'file', size: 1 },
          { name: 'b', kind: 'directory', size: 0 },
          { name: 'b/c', kind: 'directory', size: 0 },
          { name: 'b/c/d.txt', kind: 'file', size: 1 },
          { name: 'e', kind: 'directory', size: 0 }
        ])
        expect(() => s.open('a')).toThrow(/not a file/)
      }
    )
  })

  it('does not imply folders from refused entries', async () => {
    await withZip([{ name: 'evil/../../x.txt', data: 'x' }], (s) => {
      expect(s.entries).toEqual([])
    })
  })
})

describe('caps', () => {
  it('refuses more central-directory entries than the limit, naming both numbers', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}` }))
    const e = await usageError(
      openCrafted(entries, {}, { maxEntries: 1000, maxBytes: LIMITS.maxBytes })
    )
    expect(e.message).toMatch(
      /z\d+\.zip: 2000 entries is more than the limit of 1000 \(zip bomb\?\)/
    )
    expect(e.message).toMatch(/raise limits\.entries/)
  })

  it('refuses an end record that claims too many entries before reading them', async () => {
    const e = await usageError(
      openCrafted(
        [{ name: 'a' }],
        { entryCount: 65535 },
        { maxEntries: 1000, maxBytes: LIMITS.maxBytes }
      )
    )
    expect(e.message).toMatch(/65535 entries is more than the limit of 1000/)
  })

  it('counts the folders paths imply', async () => {
    const deep = `${Array.from({ length: 200 }, (_, i) => `d${i}`).join('/')}/x.txt`
    const e = await usageError(
      openCrafted([{ name: deep, data: 'x' }], {}, { maxEntries: 100, maxBytes: LIMITS.maxBytes })
    )
    expect(e.message).toMatch(
      /101 entries \(counting the folders their paths imply\) is more than the limit of 100/
    )
  })

  it('accepts exactly the limit', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ name: `f${i}` }))
    const s = await openCrafted(entries, {}, { maxEntries: 100, maxBytes: 0 })
    expect(s.entries).toHaveLength(100)
    await s.close()
  })

  it('refuses a declared uncompressed total over the limit', async () => {
    const honest = Array.from({ length: 3 }, (_, i) => ({
      name: `f${i}.bin`,
      data: Buffer.alloc(600, i)
    }))
    let e = await usageError(openCrafted(honest, {}, { maxEntries: 10, maxBytes: 1000 }))
    expect(e.message).toMatch(
      /z\d+\.zip: its entries declare 1\.8 KiB \(1800 bytes\) uncompressed, more than the limit of 1000 bytes \(zip bomb\?\); raise limits\.bytes if this is real/
    )
    // sizes in the central directory are believed even for entries that are never read
    const declared = [
      { name: 'a.bin', data: 'x', size: 3 * 1024 ** 3, flags: 1 },
      { name: 'b.bin', data: 'y', size: 2 * 1024 ** 3, flags: 1 }
    ]
    e = await usageError(openCrafted(declared))
    expect(e.message).toMatch(
      /declare 5\.0 GiB \(5368709120 bytes\) uncompressed, more than the limit of 4\.0 GiB/
    )
  })

  it('refuses one entry with an absurd compression ratio', async () => {
    const e = await usageError(
      openCrafted([{ name: 'bomb.bin', data: 'x', size: 200 * 1024 ** 2 }])
    )
    expect(e.message).toMatch(/bomb\.bin declares 200\.0 MiB .* more than 1000:1/)
  })
})

describe('lying and broken zips', () => {
  it('errors, naming the entry, when an entry inflates past its declared size', async () => {
    const big = Buffer.alloc(100_000, 'a')
    await withZip([{ name: 'www/liar.js', data: big, method: 8, size: 10 }], async (s) => {
      expect(s.entries).toEqual([
        { name: 'www', kind: 'directory', size: 0 },
        { name: 'www/liar.js', kind: 'file', size: 10 }
      ])
      const e = await usageError(s.readFile('www/liar.js'))
      expect(e.message).toMatch(/www\/liar\.js: too many bytes in the stream/)
      const stream = s.open('www/liar.js')
      const err = await new Promise<Error>((resolve) => {
        stream.on('error', resolve)
        stream.resume()
      })
      expect(err.message).toMatch(/cannot read www\/liar\.js/)
    })
  })

  it('errors when an entry inflates to less than declared', async () => {
    await withZip([{ name: 'short.js', data: 'tiny', method: 8, size: 1000 }], async (s) => {
      const e = await usageError(s.readFile('short.js'))
      expect(e.message).toMatch(/cannot read short\.js: not enough bytes/)
    })
  })

  it('errors on a CRC-32 mismatch', async () => {
    await withZip([{ name: 'bad.js', data: 'content', crc: 12345 }], async (s) => {
      const e = await usageError(s.readFile('bad.js'))
      expect(e.message).toMatch(/cannot read bad\.js: CRC-32 mismatch/)
    })
  })

  it('refuses a stored entry whose sizes disagree', async () => {
    const e = await usageError(
      openCrafted([
        { name: 'ok.txt', data: 'x' },
        { name: 's.txt', data: 'stored', method: 0, size: 3 }
      ])
    )
    expect(e.message).toMatch(
      /is not a readable zip file: .*size mismatch.*\(central directory entry 2 of 2\)/
    )
  })

  it('refuses the whole zip for PKWARE strong encryption (bit 6): yauzl stops listing there', async () => {
    const e = await usageError(openCrafted([{ name: 'a.txt', data: 'x', flags: 0x41 }]))
    expect(e.message).toMatch(/not a readable zip file: strong encryption is not supported/)
  })

  it('refuses a central directory that points past the end of the file', async () => {
    let e = await usageError(
      openCrafted([{ name: 'a.txt', data: 'x' }], { centralDirectoryOffset: 1_000_000 })
    )
    expect(e.message).toMatch(/z\d+\.zip is not a readable zip file: /)
    e = await usageError(openCrafted([{ name: 'a.txt', data: 'x', offset: 1_000_000 }]))
    expect(e.message).toMatch(/entry "a\.txt" claims bytes up to offset \d+, past the end/)
    e = await usageError(openCrafted([{ name: 'a.txt', data: 'x', compressedSize: 1_000_000 }]))
    expect(e.message).toMatch(/past the end/)
  })

  it('refuses a truncated zip', async () => {
    const real = fs.readFileSync(path.join(REAL_WORLD, '00000153_0.0.0.4.zip'))
    const e = await usageError(openZipSource(write(real.subarray(0, real.length >> 1)), LIMITS))
    expect(e.message).toMatch(
      /is not a readable zip file: End of central directory record signature not found/
    )
    expect(e.message).not.toMatch(/\n\s+at /)
  })

  it('refuses a file that is not a zip, and one that does not exist', async () => {
    const text = path.join(tmp, 'notes.zip')
    fs.writeFileSync(text, 'just some text, not a zip\n')
    let e = await usageError(openZipSource(text, LIMITS))
    expect(e.message).toMatch(/notes\.zip is not a readable zip file/)
    expect(e.subject).toBe(text)
    e = await usageError(openZipSource(path.join(tmp, 'missing.zip'), LIMITS))
    expect(e.message).toMatch(/missing\.zip does not exist/)
    e = await usageError(openZipSource(write(Buffer.alloc(0)), LIMITS))
    expect(e.message).toMatch(/is not a readable zip file/)
  })
})

describe('reading', () => {
  const text = 'Hello, 世界! '.repeat(5000)
  const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff))

  it('streams stored and deflated entries back byte for byte, several at once', async () => {
    await withZip(
      [
        { name: 'www/index.html', data: text, method: 8 },
        { name: 'www/img.bin', data: binary, method: 0 },
        { name: 'www/empty.txt', data: '' }
      ],
      async (s) => {
        expect(s.entries).toContainEqual({
          name: 'www/index.html',
          kind: 'file',
          size: Buffer.byteLength(text)
        })
        const reads = await Promise.all([
          s.readFile('www/index.html'),
          s.readFile('www/img.bin'),
          s.readFile('www/index.html'),
          s.readFile('www/empty.txt'),
          collect(s.open('www/img.bin'))
        ])
        expect(reads[0].toString()).toBe(text)
        expect(reads[1].equals(binary)).toBe(true)
        expect(reads[2].toString()).toBe(text)
        expect(reads[3].length).toBe(0)
        expect(reads[4].equals(binary)).toBe(true)
      }
    )
  })

  it('lets a reader stop early without breaking later reads', async () => {
    await withZip([{ name: 'big.txt', data: text }], async (s) => {
      const stream = s.open('big.txt')
      await new Promise<void>((resolve) => stream.once('data', () => resolve()))
      stream.destroy()
      expect((await s.readFile('big.txt')).toString()).toBe(text)
    })
  })

  it('closes its file descriptor, also after streams stopped early', async () => {
    if (!fs.existsSync('/proc/self/fd')) return
    const file = path.join(REAL_WORLD, '20248888_0.0.0.12.zip')
    const holding = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === file
        } catch {
          return false
        }
      }).length
    const s = await openZipSource(file, LIMITS)
    const files = s.entries.filter((e) => e.kind === 'file')
    const stopped = files.slice(0, 10).map((f) => s.open(f.name))
    await Promise.all(
      stopped.map((st) => new Promise<void>((resolve) => st.once('data', () => resolve())))
    )
    for (const st of stopped) st.destroy()
    // the descriptor stays usable for everyone else
    const all = await Promise.all(files.map((f) => s.readFile(f.name)))
    expect(all.map((b) => b.length)).toEqual(files.map((f) => f.size))
    expect(holding()).toBe(1)
    await s.close()
    expect(holding()).toBe(0)
  })

  it('fails cleanly after close, and never writes anything next to the zip', async () => {
    const file = write(craftZip([{ name: 'a.txt', data: 'x' }]))
    const before = fs.readdirSync(tmp)
    const s = await openZipSource(file, LIMITS)
    expect((await s.readFile('a.txt')).toString()).toBe('x')
    await s.close()
    await s.close()
    expect(() => s.open('a.txt')).toThrow(/closed/)
    await expect(s.readFile('a.txt')).rejects.toThrow(/closed/)
    expect(fs.readdirSync(tmp)).toEqual(before)
  })

  it('lets a stream opened before close finish', async () => {
    const s = await openCrafted([{ name: 'a.txt', data: text }])
    const pending = collect(s.open('a.txt'))
    await s.close()
    expect((await pending).toString()).toBe(text)
  })

  it('reports an unsupported compression method when read, naming the entry', async () => {
    const body = zlib.deflateRawSync(Buffer.from('x'))
    await withZip([{ name: 'lzma.bin', data: body, method: 14, size: 1, crc: 0 }], async (s) => {
      const e = await usageError(s.readFile('lzma.bin'))
      expect(e.message).toMatch(/cannot read lzma\.bin: unsupported compression method: 14/)
    })
  })
})

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
