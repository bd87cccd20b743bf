import zlib from 'node:zlib'

/**
 * A tiny raw ZIP writer for tests: local headers, central directory, end record, byte by byte, with knobs a
 * well-behaved writer would never expose (raw name bytes, lying sizes, forged flags and attributes).
 */
export interface CraftEntry {
  /** A string is written as UTF-8; a Buffer as is. */
  name: string | Buffer
  data?: Buffer | string
  /** The name the local header carries, when it should differ from the central directory's. */
  localName?: string | Buffer
  /** 0 stored, 8 deflated (default 8 for non-empty data). */
  method?: number
  /** Sets general purpose bit 11 (names are UTF-8). */
  utf8Flag?: boolean
  /** ORed into the general purpose flags (1: encrypted). */
  flags?: number
  /** Unix mode put in the high 16 bits of the external attributes (default 0o100644, 0o40755 for `x/`). */
  mode?: number
  /** Overrides the whole external attributes field. */
  externalAttr?: number
  /** Declared uncompressed size (default: the real one). */
  size?: number
  /** Declared compressed size (default: the real one). */
  compressedSize?: number
  crc?: number
  /** Raw extra field, in both headers. */
  extra?: Buffer
  /** Central directory offset of the local header (default: where it really is). */
  offset?: number
}

export interface CraftOptions {
  /** Entry count written in the end record (default: the real one). */
  entryCount?: number
  /** Central directory offset written in the end record (default: the real one). */
  centralDirectoryOffset?: number
}

export function craftZip(entries: readonly CraftEntry[], options: CraftOptions = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let position = 0
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0))
    const method = e.method ?? (data.length ? 8 : 0)
    const body = method === 8 ? zlib.deflateRawSync(data) : data
    const flags = (e.flags ?? 0) | (e.utf8Flag ? 0x800 : 0)
    const crc = e.crc ?? zlib.crc32(data)
    const size = e.size ?? data.length
    const compressedSize = e.compressedSize ?? body.length
    const extra = e.extra ?? Buffer.alloc(0)
    const isDir = name.length > 0 && name[name.length - 1] === 0x2f
    const mode = e.mode ?? (isDir ? 0o40755 : 0o100644)
    const attr = e.externalAttr ?? ((mode << 16) | (isDir ? 0x10 : 0)) >>> 0

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10) // time
    local.writeUInt16LE(0x21, 12) // date: 1980-01-01
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressedSize, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(extra.length, 28)
    const offset = e.offset ?? position
    const localName =
      e.localName === undefined
        ? name
        : typeof e.localName === 'string'
          ? Buffer.from(e.localName, 'utf8')
          : e.localName
    local.writeUInt16LE(localName.length, 26)
    locals.push(local, localName, extra, body)
    position += local.length + localName.length + extra.length + body.length

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x031e, 4) // made by Unix, 3.0
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressedSize, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt16LE(extra.length, 30)
    central.writeUInt16LE(0, 32) // comment length
    central.writeUInt16LE(0, 34) // disk
    central.writeUInt16LE(0, 36) // internal attributes
    central.writeUInt32LE(attr, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name, extra)
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const count = options.entryCount ?? entries.length
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(options.centralDirectoryOffset ?? position, 16)
  return Buffer.concat([...locals, cd, end])
}

/** An Info-ZIP Unicode Path extra field (0x7075) giving `unicodeName` for the header name `rawName`. */
export function unicodePathExtra(rawName: Buffer, unicodeName: string): Buffer {
  const name = Buffer.from(unicodeName, 'utf8')
  const field = Buffer.alloc(4 + 5 + name.length)
  field.writeUInt16LE(0x7075, 0)
  field.writeUInt16LE(5 + name.length, 2)
  field.writeUInt8(1, 4)
  field.writeUInt32LE(zlib.crc32(rawName), 5)
  name.copy(field, 9)
  return field
}
