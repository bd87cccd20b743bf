import fs from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { TextDecoder } from 'node:util'
import zlib from 'node:zlib'
import yauzl from 'yauzl'
import { UsageError } from './errors.js'
import { cmp, type MessageArgs } from './findings.js'
import { guessGbk, hexBytes } from './name-bytes.js'
import type { PackageSource, SourceEntry, SourceIssue } from './source.js'

export interface ZipSourceOptions {
  /** Most central-directory entries (and folders their paths imply) accepted before the zip is refused. */
  maxEntries: number
  /** Most uncompressed bytes the central directory may declare in total. */
  maxBytes: number
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000
const FLAG_ENCRYPTED = 0x1
const UNICODE_PATH_FIELD = 0x7075
/** Symlink targets are read for the finding only when this small. */
const MAX_LINK_TARGET = 1024
/** Darwin's PATH_MAX: a longer name cannot be unpacked on an iPhone, and capping it bounds what we hold. */
const MAX_NAME_BYTES = 1024
/** One entry inflating past this size at more than this ratio is a bomb, whatever the total cap says. */
const BOMB_SIZE = 100 * 1024 * 1024
const BOMB_RATIO = 1000
const LOCAL_HEADER_SIZE = 30

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** What is kept of a readable file entry: enough to stream it, not the whole yauzl Entry. */
interface FileRecord {
  offset: number
  compressedSize: number
  uncompressedSize: number
  method: number
  flags: number
  crc32: number
  /** The name as the central directory stores it, which the local header must repeat. */
  rawName: Buffer
}

interface Accepted {
  entry: SourceEntry
  record?: FileRecord
}

/**
 * Reads a zip without ever extracting it. Only the central directory is listed; entries whose names could
 * escape or be read two ways, links, encrypted and special entries become issues and are never readable. The
 * entry count and declared size are capped before anything is read, and every read is checked against the
 * size and CRC-32 the central directory declares.
 *
 * yauzl parses the container; names are decoded and judged here (`decodeStrings: false`), because yauzl's own
 * validation throws on the first bad name and would abort the whole listing instead of reporting each entry.
 */
export async function openZipSource(
  zipPath: string,
  options: ZipSourceOptions
): Promise<PackageSource> {
  const zipfile = await openZip(zipPath)
  try {
    const { entries, issues, files } = await list(zipfile, zipPath, options)
    return makeSource(zipfile, zipPath, entries, issues, files)
  } catch (e) {
    zipfile.close()
    throw e
  }
}

async function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  let fd: number
  let size: number
  try {
    // a plain descriptor, not a FileHandle: yauzl's reader owns it and closes it after the last stream
    fd = await new Promise<number>((resolve, reject) =>
      fs.open(zipPath, 'r', (err, fd) => (err ? reject(err) : resolve(fd)))
    )
  } catch (e) {
    throw cannotOpen(zipPath, e as NodeJS.ErrnoException)
  }
  try {
    size = fs.fstatSync(fd).size
  } catch (e) {
    fs.closeSync(fd)
    throw cannotOpen(zipPath, e as NodeJS.ErrnoException)
  }
  const reader = new FileReader(fd, size)
  const options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
    strictFileNames: false
  }
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, options, (err, zipfile) => {
      if (err) {
        fs.close(fd, () => {})
        const code = (err as NodeJS.ErrnoException).code
        reject(code ? cannotOpen(zipPath, err) : unreadable(zipPath, err))
        return
      }
      // The central directory is read entry by entry in small pieces; serve them from blocks. (The cursor
      // starts at the central directory offset; @types/yauzl mistypes it as a boolean.)
      reader.cacheFrom = Number(zipfile.readEntryCursor)
      // Listing errors reach eachEntry's own listener. Anything later is about closing the descriptor and,
      // without a listener, would crash the process.
      zipfile.on('error', () => {})
      resolve(zipfile)
    })
  })
}

