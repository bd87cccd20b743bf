import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  writeZip,
  ZipEntryError,
  ZipSourceChangedError,
  type ZipInput,
  type ZipOptions
} from '../src/zip/writer.js'

const MTIME = new Date(Date.UTC(2024, 4, 17, 13, 45, 30))
const isRoot = process.getuid?.() === 0

/** What Python's zipfile sees: it is an independent reader, as unzip and zipinfo are. */
interface PyEntry {
  name: string
  flag: number
  extra: string
  method: number
  system: number
  version: number
  extract: number
  attr: number
  date: number[]
  size: number
  csize: number
  crc: number
  sha256: string
}
interface PyZip {
  bad: string | null
  comment: string
  entries: PyEntry[]
}

const PY_INSPECT = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
entries = [{
  'name': i.filename, 'flag': i.flag_bits, 'extra': i.extra.hex(), 'method': i.compress_type,
  'system': i.create_system, 'version': i.create_version, 'extract': i.extract_version,
  'attr': i.external_attr, 'date': list(i.date_time), 'size': i.file_size, 'csize': i.compress_size,
  'crc': i.CRC, 'sha256': hashlib.sha256(z.read(i)).hexdigest(),
} for i in z.infolist()]
print(json.dumps({'bad': z.testzip(), 'comment': z.comment.hex(), 'entries': entries}))
`

function pyInspect(zipPath: string): PyZip {
  const out = execFileSync('python3', ['-c', PY_INSPECT, zipPath], { maxBuffer: 512 * 1024 * 1024 })
  return JSON.parse(out.toString('utf8')) as PyZip
}

function unzipTest(zipPath: string): string {
  return execFileSync('unzip', ['-tq', zipPath]).toString('utf8')
}

/** zipinfo -v, one block of "key: value" lines per central directory entry. */
function zipinfoEntries(zipPath: string): Map<string, string>[] {
  const text = execFileSync('zipinfo', ['-v', zipPath], {
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
    maxBuffer: 64 * 1024 * 1024
  }).toString('utf8')
  return text
    .split(/^Central directory entry #\d+:$/m)
    .slice(1)
    .map((block) => {
      const fields = new Map<string, string>()
      for (const line of block.split('\n')) {
        const m = /^ {2}(\S[^:]*?):\s+(.*)$/.exec(line)
        if (m) fields.set(m[1]!, m[2]!.trim())
      }
      return fields
    })
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

let root: string
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-writer-'))
})
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

function freshDir(label: string): string {
  return fs.mkdtempSync(path.join(root, `${label}-`))
}

/** Deterministic text that deflates well but not trivially. */
function compressibleText(bytes: number, seed = 1): Buffer {
  const words = [
    'const',
    'return',
    'function',
    'export',
    'import',
    '=>',
    '{',
    '}',
    'value',
    'window',
    '\n',
    'let',
    'offline',
    '中文',
    'é'
  ]
  const out = Buffer.alloc(bytes)
  let state = seed
  let at = 0
  while (at < bytes) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    at += out.write(words[state % words.length]! + ' ', at)
  }
  return out
}

/** Deterministic bytes that do not deflate. */
function incompressible(bytes: number, seed = 1): Buffer {
  const out = Buffer.alloc(bytes)
  let counter = 0
  for (let at = 0; at < bytes; at += 32) {
    createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, at)
  }
  return out
}

interface Spec {
  name: string
  data?: Buffer // absent for directories
  compress?: boolean
}

/** Writes the files of `specs` under `dir` and returns inputs reading them back. */
function materialize(dir: string, specs: Spec[]): ZipInput[] {
  return specs.map((spec) => {
    if (spec.data === undefined) {
      return {
        name: spec.name,
        kind: 'directory',
        size: 0,
        compress: false,
        open: () => {
          throw new Error('directories are never opened')
        }
      }
    }
    const abs = path.join(dir, 'src', spec.name)
    fs.mkdirSync(path.dirname(abs), { recursive: true })
    fs.writeFileSync(abs, spec.data)
    return fileInput(abs, spec.name, spec.compress ?? true)
  })
}

function fileInput(abs: string, name: string, compress = true): ZipInput {
  return {
    name,
    kind: 'file',
    size: fs.statSync(abs).size,
    compress,
    open: () => fs.createReadStream(abs)
  }
}

/** Gives a file input the read-at-once path; every other one returns a promise, as a gated read does. */
function withRead(input: ZipInput, dir: string, i: number): ZipInput {
  const abs = path.join(dir, 'src', input.name)
  input.read = i % 2 ? () => fs.readFileSync(abs) : () => fs.promises.readFile(abs)
  return input
}

async function zipTo(dir: string, inputs: readonly ZipInput[], opts: Partial<ZipOptions> = {}) {
  const out = path.join(dir, `out-${randomBytes(4).toString('hex')}.zip`)
  const result = await writeZip(out, inputs, { mtime: MTIME, ...opts })
  return { out, result, bytes: fs.readFileSync(out) }
}

/** Everything in `dir` other than the inputs' source tree. */
function leftovers(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f !== 'src')
    .sort()
}

const NAMED: Spec[] = [
  { name: 'index.html', data: compressibleText(5000, 1) },
  { name: 'a b/' },
  { name: 'a b/with space.txt', data: compressibleText(300, 2) },
  { name: 'a b/100%.txt', data: Buffer.from('percent') },
  { name: 'a b/x,y.js', data: compressibleText(70_000, 3) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: '中文/' },
  { name: '中文/é.txt', data: Buffer.from('unicode é 中文\n'.repeat(20)) },
  { name: 'img.png', data: incompressible(4096), compress: false }
]

describe('writeZip', () => {
  it('writes an archive that unzip, zipinfo and python zipfile accept, names and bytes round-trip', async () => {
    const dir = freshDir('roundtrip')
    const inputs = materialize(dir, NAMED)
    const { out, result, bytes } = await zipTo(dir, inputs)

    expect(result).toEqual({
      path: out,
      sha256: sha256(bytes),
      bytes: bytes.length,
      entries: 9,
      files: 7
    })
    expect(unzipTest(out)).toMatch(/No errors detected/)

    const py = pyInspect(out)
    expect(py.bad).toBeNull()
    expect(py.comment).toBe('')
    expect(py.entries.map((e) => e.name)).toEqual(NAMED.map((s) => s.name))
    NAMED.forEach((spec, i) => {
      const e = py.entries[i]!
      const isDir = spec.data === undefined
      expect(e.flag).toBe(0x0800) // UTF-8, no data descriptor
      expect(e.extra).toBe('')
      expect(e.system).toBe(3)
      expect(e.version).toBe(20)
      expect(e.date).toEqual([2024, 5, 17, 13, 45, 30])
      expect(e.attr >>> 0).toBe(isDir ? ((0o040755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0)
      expect(e.size).toBe(spec.data?.length ?? 0)
      expect(e.sha256).toBe(sha256(spec.data ?? Buffer.alloc(0)))
      expect(e.crc).toBe(spec.data ? zlib.crc32(spec.data) : 0)
    })

    const info = zipinfoEntries(out)
    expect(info).toHaveLength(NAMED.length)
    info.forEach((fields, i) => {
      expect(fields.get('file system or operating system of origin')).toBe('Unix')
      expect(fields.get('extended local header')).toBe('no')
      expect(fields.get('length of extra field')).toBe('0 bytes')
      expect(fields.get('length of file comment')).toBe('0 characters')
      expect(fields.get('file last modified on (DOS date/time)')).toBe('2024 May 17 13:45:30')
      expect(fields.get('compression method')).toBe(
        py.entries[i]!.method === 8 ? 'deflated' : 'none (stored)'
      )
    })
    expect(leftovers(dir)).toEqual([path.basename(out)])
  })

  it('stores what is not to be compressed or does not shrink, deflates the rest', async () => {
    const dir = freshDir('methods')
    const specs: Spec[] = [
      { name: 'text.js', data: compressibleText(50_000) },
      { name: 'text-stored.js', data: compressibleText(50_000), compress: false },
      { name: 'random.bin', data: incompressible(50_000) },
      { name: 'one-byte.txt', data: Buffer.from('x') },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      // above half of maxBytesInFlight below, so these go through the streamed (spilled) path
      { name: 'big-random.bin', data: incompressible(300_000, 2) },
      { name: 'big-text.js', data: compressibleText(300_000, 2) },
      { name: 'big-text-stored.js', data: compressibleText(300_000, 3), compress: false }
    ]
    for (const maxBytesInFlight of [32 * 1024 * 1024, 256 * 1024]) {
      const { out } = await zipTo(dir, materialize(dir, specs), { maxBytesInFlight })
      const methods = Object.fromEntries(
        pyInspect(out).entries.map((e) => [e.name, [e.method, e.csize < e.size]])
      )
      expect(methods).toEqual({
        'text.js': [8, true],
        'text-stored.js': [0, false],
        'random.bin': [0, false],
        'one-byte.txt': [0, false],
        'empty.txt': [0, false],
        'big-random.bin': [0, false],
        'big-text.js': [8, true],
        'big-text-stored.js': [0, false]
      })
      expect(unzipTest(out)).toMatch(/No errors detected/)
    }
    expect(leftovers(dir)).toHaveLength(2) // the two archives, no spill files
  })

  it('is byte-identical whatever the concurrency and memory budget', async () => {
    const dir = freshDir('repro')
    const specs: Spec[] = []
    for (let i = 0; i < 120; i++) {
      const kind = i % 6
      const size = [0, 1, 900, 20_000, 150_000, 700_000][kind]!
      if (i % 20 === 0) specs.push({ name: `d${i}/` })
      specs.push({
        name: `d${i - (i % 20)}/f${String(i).padStart(3, '0')}.${kind === 4 ? 'bin' : 'js'}`,
        data: kind === 4 ? incompressible(size, i) : compressibleText(size, i),
        compress: i % 7 !== 3
      })
    }
    const inputs = materialize(dir, specs)
    const variants: Partial<ZipOptions>[] = [
      { concurrency: 1 },
      { concurrency: 2 },
      { concurrency: 8 },
      { concurrency: 8, maxBytesInFlight: 64 * 1024 }, // most entries streamed through spill files
      { concurrency: 3, maxBytesInFlight: 1024 * 1024 }
    ]
    const outputs = []
    for (const opts of variants) outputs.push(await zipTo(dir, inputs, opts))
    const first = outputs[0]!
    for (const o of outputs) {
      expect(o.result.sha256).toBe(first.result.sha256)
      expect(o.bytes.equals(first.bytes)).toBe(true)
    }
    expect(pyInspect(first.out).entries.map((e) => e.name)).toEqual(specs.map((s) => s.name))
    expect(leftovers(dir)).toHaveLength(variants.length)
  })

  it('cuts big entries into blocks at fixed offsets: the bytes do not depend on how reads are cut', async () => {
    const dir = freshDir('blocks')
    const BLOCK = 256 * 1024
    // Around the block size and its multiples, where the last block is full, nearly empty or one byte.
    const sizes = [BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 2 * BLOCK + 7, 5 * BLOCK + 12_345]
    const datas = sizes.map((n, i) => compressibleText(n, 40 + i))
    const inputs = (cut: (data: Buffer) => Buffer[]): ZipInput[] =>
      datas.map((data, i) => ({
        name: `b${i}.js`,
        kind: 'file' as const,
        size: data.length,
        compress: true,
        open: () => Readable.from(cut(data))
      }))
    const slices = (step: number) => (data: Buffer) => {
      const out: Buffer[] = []
      for (let o = 0; o < data.length; o += step) out.push(data.subarray(o, o + step))
      return out
    }
    const whole = await zipTo(
      dir,
      inputs((d) => [d])
    )
    for (const cut of [slices(1000), slices(77_777), slices(BLOCK + 3)]) {
      const other = await zipTo(dir, inputs(cut))
      expect(other.bytes.equals(whole.bytes)).toBe(true)
    }
    // Each entry is one valid deflate stream (Python and unzip inflate it), about as small as one call makes it.
    const py = pyInspect(whole.out)
    expect(py.bad).toBeNull()
    py.entries.forEach((e, i) => {
      expect(e.method).toBe(8)
      expect(e.sha256).toBe(sha256(datas[i]!))
      const single = zlib.deflateRawSync(datas[i]!, { level: 6 }).length
      expect(e.csize / single).toBeLessThan(1.01)
    })
    expect(unzipTest(whole.out)).toMatch(/No errors detected/)
  })

  it('writes the same bytes whether small files are streamed or read at once', async () => {
    const dir = freshDir('read-at-once')
    const specs: Spec[] = Array.from({ length: 30 }, (_, i) => ({
      name: `f${String(i).padStart(2, '0')}.${i % 5 === 0 ? 'bin' : 'js'}`,
      data: i % 5 === 0 ? incompressible(i * 2000, i) : compressibleText(i * 2000, i)
    }))
    const streamed = materialize(dir, specs)
    const chunks = new Map<string, number>()
    const atOnce = materialize(dir, specs).map((input, i) => withRead(input, dir, i))
    for (const input of atOnce) {
      input.open = () => {
        throw new Error('open() must not be called when read() is given')
      }
    }
    const a = await zipTo(dir, streamed)
    const b = await zipTo(dir, atOnce, {
      onChunk: (input, chunk) =>
        chunks.set(input.name, (chunks.get(input.name) ?? 0) + chunk.length)
    })
    expect(b.bytes.equals(a.bytes)).toBe(true)
    for (const spec of specs) expect(chunks.get(spec.name) ?? 0).toBe(spec.data!.length)
    expect(unzipTest(b.out)).toMatch(/No errors detected/)
  })

  it('reads at most `concurrency` inputs at once, each once, and reports chunks and CRCs', async () => {
    const dir = freshDir('bounded')
    const specs: Spec[] = Array.from({ length: 300 }, (_, i) => ({
      name: `f${String(i).padStart(3, '0')}.txt`,
      data: compressibleText(100 + ((i * 7919) % 200_000), i)
    }))
    let open = 0
    let maxOpen = 0
    const opened = new Map<string, number>()
    const inputs = materialize(dir, specs).map((input) => ({
      ...input,
      open() {
        opened.set(input.name, (opened.get(input.name) ?? 0) + 1)
        maxOpen = Math.max(maxOpen, ++open)
        return input.open().on('close', () => open--)
      }
    }))
    const chunkBytes = new Map<string, number>()
    const done: { name: string; crc32: number; compressedSize: number }[] = []
    const { out } = await zipTo(dir, inputs, {
      concurrency: 3,
      onChunk: (input, chunk) =>
        chunkBytes.set(input.name, (chunkBytes.get(input.name) ?? 0) + chunk.length),
      onEntryDone: (input, info) => done.push({ name: input.name, ...info })
    })
    expect(maxOpen).toBeLessThanOrEqual(3)
    expect([...opened.values()].every((n) => n === 1)).toBe(true)
    expect(opened.size).toBe(specs.length)
    const py = pyInspect(out)
    expect(done).toEqual(
      py.entries.map((e) => ({ name: e.name, crc32: e.crc, compressedSize: e.csize }))
    )
    for (const spec of specs) expect(chunkBytes.get(spec.name)).toBe(spec.data!.length)
  })

  it('uses the UTC date of mtime, clamped to what DOS dates can hold', async () => {
    const dir = freshDir('dates')
    const inputs = materialize(dir, [{ name: 'a.txt', data: Buffer.from('a') }])
    const cases: [Date, number[]][] = [
      [new Date(Date.UTC(2001, 0, 2, 3, 4, 5)), [2001, 1, 2, 3, 4, 4]], // DOS time has 2 s steps
      [new Date(0), [1980, 1, 1, 0, 0, 0]],
      [new Date(Date.UTC(2200, 0, 1)), [2107, 12, 31, 23, 59, 58]]
    ]
    for (const [mtime, expected] of cases) {
      const { out } = await zipTo(dir, inputs, { mtime })
      expect(pyInspect(out).entries[0]!.date).toEqual(expected)
    }
  })

  it('switches to ZIP64 end records past 65534 entries', async () => {
    const dir = freshDir('zip64-count')
    const empty = path.join(dir, 'empty')
    fs.writeFileSync(empty, '')
    const inputs: ZipInput[] = Array.from({ length: 70_000 }, (_, i) =>
      fileInput(empty, `e/${String(i).padStart(5, '0')}`)
    )
    const { out, result, bytes } = await zipTo(dir, inputs)
    expect(result.entries).toBe(70_000)

    const eocd = bytes.subarray(bytes.length - 22)
    expect(eocd.readUInt32LE(0)).toBe(0x06054b50)
    expect(eocd.readUInt16LE(10)).toBe(0xffff)
    const locator = bytes.subarray(bytes.length - 42, bytes.length - 22)
    expect(locator.readUInt32LE(0)).toBe(0x07064b50)
    const end64 = bytes.subarray(Number(locator.readBigUInt64LE(8)))
    expect(end64.readUInt32LE(0)).toBe(0x06064b50)
    expect(end64.readBigUInt64LE(32)).toBe(70_000n)
    // the entries themselves need no ZIP64
    expect(bytes.readUInt16LE(4)).toBe(20)

    expect(unzipTest(out)).toMatch(/No errors detected/)
    const py = pyInspect(out)
    expect(py.bad).toBeNull()
    expect(py.entries).toHaveLength(70_000)
    expect(py.entries[69_999]!.name).toBe('e/69999')
    expect(py.entries.every((e) => e.extra === '')).toBe(true)
  }, 120_000)

  it('writes valid ZIP64 extra fields and end records when forced', async () => {
    const dir = freshDir('zip64-forced')
    const inputs = materialize(dir, [...NAMED, { name: 'big.js', data: compressibleText(400_000) }])
    const { out, bytes } = await zipTo(dir, inputs, {
      zip64: 'always',
      maxBytesInFlight: 256 * 1024
    })
    expect(unzipTest(out)).toMatch(/No errors detected/)
    const py = pyInspect(out)
    expect(py.bad).toBeNull()
    const plain = pyInspect((await zipTo(dir, inputs)).out)
    expect(py.entries.map((e) => [e.name, e.sha256, e.method, e.size, e.csize])).toEqual(
      plain.entries.map((e) => [e.name, e.sha256, e.method, e.size, e.csize])
    )
    let offset = 0
    for (const e of py.entries) {
      expect(e.version).toBe(45)
      expect(e.extract).toBe(45)
      // header 0x0001, 24 bytes: size, compressed size, local header offset
      const extra = Buffer.from(e.extra, 'hex')
      expect(extra.readUInt16LE(0)).toBe(1)
      expect(extra.readUInt16LE(2)).toBe(24)
      expect(Number(extra.readBigUInt64LE(4))).toBe(e.size)
      expect(Number(extra.readBigUInt64LE(12))).toBe(e.csize)
      expect(Number(extra.readBigUInt64LE(20))).toBe(offset)
      const local = bytes.subarray(offset)
      expect(local.readUInt32LE(0)).toBe(0x04034b50)
      expect(local.readUInt32LE(18)).toBe(0xffffffff)
      const nameLength = local.readUInt16LE(26)
      expect(local.readUInt16LE(28)).toBe(20) // local ZIP64 extra holds both sizes
      offset += 30 + nameLength + 20 + e.csize
    }
    const eocd = bytes.subarray(bytes.length - 22)
    expect(eocd.readUInt32LE(16)).toBe(0xffffffff)
  })

  it('round-trips a 40 MiB file streamed through a spill file', async () => {
    const dir = freshDir('large')
    const data = compressibleText(40 * 1024 * 1024, 7)
    const inputs = materialize(dir, [
      { name: 'small.txt', data: Buffer.from('before') },
      { name: 'large.js', data },
      { name: 'after.txt', data: Buffer.from('after') }
    ])
    const { out } = await zipTo(dir, inputs)
    const py = pyInspect(out)
    expect(py.bad).toBeNull()
    const large = py.entries[1]!
    expect(large).toMatchObject({
      name: 'large.js',
      method: 8,
      size: data.length,
      sha256: sha256(data)
    })
    expect(large.csize).toBeLessThan(data.length / 2)
    expect(unzipTest(out)).toMatch(/No errors detected/)
    expect(leftovers(dir)).toEqual([path.basename(out)])
  }, 120_000)
})

describe('writeZip failures', () => {
  const sizes = [
    ['in memory', 10_000, undefined, false],
    ['read at once', 10_000, undefined, true],
    ['spilled', 300_000, 64 * 1024, false]
  ] as const

  for (const [label, size, maxBytesInFlight, atOnce] of sizes) {
    for (const change of ['grows', 'shrinks'] as const) {
      it(`rejects with ZipSourceChangedError when a file ${change} while packing (${label})`, async () => {
        const dir = freshDir('changed')
        const inputs = materialize(dir, [
          { name: 'before.txt', data: compressibleText(200_000) },
          { name: 'changing.txt', data: compressibleText(size) },
          { name: 'after.txt', data: compressibleText(200_000, 2) }
        ])
        if (atOnce) inputs.forEach((input, i) => withRead(input, dir, i))
        const changing = path.join(dir, 'src', 'changing.txt')
        if (change === 'grows') fs.appendFileSync(changing, 'more')
        else fs.truncateSync(changing, size - 1)
        const out = path.join(dir, 'out.zip')
        const err = await writeZip(out, inputs, { mtime: MTIME, maxBytesInFlight }).catch(
          (e: unknown) => e
        )
        expect(err).toBeInstanceOf(ZipSourceChangedError)
        expect((err as Error).message).toContain('changing.txt')
        expect(leftovers(dir)).toEqual([])
      })
    }
  }

  it('rejects naming the entry when its stream fails, and leaves nothing behind', async () => {
    const dir = freshDir('stream-error')
    const inputs = materialize(dir, [
      { name: 'ok.txt', data: Buffer.from('ok') },
      { name: 'gone.txt', data: Buffer.from('soon gone') }
    ])
    fs.unlinkSync(path.join(dir, 'src', 'gone.txt'))
    const err = await writeZip(path.join(dir, 'out.zip'), inputs, { mtime: MTIME }).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ZipEntryError)
    expect(err).toMatchObject({ entry: 'gone.txt', code: 'ENOENT' })
    expect((err as Error).message).toContain('"gone.txt"')
    expect(leftovers(dir)).toEqual([])
  })

  it('keeps an existing archive when writing a new one fails', async () => {
    const dir = freshDir('keep-existing')
    const inputs = materialize(dir, [{ name: 'a.txt', data: compressibleText(1000) }])
    const out = path.join(dir, 'out.zip')
    fs.writeFileSync(out, 'previous archive')
    const failing = {
      mtime: MTIME,
      onEntryDone: () => {
        throw new Error('scanner failed')
      }
    }
    await expect(writeZip(out, inputs, failing)).rejects.toThrow('scanner failed')
    expect(fs.readFileSync(out, 'utf8')).toBe('previous archive')
    expect(leftovers(dir)).toEqual(['out.zip'])
  })

  it('rejects with the original code when the output directory does not exist or is a file', async () => {
    const dir = freshDir('no-dir')
    const inputs = materialize(dir, [{ name: 'a.txt', data: Buffer.from('a') }])
    await expect(
      writeZip(path.join(dir, 'missing', 'out.zip'), inputs, { mtime: MTIME })
    ).rejects.toMatchObject({ code: 'ENOENT' })
    fs.writeFileSync(path.join(dir, 'file'), '')
    await expect(
      writeZip(path.join(dir, 'file', 'out.zip'), inputs, { mtime: MTIME })
    ).rejects.toMatchObject({ code: 'ENOTDIR' })
    expect(leftovers(dir)).toEqual(['file'])
  })

  it.skipIf(isRoot)('rejects with EACCES when the output directory is not writable', async () => {
    const dir = freshDir('read-only')
    const inputs = materialize(dir, [{ name: 'a.txt', data: Buffer.from('a') }])
    const locked = path.join(dir, 'locked')
    fs.mkdirSync(locked, { mode: 0o555 })
    await expect(
      writeZip(path.join(locked, 'out.zip'), inputs, { mtime: MTIME })
    ).rejects.toMatchObject({ code: 'EACCES' })
    expect(fs.readdirSync(locked)).toEqual([])
  })

  it('rejects malformed inputs before creating anything', async () => {
    const dir = freshDir('invalid')
    const out = path.join(dir, 'out.zip')
    const dirWithoutSlash: ZipInput = {
      name: 'd',
      kind: 'directory',
      size: 0,
      compress: false,
      open: () => {
        throw new Error('unused')
      }
    }
    await expect(writeZip(out, [dirWithoutSlash], { mtime: MTIME })).rejects.toThrow(
      /must end with '\/'/
    )
    await expect(writeZip(out, [], { mtime: MTIME, concurrency: 0 })).rejects.toThrow(RangeError)
    expect(leftovers(dir)).toEqual([])
  })

  it('refuses two entries with one name before creating anything', async () => {
    const dir = freshDir('duplicate')
    const out = path.join(dir, 'out.zip')
    const text = (name: string, data: string): ZipInput => ({
      name,
      kind: 'file',
      size: data.length,
      compress: true,
      open: () => Readable.from([Buffer.from(data)])
    })
    await expect(
      writeZip(out, [text('removed.txt', 'a\n'), text('x.js', 'x'), text('removed.txt', 'b\n')], {
        mtime: MTIME
      })
    ).rejects.toThrow('zip: two entries are named "removed.txt"')
    expect(leftovers(dir)).toEqual([])
  })
})
