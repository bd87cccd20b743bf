/**
 * Reproducible ZIP writer.
 *
 * Several entries are read and deflated at once, but they are written strictly in input order,
 * each local header carrying its final CRC and sizes (no data descriptors). An entry takes one of
 * three paths, by size:
 * - up to DEFLATE_CHUNK: read whole and deflated in one call (on the main thread up to
 *   SYNC_DEFLATE_LIMIT, else on the libuv pool);
 * - up to `bufferLimit`: deflated in blocks on the libuv pool, several at once (see deflateInto),
 *   keeping both the raw and the deflated chunks in memory;
 * - bigger: streamed the same way into two temp files beside the output (raw and deflated), the
 *   one kept being copied in when the entry's turn comes. Both are needed because `open()` may be
 *   called only once and whether deflating pays off is known only at the end.
 * The path does not change the bytes: blocks are cut at fixed offsets, whatever the reads. The
 * output does depend on the zlib build, so reproducibility holds for one Node version. zlib contexts are never reused: after a reset, the previous entry's window still
 * changes what chromium's zlib emits.
 */
import { createHash, randomBytes } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { addAbortSignal, type Readable } from 'node:stream'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { trackTemp, untrackTemp } from '../core/temp-files.js'

export interface ZipInput {
  name: string // entry name, '/'-separated; directories end with '/'
  kind: 'file' | 'directory'
  size: number // expected uncompressed size in bytes (0 for directories)
  compress: boolean // deflate (level opts.level) or store
  /** open the bytes. Called at most once per entry, in bounded concurrency. */
  open(): Readable
  /**
   * The bytes at once, for entries small enough to be deflated in one call: when given, it is called instead of
   * open(), saving a stream per file (tens of thousands of small files are common).
   */
  read?(): Buffer | Promise<Buffer>
}

export interface ZipOptions {
  mtime: Date // the same fixed DOS timestamp for every entry (interpreted in UTC; clamped to 1980..2107)
  level?: number // default 6
  concurrency?: number // entries being read+deflated at once, default 4
  maxBytesInFlight?: number // cap on buffered input bytes across in-flight entries, default 32 MiB
  /** called with every chunk of a file's bytes as read (for content scanners); optional */
  onChunk?(input: ZipInput, chunk: Buffer): void
  /**
   * called once per file after it was written, in input order; the writer no longer uses the chunks it gave
   * to onChunk then, so they may be handed on (even detached)
   */
  onEntryDone?(input: ZipInput, info: { crc32: number; compressedSize: number }): void
  /** 'always' writes every ZIP64 structure even when not needed; for tests, since 4 GiB is too big to write there */
  zip64?: 'auto' | 'always'
}

export interface ZipResult {
  path: string
  sha256: string
  bytes: number
  entries: number
  files: number
}

/** A file yielded more or fewer bytes than its listed `size`: it changed while being packed. */
export class ZipSourceChangedError extends Error {
  constructor(
    readonly entry: string,
    readonly expected: number,
    readonly actual: number
  ) {
    const read = actual > expected ? `more than ${expected}` : String(actual)
    super(`zip: "${entry}" changed while packing: listed as ${expected} bytes, read ${read}`)
    this.name = 'ZipSourceChangedError'
  }
}