function cannotOpen(zipPath: string, err: NodeJS.ErrnoException): UsageError {
  if (err.code === 'ENOENT') {
    return new UsageError(
      `${zipPath} does not exist: give the package directory or .zip file`,
      zipPath
    )
  }
  return new UsageError(`${zipPath} cannot be read (${err.code ?? err.message})`, zipPath)
}

const BLOCK_SIZE = 256 * 1024
const STREAM_CHUNK = 64 * 1024

/** Bytes [start, end) of a descriptor it does not own, by positioned reads. */
class RangeStream extends Readable {
  private position: number

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number
  ) {
    super({ highWaterMark: STREAM_CHUNK })
    this.position = start
  }

  _read(size: number): void {
    const length = Math.min(Math.max(size, STREAM_CHUNK), this.end - this.position)
    if (length <= 0) {
      this.push(null)
      return
    }
    const buffer = Buffer.allocUnsafe(length)
    fs.read(this.fd, buffer, 0, length, this.position, (err, n) => {
      if (this.destroyed) return
      if (err) return this.destroy(err)
      if (n === 0) return this.destroy(new Error('unexpected EOF'))
      this.position += n
      this.push(buffer.subarray(0, n))
    })
  }
}

/**
 * yauzl's own file reader (fd-slicer) pipes a stream for every read, twice per central directory entry: 15 s
 * for 200,000 entries. This one reads the central directory in 256 KiB blocks (1.5 s) and streams entry
 * data straight from the shared descriptor with positioned reads, so concurrent streams are safe.
 */
class FileReader extends yauzl.RandomAccessReader {
  /** Reads at or after this offset (the central directory) go through the block cache. */
  cacheFrom = Infinity
  private block: { start: number; bytes: Buffer } | undefined

  constructor(
    private readonly fd: number,
    private readonly size: number
  ) {
    super()
  }

  _readStreamForRange(start: number, end: number): Readable {
    // Not fs.createReadStream({ fd }): destroying one (a reader stopping early) would close the shared fd.
    return new RangeStream(this.fd, start, end)
  }

  read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void
  ): void {
    const block = this.block
    if (block && position >= block.start && position + length <= block.start + block.bytes.length) {
      block.bytes.copy(buffer, offset, position - block.start, position - block.start + length)
      process.nextTick(callback, null)
      return
    }
    if (position >= this.cacheFrom && length < BLOCK_SIZE) {
      const bytes = Buffer.allocUnsafe(Math.max(0, Math.min(BLOCK_SIZE, this.size - position)))
      fs.read(this.fd, bytes, 0, bytes.length, position, (err, n) => {
        if (err) return callback(err)
        this.block = { start: position, bytes: bytes.subarray(0, n) }
        if (n < length) return callback(new Error('unexpected EOF'))
        bytes.copy(buffer, offset, 0, length)
        callback(null)
      })
      return
    }
    fs.read(this.fd, buffer, offset, length, position, (err, n) => {
      if (err) return callback(err)
      callback(n < length ? new Error('unexpected EOF') : null)
    })
  }

  close(callback: (err: Error | null) => void): void {
    this.block = undefined
    fs.close(this.fd, callback)
  }
}

function unreadable(zipPath: string, err: Error, where = ''): UsageError {
  return new UsageError(
    `${zipPath} is not a readable zip file: ${err.message}${where} (give the plain .zip you upload to MDS: not a ` +
      '.tar.gz, a .7z or a self-extracting archive)',
    zipPath
  )
}

