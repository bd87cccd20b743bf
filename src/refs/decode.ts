import type { SourceKind } from './extract.js'

/**
 * The encoding a browser decodes an HTML/CSS/JS file of the package with, when it is not UTF-8: a byte order mark
 * says UTF-16; else a page's `<meta charset>` (or `http-equiv="Content-Type"`) in its first 1024 bytes, a
 * stylesheet's leading `@charset "…";`. Legacy pages saved as GBK or GB18030 are common in Chinese apps, and read
 * as UTF-8 their non-ASCII file names would be garbled into false `ref-broken` errors. A script's own encoding
 * comes from the page that loads it (a `charset` attribute), which the scan does not follow: scripts are read as
 * UTF-8 unless they start with a UTF-16 byte order mark.
 *
 * Returns a label TextDecoder knows, or undefined for UTF-8 (also for a label it does not know, and for a
 * declared UTF-16 without a byte order mark, which browsers read as UTF-8 too).
 */
export function sniffEncoding(kind: SourceKind | undefined, bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined
  const label =
    kind === 'html' ? metaCharset(bytes) : kind === 'css' ? cssCharset(bytes) : undefined
  return label === undefined ? undefined : supported(label)
}

/** Whether `bytes` start with a UTF-16 byte order mark (such a file is all NUL-interleaved to a byte search). */
export function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}

/** The file's text in `encoding` (see sniffEncoding); a byte order mark is dropped. */
export function decodeAs(bytes: Buffer, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes)
}

/** How far into a page browsers look for its declared encoding (the HTML standard's prescan). */
const PRESCAN_BYTES = 1024

// `charset=` as an attribute or inside `content="text/html; charset=gbk"`; comments are not skipped (a
// commented-out declaration is rare, and its encoding is usually the page's anyway).
const META_CHARSET = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([^\s"';>/]+)/i

function metaCharset(bytes: Buffer): string | undefined {
  return META_CHARSET.exec(bytes.toString('latin1', 0, PRESCAN_BYTES))?.[1]
}

const AT_CHARSET = Buffer.from('@charset "')

function cssCharset(bytes: Buffer): string | undefined {
  if (!bytes.subarray(0, AT_CHARSET.length).equals(AT_CHARSET)) return undefined
  const end = bytes.indexOf('";', AT_CHARSET.length)
  return end === -1 || end > 64 ? undefined : bytes.toString('latin1', AT_CHARSET.length, end)
}

function supported(label: string): string | undefined {
  let encoding: string
  try {
    encoding = new TextDecoder(label).encoding
  } catch {
    return undefined
  }
  return encoding === 'utf-8' || encoding.startsWith('utf-16') ? undefined : encoding
}