/** Reading or spilling one entry failed; `code` and `cause` are those of the original error. */
export class ZipEntryError extends Error {
  readonly code: string | undefined
  constructor(
    readonly entry: string,
    cause: unknown
  ) {
    super(`zip: "${entry}": ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'ZipEntryError'
    this.code = (cause as { code?: unknown } | null)?.code as string | undefined
  }
}

const MAX16 = 0xffff
const MAX32 = 0xffffffff
const MiB = 1024 * 1024
/** Largest entry held in memory; bigger ones are spilled so one entry cannot take the budget. */
const SPILL_THRESHOLD = 16 * MiB
/** Budget charged for a spilled entry: its stream buffers, not its size. */
const STREAM_WINDOW = 1 * MiB
/**
 * Budget charged per entry on top of its bytes, so that finished-but-unwritten empty entries are
 * bounded in number too.
 */
const ENTRY_OVERHEAD = 512
/** Output write buffer, and the reads of spill files. */
const IO_CHUNK = 1 * MiB
const CD_BLOCK = 256 * 1024
/**
 * Entries up to this size are deflated in one go; bigger ones are streamed in chunks of it, so
 * that pool jobs stay short and no large buffer is allocated.
 */
const DEFLATE_CHUNK = 64 * 1024
/** Input bytes per deflate job of a bigger entry, and how many of its jobs run at once (see deflateInto). */
const DEFLATE_BLOCK = 256 * 1024
const BLOCKS_IN_FLIGHT = 4
/** What deflate can refer back to: the dictionary carried from one block to the next. */
const DICTIONARY = 32 * 1024
/**
 * Up to this size an entry is deflated on the main thread: cheaper than a round trip through the
 * thread pool (a wake-up per job, and the I/O queued behind it), and it makes the main thread one
 * more deflater. The output is the same either way.
 */
const SYNC_DEFLATE_LIMIT = 16 * 1024

const FLAG_UTF8 = 0x0800
const METHOD_STORE = 0
const METHOD_DEFLATE = 8
const VERSION = 20
const VERSION_ZIP64 = 45
const UNIX = 3
const FILE_ATTRS = (0o100644 << 16) >>> 0
const DIR_ATTRS = ((0o040755 << 16) | 0x10) >>> 0
const DOS_MIN = Date.UTC(1980, 0, 1)
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58)
const EMPTY = Buffer.alloc(0)

const deflateRaw = promisify(zlib.deflateRaw)

interface Settings {
  level: number
  concurrency: number
  maxBytesInFlight: number
  bufferLimit: number
  forceZip64: boolean
  dosTime: number
  dosDate: number
  onChunk: ZipOptions['onChunk']
}

/** An entry's bytes as they go into the archive: in memory, or in a spill file. */
interface Packed {
  method: number
  crc: number
  size: number
  compressedSize: number
  data: Buffer[] | { spill: string }
}

/** Every Packed is made here, so that they all have one shape (and the writer's loop one type to expect). */
function packedEntry(
  method: number,
  crc: number,
  size: number,
  compressedSize: number,
  data: Packed['data']
): Packed {
  return { method, crc, size, compressedSize, data }
}

/** What the headers say of an entry. */
type EntryRecord = Omit<Packed, 'data'> & { name: Buffer; isDir: boolean; offset: number }

/** Writes `inputs` as a ZIP archive to `outPath` (temp file, fsync, rename). */
export async function writeZip(
  outPath: string,
  inputs: readonly ZipInput[],
  opts: ZipOptions
): Promise<ZipResult> {
  const settings = resolveOptions(opts)
  inputs.forEach(validateInput)
  refuseDuplicates(inputs)
  const tmpPath = `${outPath}.${randomBytes(6).toString('hex')}.tmp`
  const out = await OutputFile.create(tmpPath)
  const packer = new Packer(inputs, settings, tmpPath)
  try {
    const central = new CentralDirectory(settings)
    let files = 0
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i]!
      const { method, crc, size, compressedSize, data } = await packer.take(i)
      const entry: EntryRecord = {
        method,
        crc,
        size,
        compressedSize,
        name: Buffer.from(input.name, 'utf8'),
        isDir: input.kind === 'directory',
        offset: out.position
      }
      await out.append(localHeader(entry, settings))
      if (Array.isArray(data)) for (const chunk of data) await out.append(chunk)
      else await packer.copySpill(out, data.spill)
      packer.release(i)
      central.add(entry)
      if (entry.isDir) continue
      files++
      opts.onEntryDone?.(input, { crc32: entry.crc, compressedSize: entry.compressedSize })
    }
    await central.writeTo(out)
    const sha256 = await out.commit(outPath)
    return { path: outPath, sha256, bytes: out.position, entries: inputs.length, files }
  } catch (err) {
    packer.abort(err)
    await out.discard()
    throw packer.failure
  } finally {
    await packer.settle()
  }
}

function resolveOptions(opts: ZipOptions): Settings {
  const level = opts.level ?? 6
  const concurrency = opts.concurrency ?? 4
  const maxBytesInFlight = opts.maxBytesInFlight ?? 32 * MiB
  if (!Number.isInteger(level) || level < 0 || level > 9)
    throw new RangeError(`zip: level must be 0..9, got ${level}`)
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`zip: concurrency must be a positive integer, got ${concurrency}`)
  if (!(maxBytesInFlight > 0))
    throw new RangeError(`zip: maxBytesInFlight must be positive, got ${maxBytesInFlight}`)
  const mtime = opts.mtime.getTime()
  if (Number.isNaN(mtime)) throw new RangeError('zip: mtime is an invalid Date')
  const t = new Date(Math.min(Math.max(mtime, DOS_MIN), DOS_MAX))
  return {
    level,
    concurrency,
    maxBytesInFlight,
    // half the budget, so that a big entry cannot starve the others of it
    bufferLimit: Math.min(SPILL_THRESHOLD, Math.floor(maxBytesInFlight / 2)),
    forceZip64: opts.zip64 === 'always',
    dosTime: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
    dosDate: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    onChunk: opts.onChunk
  }
}

/** Rejects inputs that would make a malformed archive, before anything is written. */
function validateInput(input: ZipInput): void {
  const nameLength = Buffer.byteLength(input.name, 'utf8')
  const isDir = input.kind === 'directory'
  if (nameLength === 0 || nameLength > MAX16)
    throw new RangeError(`zip: entry name must be 1..65535 bytes: "${input.name}"`)
  if (isDir !== input.name.endsWith('/')) {
    throw new TypeError(
      `zip: "${input.name}": directory names must end with '/', file names must not`
    )
  }
  if (!isDir && !(Number.isSafeInteger(input.size) && input.size >= 0)) {
    throw new RangeError(
      `zip: "${input.name}": size must be a non-negative integer, got ${input.size}`
    )
  }
}

/**
 * Two entries with one name make a zip that readers resolve differently (one keeps the first, another the last):
 * a caller bug, refused before anything is written rather than shipped.
 */
function refuseDuplicates(inputs: readonly ZipInput[]): void {
  const seen = new Set<string>()
  for (const { name } of inputs) {
    if (seen.has(name))
      throw new Error(
        `zip: two entries are named "${name}": a zip must not hold the same name twice`
      )
    seen.add(name)
  }
}

/**
 * Starts entries in input order, as long as fewer than `concurrency` are being read and the bytes
 * of started-but-unwritten entries fit in `maxBytesInFlight`. Finished entries wait for the writer,
 * which releases their budget once written.
 */
class Packer {
  private readonly tasks = new Map<number, Promise<Packed>>()
  private readonly controller = new AbortController()
  private readonly spills = new SpillFiles()
  private next = 0
  private active = 0
  private inFlight = 0
  private failed = false
  failure: unknown

  constructor(
    private readonly inputs: readonly ZipInput[],
    private readonly settings: Settings,
    private readonly spillBase: string
  ) {
    // one listener per open input stream, and those are bounded by `concurrency`
    setMaxListeners(0, this.controller.signal)
  }

  /** The packed bytes of entry `i`; every entry before `i` must have been released. */
  take(i: number): Promise<Packed> {
    if (this.failed) return Promise.reject(this.failure)
    this.pump()
    const task = this.tasks.get(i)
    // cannot happen: once all before `i` are released nothing is in flight, so pump() started `i`
    if (!task) throw new Error(`zip: internal error: entry ${i} was not started`)
    return task
  }

  release(i: number): void {
    this.tasks.delete(i)
    this.inFlight -= this.cost(this.inputs[i]!)
    this.pump()
  }

  /** Records the first failure and stops every entry being read. */
  abort(err: unknown): void {
    if (this.failed) return
    this.failed = true
    this.failure = err
    this.controller.abort(err)
  }

  /** Waits for every started entry to stop, then deletes the spill files left over. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.tasks.values())
    await Promise.all(
      [...this.spills].map((p) =>
        unlink(p)
          .catch(() => {})
          .then(() => this.spills.delete(p))
      )
    )
  }

  private cost(input: ZipInput): number {
    if (input.kind === 'directory') return ENTRY_OVERHEAD
    return ENTRY_OVERHEAD + (input.size <= this.settings.bufferLimit ? input.size : STREAM_WINDOW)
  }

  private pump(): void {
    const { concurrency, maxBytesInFlight } = this.settings
    while (!this.failed && this.next < this.inputs.length && this.active < concurrency) {
      const cost = this.cost(this.inputs[this.next]!)
      // an entry bigger than the whole budget still goes, alone
      if (this.inFlight > 0 && this.inFlight + cost > maxBytesInFlight) return
      this.inFlight += cost
      this.start(this.next++)
    }
  }

  private start(i: number): void {
    const input = this.inputs[i]!
    if (input.kind === 'directory') {
      this.tasks.set(i, Promise.resolve(packedEntry(METHOD_STORE, 0, 0, 0, [])))
      return
    }
    this.active++
    const task = this.pack(input, i)
    this.tasks.set(i, task)
    task.then(
      () => this.finished(),
      (err: unknown) => {
        this.abort(err)
        this.finished()
      }
    )
  }

  private finished(): void {
    this.active--
    this.pump()
  }

  private async pack(input: ZipInput, i: number): Promise<Packed> {
    const reader = new EntryReader(input, this.settings.onChunk, this.controller.signal)
    try {
      return input.size <= Math.min(DEFLATE_CHUNK, this.settings.bufferLimit)
        ? await packSmall(reader, input, this.settings.level)
        : await this.packStreamed(reader, input, `${this.spillBase}.${i}`)
    } catch (err) {
      throw err instanceof ZipSourceChangedError ? err : new ZipEntryError(input.name, err)
    }
  }

  /**
   * Reads the entry into a raw sink while deflating it into another, then keeps the smaller. The
   * sinks are memory up to `bufferLimit`, else spill files; in memory the chunks are kept as they
   * come, because large transient allocations leave the process with a larger RSS.
   */
  private async packStreamed(reader: EntryReader, input: ZipInput, base: string): Promise<Packed> {
    const openSink = (suffix: string): Promise<Sink> =>
      input.size <= this.settings.bufferLimit
        ? Promise.resolve(new MemorySink())
        : FileSink.create(`${base}.${suffix}`, this.spills)
    const raw = await openSink('raw')
    let deflated: Sink | undefined
    let compressedSize = input.size
    try {
      if (input.compress) {
        deflated = await openSink('deflated')
        compressedSize = await deflateInto(reader, raw, deflated, this.settings.level, input.size)
      } else {
        for await (const chunk of reader.chunks()) await raw.write(chunk)
      }
    } finally {
      await Promise.all([raw.close(), deflated?.close()])
    }
    if (!deflated || compressedSize >= input.size) {
      await deflated?.discard()
      return packedEntry(METHOD_STORE, reader.crc, input.size, input.size, raw.data())
    }
    await raw.discard()
    return packedEntry(METHOD_DEFLATE, reader.crc, input.size, compressedSize, deflated.data())
  }

  /** Copies a spilled entry into the output, then deletes the spill. */
  async copySpill(out: OutputFile, path: string): Promise<void> {
    await copyFile(out, path)
    this.spills.delete(path)
    await unlink(path)
  }
}

/** The spill files that exist, tracked for a signal handler too (see temp-files.ts). */
class SpillFiles extends Set<string> {
  override add(path: string): this {
    trackTemp(path)
    return super.add(path)
  }

  override delete(path: string): boolean {
    untrackTemp(path)
    return super.delete(path)
  }
}

/** Reads one input, checking its size and computing its CRC as the chunks go by. */
class EntryReader {
  crc = 0
  bytes = 0

  constructor(
    private readonly input: ZipInput,
    private readonly onChunk: ZipOptions['onChunk'],
    private readonly signal: AbortSignal
  ) {}

  /** The input's bytes as they come: from read() in one piece when the input has it, else from its stream. */
  async *chunks(): AsyncGenerator<Buffer> {
    const { input } = this
    for await (const chunk of input.read
      ? this.readAtOnce()
      : addAbortSignal(this.signal, input.open())) {
      if (!Buffer.isBuffer(chunk)) throw new TypeError('stream must yield Buffers')
      this.bytes += chunk.length
      if (this.bytes > input.size)
        throw new ZipSourceChangedError(input.name, input.size, this.bytes)
      this.crc = zlib.crc32(chunk, this.crc)
      this.onChunk?.(input, chunk)
      yield chunk
    }
    if (this.bytes !== input.size)
      throw new ZipSourceChangedError(input.name, input.size, this.bytes)
  }

  /** All the bytes in one buffer. */
  async whole(): Promise<Buffer> {
    const chunks: Buffer[] = []
    for await (const chunk of this.chunks()) chunks.push(chunk)
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.input.size)
  }

  /** read()'s buffer as the one chunk (none for an empty file, as a stream gives none). */
  private async *readAtOnce(): AsyncGenerator<Buffer> {
    const bytes = await this.input.read!()
    this.signal.throwIfAborted()
    if (bytes.length) yield bytes
  }
}

/** Deflates a small entry in one go: the usual case, and the cheapest. */
async function packSmall(reader: EntryReader, input: ZipInput, level: number): Promise<Packed> {
  const raw = await reader.whole()
  const stored = packedEntry(METHOD_STORE, reader.crc, input.size, input.size, [raw])
  if (!input.compress || input.size === 0) return stored
  // one output chunk as big as the input: usually enough, and no 16 KiB buffer is held for a
  // small result
  const options = { level, chunkSize: Math.max(raw.length, zlib.constants.Z_MIN_CHUNK) }
  const deflated =
    raw.length <= SYNC_DEFLATE_LIMIT
      ? zlib.deflateRawSync(raw, options)
      : await deflateRaw(raw, options)
  if (deflated.length >= raw.length) return stored
  return packedEntry(METHOD_DEFLATE, reader.crc, input.size, deflated.length, [deflated])
}

/**
 * Streams the entry into `raw` and, deflated, into `deflated`; returns the deflated size. Past the
 * raw size the entry will be stored anyway, so `deflated` stops receiving (the count goes on).
 *
 * One big entry is deflated on several threads, as pigz does: the input is cut into blocks of
 * DEFLATE_BLOCK bytes, each deflated on its own with the previous 32 KiB as dictionary and ended by a
 * sync flush (the last one finishes the stream); the outputs, concatenated in order, are one valid
 * deflate stream. Block boundaries depend only on offsets, so the bytes do not depend on how reads
 * are cut. Measured: 0.06% larger than one stream.
 */
async function deflateInto(
  reader: EntryReader,
  raw: Sink,
  deflated: Sink,
  level: number,
  size: number
): Promise<number> {
  let compressedSize = 0
  const queue: Array<Promise<Buffer>> = []
  let parts: Buffer[] = []
  let partBytes = 0
  let read = 0
  let dictionary: Buffer | undefined
  const submit = (last: boolean) => {
    const block = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes)
    const job = deflateRaw(block, {
      level,
      chunkSize: DEFLATE_CHUNK,
      ...(dictionary && { dictionary }),
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH
    })
    // Awaited in order below; a failure meanwhile must not surface as an unhandled rejection.
    job.catch(() => {})
    queue.push(job)
    dictionary = block.subarray(Math.max(0, block.length - DICTIONARY))
    parts = []
    partBytes = 0
  }
  const emit = async () => {
    const out = await queue.shift()!
    compressedSize += out.length
    if (compressedSize < size) await deflated.write(out)
  }
  try {
    for await (const chunk of reader.chunks()) {
      await raw.write(chunk)
      for (let offset = 0; offset < chunk.length; ) {
        const take = Math.min(DEFLATE_BLOCK - partBytes, chunk.length - offset)
        parts.push(take === chunk.length ? chunk : chunk.subarray(offset, offset + take))
        partBytes += take
        offset += take
        read += take
        // A full block at the very end is the last one: it is finished after the loop.
        if (partBytes === DEFLATE_BLOCK && read < size) {
          submit(false)
          while (queue.length >= BLOCKS_IN_FLIGHT) await emit()
        }
      }
    }
    submit(true)
    while (queue.length) await emit()
  } finally {
    await Promise.allSettled(queue)
  }
  return compressedSize
}

/** Where a streamed entry's bytes go. */
interface Sink {
  write(chunk: Buffer): Promise<void>
  close(): Promise<void>
  /** The bytes, for the writer; once closed. */
  data(): Packed['data']
  /** Drops the bytes: the other sink's are kept. */
  discard(): Promise<void>
}

class MemorySink implements Sink {
  private chunks: Buffer[] = []

  async write(chunk: Buffer): Promise<void> {
    this.chunks.push(chunk)
  }

  async close(): Promise<void> {}

  data(): Buffer[] {
    return this.chunks
  }

  async discard(): Promise<void> {
    this.chunks = []
  }
}

/** A temp file beside the output; `spills` tracks it until it is deleted. */
class FileSink implements Sink {
  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
    private readonly spills: Set<string>
  ) {}

  static async create(path: string, spills: Set<string>): Promise<FileSink> {
    // tracked before it exists (see temp-files.ts); settle() deletes it whatever becomes of the open
    spills.add(path)
    return new FileSink(await open(path, 'wx'), path, spills)
  }

  write(chunk: Buffer): Promise<void> {
    return writeAll(this.fh, chunk)
  }

  close(): Promise<void> {
    return this.fh.close()
  }

  data(): { spill: string } {
    return { spill: this.path }
  }

  async discard(): Promise<void> {
    this.spills.delete(this.path)
    await unlink(this.path)
  }
}

/** FileHandle.write may write less than asked (e.g. just before ENOSPC). */
async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done)
    done += bytesWritten
  }
}

async function copyFile(out: OutputFile, path: string): Promise<void> {
  const fh = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(IO_CHUNK)
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return
      await out.append(buffer.subarray(0, bytesRead))
    }
  } finally {
    await fh.close()
  }
}

/** The temp output: coalesces small writes, hashes everything in order, renames on commit. */
class OutputFile {
  position = 0
  private readonly hash = createHash('sha256')
  private readonly buffer = Buffer.allocUnsafe(IO_CHUNK)
  private used = 0

  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string
  ) {}

  static async create(path: string): Promise<OutputFile> {
    // tracked before it exists (see temp-files.ts)
    trackTemp(path)
    try {
      return new OutputFile(await open(path, 'wx'), path)
    } catch (e) {
      untrackTemp(path)
      throw e
    }
  }

  /** `data` may be reused by the caller once this resolves. */
  async append(data: Buffer): Promise<void> {
    this.hash.update(data)
    this.position += data.length
    if (this.used + data.length > this.buffer.length) await this.flush()
    if (data.length >= this.buffer.length) {
      await writeAll(this.fh, data)
    } else {
      data.copy(this.buffer, this.used)
      this.used += data.length
    }
  }

  /** Flushes, fsyncs and renames to `target`; returns the SHA-256 of everything written. */
  async commit(target: string): Promise<string> {
    await this.flush()
    await this.fh.sync()
    await this.fh.close()
    await rename(this.path, target)
    untrackTemp(this.path)
    return this.hash.digest('hex')
  }

  async discard(): Promise<void> {
    await this.fh.close().catch(() => {})
    await unlink(this.path).catch(() => {})
    untrackTemp(this.path)
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return
    await writeAll(this.fh, this.buffer.subarray(0, this.used))
    this.used = 0
  }
}

/**
 * Which values of an entry overflow into its ZIP64 extra field (APPNOTE 4.5.3). The local header
 * carries both sizes if either overflows; the central header carries, in this order, only those
 * of size, compressed size and offset whose 32-bit field is set to 0xFFFFFFFF.
 */
function zip64Layout(r: EntryRecord, force: boolean): Zip64Layout {
  const over = (v: number) => force || v >= MAX32
  const size = over(r.size)
  const compressedSize = over(r.compressedSize)
  const offset = over(r.offset)
  const local = size || compressedSize
  const central: number[] = []
  if (size) central.push(r.size)
  if (compressedSize) central.push(r.compressedSize)
  if (offset) central.push(r.offset)
  return {
    local,
    size,
    compressedSize,
    offset,
    central,
    version: local || offset ? VERSION_ZIP64 : VERSION
  }
}

interface Zip64Layout {
  local: boolean
  size: boolean
  compressedSize: boolean
  offset: boolean
  central: number[]
  version: number
}

const zip64ExtraLength = (values: number[]) => (values.length === 0 ? 0 : 4 + 8 * values.length)

function writeZip64Extra(target: Buffer, at: number, values: number[]): void {
  if (values.length === 0) return
  target.writeUInt16LE(0x0001, at)
  target.writeUInt16LE(8 * values.length, at + 2)
  values.forEach((v, i) => target.writeBigUInt64LE(BigInt(v), at + 4 + 8 * i))
}

function localHeader(r: EntryRecord, s: Settings): Buffer {
  const z = zip64Layout(r, s.forceZip64)
  const sizes = z.local ? [r.size, r.compressedSize] : []
  // from Node's shared pool: an ArrayBuffer of its own per entry makes V8 collect garbage far more often
  const b = Buffer.allocUnsafe(30 + r.name.length + zip64ExtraLength(sizes)).fill(0)
  b.writeUInt32LE(0x04034b50, 0)
  b.writeUInt16LE(z.version, 4)
  b.writeUInt16LE(FLAG_UTF8, 6)
  b.writeUInt16LE(r.method, 8)
  b.writeUInt16LE(s.dosTime, 10)
  b.writeUInt16LE(s.dosDate, 12)
  b.writeUInt32LE(r.crc, 14)
  b.writeUInt32LE(z.local ? MAX32 : r.compressedSize, 18)
  b.writeUInt32LE(z.local ? MAX32 : r.size, 22)
  b.writeUInt16LE(r.name.length, 26)
  b.writeUInt16LE(zip64ExtraLength(sizes), 28)
  r.name.copy(b, 30)
  writeZip64Extra(b, 30 + r.name.length, sizes)
  return b
}

/**
 * The central directory, built as entries are written. Records are packed into large blocks so
 * that 100,000 entries make a few dozen objects for the garbage collector, not 100,000.
 */
class CentralDirectory {
  private readonly blocks: Buffer[] = []
  private block = EMPTY
  private used = 0
  private count = 0

  constructor(private readonly settings: Settings) {}

  add(r: EntryRecord): void {
    const z = zip64Layout(r, this.settings.forceZip64)
    const length = 46 + r.name.length + zip64ExtraLength(z.central)
    if (this.used + length > this.block.length) {
      this.sealBlock()
      this.block = Buffer.alloc(Math.max(CD_BLOCK, length))
    }
    writeCentralHeader(this.block, this.used, r, z, this.settings)
    this.used += length
    this.count++
  }

  /** Writes the records, then the ZIP64 end record and locator if any EOCD field overflows, then the EOCD. */
  async writeTo(out: OutputFile): Promise<void> {
    this.sealBlock()
    const cdOffset = out.position
    for (const block of this.blocks) await out.append(block)
    const cdSize = out.position - cdOffset
    const { count, settings } = this
    const countOver = settings.forceZip64 || count >= MAX16
    const sizeOver = settings.forceZip64 || cdSize >= MAX32
    const offsetOver = settings.forceZip64 || cdOffset >= MAX32
    if (countOver || sizeOver || offsetOver) {
      await out.append(zip64EndRecord(count, cdSize, cdOffset))
      await out.append(zip64EndLocator(cdOffset + cdSize))
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    // number of this disk, disk where the central directory starts: 0
    end.writeUInt16LE(countOver ? MAX16 : count, 8)
    end.writeUInt16LE(countOver ? MAX16 : count, 10)
    end.writeUInt32LE(sizeOver ? MAX32 : cdSize, 12)
    end.writeUInt32LE(offsetOver ? MAX32 : cdOffset, 16)
    // comment length: 0
    await out.append(end)
  }

  private sealBlock(): void {
    if (this.used > 0) this.blocks.push(this.block.subarray(0, this.used))
    this.used = 0
  }
}

function writeCentralHeader(
  b: Buffer,
  at: number,
  r: EntryRecord,
  z: Zip64Layout,
  s: Settings
): void {
  b.writeUInt32LE(0x02014b50, at)
  b.writeUInt16LE((UNIX << 8) | z.version, at + 4)
  b.writeUInt16LE(z.version, at + 6)
  b.writeUInt16LE(FLAG_UTF8, at + 8)
  b.writeUInt16LE(r.method, at + 10)
  b.writeUInt16LE(s.dosTime, at + 12)
  b.writeUInt16LE(s.dosDate, at + 14)
  b.writeUInt32LE(r.crc, at + 16)
  b.writeUInt32LE(z.compressedSize ? MAX32 : r.compressedSize, at + 20)
  b.writeUInt32LE(z.size ? MAX32 : r.size, at + 24)
  b.writeUInt16LE(r.name.length, at + 28)
  b.writeUInt16LE(zip64ExtraLength(z.central), at + 30)
  // comment length, disk number start, internal attributes: 0 (the block is zero-filled)
  b.writeUInt32LE(r.isDir ? DIR_ATTRS : FILE_ATTRS, at + 38)
  b.writeUInt32LE(z.offset ? MAX32 : r.offset, at + 42)
  r.name.copy(b, at + 46)
  writeZip64Extra(b, at + 46 + r.name.length, z.central)
}

function zip64EndRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(56)
  b.writeUInt32LE(0x06064b50, 0)
  b.writeBigUInt64LE(44n, 4) // size of the rest of this record
  b.writeUInt16LE((UNIX << 8) | VERSION_ZIP64, 12)
  b.writeUInt16LE(VERSION_ZIP64, 14)
  // number of this disk, disk where the central directory starts: 0
  b.writeBigUInt64LE(BigInt(count), 24)
  b.writeBigUInt64LE(BigInt(count), 32)
  b.writeBigUInt64LE(BigInt(cdSize), 40)
  b.writeBigUInt64LE(BigInt(cdOffset), 48)
  return b
}

function zip64EndLocator(endRecordOffset: number): Buffer {
  const b = Buffer.alloc(20)
  b.writeUInt32LE(0x07064b50, 0)
  // disk with the ZIP64 end record: 0
  b.writeBigUInt64LE(BigInt(endRecordOffset), 8)
  b.writeUInt32LE(1, 16) // total number of disks
  return b
}