async function list(
  zipfile: yauzl.ZipFile,
  zipPath: string,
  { maxEntries, maxBytes }: ZipSourceOptions
): Promise<{ entries: SourceEntry[]; issues: SourceIssue[]; files: Map<string, FileRecord> }> {
  const count = zipfile.entryCount
  if (count > maxEntries) throw tooManyEntries(zipPath, count, maxEntries)

  const accepted = new Map<string, Accepted>()
  const issues: SourceIssue[] = []
  /** Links, encrypted and special entries are refused, but their well-formed paths still imply folders. */
  const refusedPaths: string[] = []
  let declared = 0
  let index = 0
  try {
    for await (const raw of zipfile.eachEntry()) {
      index++
      // every entry counts, read or not: the cap is on what the zip claims
      declared += raw.uncompressedSize
      checkBounds(zipPath, zipfile.fileSize, raw)
      const verdict = await judge(zipfile, raw)
      if ('issue' in verdict) {
        issues.push(verdict.issue)
        if (verdict.soundName) refusedPaths.push(verdict.issue.name)
        continue
      }
      const { entry } = verdict
      if (entry.kind === 'file') checkRatio(zipPath, entry.name, raw)
      const key = entry.name
      const prior = accepted.get(key)
      if (!prior) {
        accepted.set(key, { entry, record: verdict.record })
      } else if (prior.entry.kind === 'file' && entry.kind === 'directory') {
        // `a` and `a/`: the folder wins, so the folders implied by `a/…` paths agree with it.
        accepted.set(key, { entry, record: verdict.record })
        issues.push({ rule: 'duplicate-entry', name: key, args: { as: 'file and folder' } })
      } else {
        const args: MessageArgs = prior.entry.kind === entry.kind ? {} : { as: 'file and folder' }
        issues.push({ rule: 'duplicate-entry', name: key, args })
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw unreadable(zipPath, e as Error, ` (central directory entry ${index + 1} of ${count})`)
  }
  if (declared > maxBytes) {
    throw new UsageError(
      `${zipPath}: its entries declare ${formatBytes(declared)} uncompressed, more than the limit of ` +
        `${formatBytes(maxBytes)} (zip bomb?); raise limits.bytes if this is real`,
      zipPath
    )
  }

  // Folders implied by paths become entries, as a directory walk would list them. A file that has the name
  // of such a folder (`a` next to `a/b.js`) is a duplicate: no file system can hold both.
  let total = accepted.size
  for (const name of [...accepted.keys(), ...refusedPaths]) {
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
      const dir = name.slice(0, i)
      const there = accepted.get(dir)
      if (there?.entry.kind === 'directory') continue
      if (there)
        issues.push({ rule: 'duplicate-entry', name: dir, args: { as: 'file and folder' } })
      accepted.set(dir, { entry: { name: dir, kind: 'directory', size: 0 } })
      if (!there && ++total > maxEntries) throw tooManyEntries(zipPath, total, maxEntries, true)
    }
  }

  const entries: SourceEntry[] = []
  const files = new Map<string, FileRecord>()
  for (const { entry, record } of accepted.values()) {
    entries.push(entry)
    if (entry.kind === 'file' && record) files.set(entry.name, record)
  }
  entries.sort((a, b) => cmp(a.name, b.name))
  issues.sort((a, b) => cmp(a.name, b.name) || cmp(a.rule, b.rule))
  return { entries, issues, files }
}

function tooManyEntries(zipPath: string, count: number, max: number, implied = false): UsageError {
  const what = implied ? 'entries (counting the folders their paths imply)' : 'entries'
  return new UsageError(
    `${zipPath}: ${count} ${what} is more than the limit of ${max} (zip bomb?); raise limits.entries if this is real`,
    zipPath
  )
}

/**
 * A central directory pointing past the end of the file is lying; refuse it before anything is read. (A lower
 * bound: the local header's own name and extra field lengths are only known when the entry is opened.)
 */
function checkBounds(zipPath: string, fileSize: number, raw: yauzl.Entry): void {
  const end =
    raw.relativeOffsetOfLocalHeader + LOCAL_HEADER_SIZE + raw.fileNameLength + raw.compressedSize
  if (end > fileSize) {
    throw new UsageError(
      `${zipPath} is not a readable zip file: entry ${printable(raw.fileNameRaw)} claims bytes up to offset ` +
        `${end}, past the end of the ${fileSize}-byte file (truncated or forged)`,
      zipPath
    )
  }
}

function checkRatio(zipPath: string, name: string, raw: yauzl.Entry): void {
  const size = raw.uncompressedSize
  if (size > BOMB_SIZE && size > BOMB_RATIO * raw.compressedSize) {
    throw new UsageError(
      `${zipPath}: ${name} declares ${formatBytes(size)} from ${formatBytes(raw.compressedSize)} compressed, ` +
        `more than ${BOMB_RATIO}:1 (zip bomb?)`,
      zipPath
    )
  }
}

/** `soundName`: the entry is refused for what it is, not for its name, which can imply folders. */
type Verdict =
  | { issue: SourceIssue; soundName?: true }
  | { entry: SourceEntry; record?: FileRecord }

async function judge(zipfile: yauzl.ZipFile, raw: yauzl.Entry): Promise<Verdict> {
  const decoded = decodeName(raw)
  if (!decoded.ok) {
    return { issue: { rule: 'name-encoding', name: shown(decoded.name), args: decoded.args } }
  }
  const stored = decoded.name
  const isDir = stored.endsWith('/')
  const name = isDir && stored.length > 1 ? stored.slice(0, -1) : stored
  const reason = unsafeReason(stored, name, raw.fileNameRaw.length)
  if (reason) return { issue: { rule: 'unsafe-path', name: shown(name), args: { reason } } }

  const type = (raw.externalFileAttributes >>> 16) & S_IFMT
  if (type === S_IFLNK) {
    const target = await readLinkTarget(zipfile, raw)
    return { issue: { rule: 'symlink', name, args: { target } }, soundName: true }
  }
  if (raw.generalPurposeBitFlag & FLAG_ENCRYPTED) {
    return { issue: { rule: 'encrypted-entry', name, args: {} }, soundName: true }
  }
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    return { issue: { rule: 'special-file', name, args: {} }, soundName: true }
  }
  if (isDir) return { entry: { name, kind: 'directory', size: 0 } }
  return {
    entry: { name, kind: 'file', size: raw.uncompressedSize },
    record: {
      offset: raw.relativeOffsetOfLocalHeader,
      compressedSize: raw.compressedSize,
      uncompressedSize: raw.uncompressedSize,
      method: raw.compressionMethod,
      flags: raw.generalPurposeBitFlag,
      crc32: raw.crc32,
      rawName: raw.fileNameRaw
    }
  }
}

type Decoded = { ok: true; name: string } | { ok: false; name: string; args: MessageArgs }

/**
 * Phones and MDS read names as UTF-8, so that is the only encoding accepted, flag or no flag: Info-ZIP on
 * Linux and macOS writes UTF-8 without setting bit 11, and every real package does. Bytes that are not UTF-8
 * (GBK from Windows tools) are refused and shown in CP437, the zip default, so the finding stays printable.
 * An Info-ZIP Unicode Path field (0x7075) gives a second name; readers that honour it and readers that ignore
 * it must see the same one, otherwise the entry is refused too, under the field's name.
 */
function decodeName(raw: yauzl.Entry): Decoded {
  const bytes = raw.fileNameRaw
  let name: string | undefined
  try {
    name = utf8.decode(bytes)
  } catch {
    name = undefined
  }
  const unicodePath = unicodePathField(raw)
  if (name !== undefined && (unicodePath === undefined || unicodePath === name))
    return { ok: true, name }

  const args: MessageArgs = { bytes: hexBytes(bytes) }
  if (unicodePath === undefined) {
    const guess = guessGbk(bytes)
    if (guess !== undefined) args.gbk = guess
  }
  return { ok: false, name: unicodePath ?? cp437(bytes), args }
}

function unicodePathField(raw: yauzl.Entry): string | undefined {
  for (const field of raw.extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.length < 5 || field.data[0] !== 1) continue
    if (field.data.readUInt32LE(1) !== zlib.crc32(raw.fileNameRaw)) continue // stale: ignored, as the spec says
    try {
      return utf8.decode(field.data.subarray(5))
    } catch {
      return undefined
    }
  }
  return undefined
}

function cp437(bytes: Buffer): string {
  return yauzl.getFileNameLowLevel(0, bytes, [], true)
}

function printable(bytes: Buffer): string {
  let name: string
  try {
    name = utf8.decode(bytes)
  } catch {
    name = cp437(bytes)
  }
  return JSON.stringify(shown(name))
}

/** Names in issues are for people; a 60 KB name is cut so it cannot flood reports. */
function shown(name: string): string {
  return name.length > MAX_NAME_BYTES ? `${name.slice(0, 200)}…` : name
}

/**
 * Only what could escape the package or be read two ways is refused: `..`, absolute and drive-letter paths,
 * backslashes (a separator on Windows, a character elsewhere), `.` and empty segments, and NUL (C readers stop
 * there, so `a.html\0.txt` would be two names). Other control characters cannot escape anything; the entry is
 * kept and the name rules judge it. A colon after the first segment is fine (`host:8080/` folders are real).
 */
function unsafeReason(stored: string, name: string, byteLength: number): string | undefined {
  if (stored === '') return 'empty name'
  if (stored.includes('\0')) return 'NUL character'
  if (stored.includes('\\')) return 'backslash'
  if (stored.startsWith('/')) return 'absolute path'
  if (/^[A-Za-z]:/.test(stored)) return 'drive letter'
  const segments = name.split('/')
  if (segments.includes('..')) return '.. segment'
  if (segments.includes('.')) return '. segment'
  if (segments.includes('')) return 'empty segment'
  if (byteLength > MAX_NAME_BYTES) return `longer than ${MAX_NAME_BYTES} bytes`
  return undefined
}

/** The target is only for the finding: read when small and plain, else left empty. */
async function readLinkTarget(zipfile: yauzl.ZipFile, raw: yauzl.Entry): Promise<string> {
  if (
    raw.generalPurposeBitFlag & FLAG_ENCRYPTED ||
    (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) ||
    raw.uncompressedSize > MAX_LINK_TARGET ||
    raw.compressedSize > 2 * MAX_LINK_TARGET
  ) {
    return ''
  }
  try {
    const stream = await zipfile.openReadStreamPromise(raw)
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    return bytes.toString('utf8')
  } catch {
    return ''
  }
}

function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let value = n
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(1)} ${units[unit]} (${n} bytes)`
}

function makeSource(
  zipfile: yauzl.ZipFile,
  zipPath: string,
  entries: SourceEntry[],
  issues: SourceIssue[],
  files: Map<string, FileRecord>
): PackageSource {
  let closed = false
  let active = 0

  const open = (name: string): Readable => {
    const record = files.get(name)
    if (!record) throw new Error(`${name} is not a file of ${zipPath}`)
    if (closed) throw new Error(`${zipPath} is closed: cannot read ${name}`)
    active++
    const stream = streamEntry(zipfile, zipPath, name, record)
    stream.once('close', () => active--)
    return stream
  }

  return {
    kind: 'zip',
    location: zipPath,
    zipBytes: zipfile.fileSize,
    entries,
    issues,
    open,
    async readFile(name) {
      const chunks: Buffer[] = []
      for await (const chunk of open(name)) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    async verify(names) {
      // every file's local header, read or not; the bytes of those not read yet
      await checkLocalNames(zipPath, [...files.keys()], files)
      for (const name of names) {
        // drained: the stream itself checks the size and the CRC-32 (see streamEntry)
        for await (const chunk of open(name)) void chunk
      }
    },
    async close() {
      if (closed) return
      closed = true
      // Streams still open keep the file descriptor until they end; yauzl closes it after the last one.
      const done =
        active === 0
          ? new Promise<void>((resolve) => zipfile.once('close', () => resolve()))
          : undefined
      zipfile.close()
      await done
    }
  }
}

/**
 * Each entry's local header must carry the name its central directory record has: a reader that goes by local
 * headers (a streaming unzipper, Java's ZipInputStream) would otherwise see another file (`.env.js` where the
 * listing says `aaaa.js`, or `../../evil.js`) than the one every rule judged.
 */
async function checkLocalNames(
  zipPath: string,
  names: readonly string[],
  files: Map<string, FileRecord>
): Promise<void> {
  const fh = await fs.promises.open(zipPath, 'r')
  try {
    const head = Buffer.alloc(LOCAL_HEADER_SIZE)
    for (const name of names) {
      const record = files.get(name)
      if (!record) continue
      const { bytesRead } = await fh.read(head, 0, LOCAL_HEADER_SIZE, record.offset)
      const local =
        bytesRead === LOCAL_HEADER_SIZE && head.readUInt32LE(0) === 0x04034b50
          ? Buffer.alloc(head.readUInt16LE(26))
          : undefined
      if (local) await fh.read(local, 0, local.length, record.offset + LOCAL_HEADER_SIZE)
      if (!local || !local.equals(record.rawName)) {
        const says = local
          ? `names it ${printable(local)} in its local header`
          : 'has no local header'
        throw new UsageError(
          `${zipPath}: entry "${name}" ${says}: the zip says two things, and some readers would see the other; rebuild it (h5-offline pack)`,
          zipPath
        )
      }
    }
  } finally {
    await fh.close()
  }
}

/**
 * Streams one entry through yauzl (which inflates and, with validateEntrySizes, fails an entry that inflates
 * past its declared size) and checks the byte count and CRC-32 again here, so a corrupt or lying entry errors
 * with its name instead of handing rules silently wrong bytes.
 */
function streamEntry(
  zipfile: yauzl.ZipFile,
  zipPath: string,
  name: string,
  record: FileRecord
): Readable {
  const fail = (why: string) => new UsageError(`${zipPath}: cannot read ${name}: ${why}`, zipPath)
  let source: Readable | undefined
  let crc = 0
  let count = 0
  const out = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      count += chunk.length
      if (count > record.uncompressedSize) {
        return callback(
          fail(`it inflates to more than the ${record.uncompressedSize} bytes it declares`)
        )
      }
      crc = zlib.crc32(chunk, crc)
      callback(null, chunk)
    },
    flush(callback) {
      if (count !== record.uncompressedSize) {
        return callback(
          fail(`${count} bytes instead of the ${record.uncompressedSize} it declares`)
        )
      }
      if (crc !== record.crc32) return callback(fail('CRC-32 mismatch, the zip is damaged'))
      callback()
    },
    destroy(err, callback) {
      if (source && !source.readableEnded) source.destroy()
      callback(err)
    }
  })

  const entry = Object.assign(new yauzl.Entry(), {
    relativeOffsetOfLocalHeader: record.offset,
    compressedSize: record.compressedSize,
    uncompressedSize: record.uncompressedSize,
    compressionMethod: record.method,
    generalPurposeBitFlag: record.flags
  })
  zipfile.openReadStream(entry, (err, stream) => {
    if (err) {
      const hint = /unsupported compression method/.test(err.message)
        ? ' (MDS and phones read stored and deflated entries only: rebuild the zip, e.g. with h5-offline pack)'
        : ''
      out.destroy(fail(err.message + hint))
      return
    }
    if (out.destroyed) {
      stream.destroy()
      return
    }
    source = stream
    // `on`, not `once`: yauzl may forward a second error (zlib, then the byte count) before it sees the destroy
    stream.on('error', (e: Error) => out.destroy(fail(e.message)))
    stream.pipe(out)
  })
  return out
}
