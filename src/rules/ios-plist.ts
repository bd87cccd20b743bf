import fs from 'node:fs/promises'
import type { Element, Node } from '@xmldom/xmldom'
import { UsageError } from '../core/errors.js'

/** A key's value: its text when it is a string, else the plist type found and, for a number, how it reads. */
export type PlistValue = { text: string } | { type: string; shown?: string }

export interface IosVersions {
  productVersion?: PlistValue
  shortVersion?: PlistValue
}

const PRODUCT_VERSION = 'Product Version'
const SHORT_VERSION = 'CFBundleShortVersionString'

const cache = new Map<string, Promise<IosVersions>>()

/** mPaaS apps keep their own `Product Version` key beside Apple's CFBundleShortVersionString. */
export function readIosVersions(file: string): Promise<IosVersions> {
  let p = cache.get(file)
  if (!p) {
    p = load(file)
    cache.set(file, p)
  }
  return p
}

/** `an integer (10)`, `a dict`: the type found where a string was expected, for messages. */
export function describeValue(v: { type: string; shown?: string }): string {
  const article = /^[aeiou]/.test(v.type) ? 'an' : 'a'
  return `${article} ${v.type}${v.shown === undefined ? '' : ` (${v.shown})`}`
}

async function load(file: string): Promise<IosVersions> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (e) {
    throw new UsageError(
      `Info.plist ${file} cannot be read (${(e as NodeJS.ErrnoException).code}): check --info-plist`,
      'infoPlist'
    )
  }
  const invalid = (why: string) =>
    new UsageError(`${file} is not a valid Info.plist: ${why}`, 'infoPlist')
  let root: Map<string, PlistValue | undefined> | string
  // Xcode keeps Info.plist as XML; a plist taken from a built .app is binary.
  if (bytes.subarray(0, 6).toString('latin1') === 'bplist') {
    // Loaded only for packages checked against an Info.plist.
    const { parseBinary } = await import('plist')
    let data: unknown
    try {
      data = parseBinary(bytes)
    } catch {
      // the library's own words ("Unsupported int size: 6") say nothing to someone holding a truncated file
      throw invalid('the binary plist is damaged or cut short')
    }
    root = fromBinary(data)
  } else {
    root = await fromXml(bytes, invalid)
  }
  if (typeof root === 'string')
    throw invalid(`its top level is ${root}, where an Info.plist has a dict`)
  return { productVersion: root.get(PRODUCT_VERSION), shortVersion: root.get(SHORT_VERSION) }
}

function binaryType(v: unknown): { type: string; shown?: string } {
  // a binary plist does not say here whether a number was an integer or a real: both come back as numbers
  if (typeof v === 'number') return { type: 'number', shown: String(v) }
  if (typeof v === 'boolean') return { type: 'boolean', shown: String(v) }
  if (v === null) return { type: 'null' }
  if (v instanceof Date) return { type: 'date' }
  if (v instanceof Uint8Array) return { type: 'data' }
  if (Array.isArray(v)) return { type: 'array' }
  return { type: 'dict' }
}

function fromBinary(data: unknown): Map<string, PlistValue | undefined> | string {
  const t = binaryType(data)
  if (t.type !== 'dict') return describeValue({ type: t.type })
  const dict = data as Record<string, unknown>
  const value = (key: string): PlistValue | undefined => {
    if (!Object.hasOwn(dict, key)) return undefined
    const v = dict[key]
    return typeof v === 'string' ? { text: v } : binaryType(v)
  }
  return new Map([
    [PRODUCT_VERSION, value(PRODUCT_VERSION)],
    [SHORT_VERSION, value(SHORT_VERSION)]
  ])
}

/**
 * Apple's tools read UTF-8 and UTF-16 XML plists, with or without a byte order mark; the encoding is told by the
 * first bytes, as XML itself does it, whatever the `<?xml encoding?>` says.
 */
function decodeXml(bytes: Buffer): string | undefined {
  const [a, b] = bytes
  const label =
    a === 0xfe && b === 0xff
      ? 'utf-16be'
      : a === 0xff && b === 0xfe
        ? 'utf-16le'
        : a === 0x00 && b === 0x3c
          ? 'utf-16be'
          : a === 0x3c && b === 0x00
            ? 'utf-16le'
            : 'utf-8'
  try {
    // TextDecoder drops the byte order mark
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

const VALUE_TAGS = new Set([
  'string',
  'integer',
  'real',
  'true',
  'false',
  'date',
  'data',
  'array',
  'dict'
])

async function fromXml(
  bytes: Buffer,
  invalid: (why: string) => UsageError
): Promise<Map<string, PlistValue | undefined> | string> {
  const text = decodeXml(bytes)
  if (text === undefined) throw invalid('it is neither a binary plist nor UTF-8 or UTF-16 text')
  const { DOMParser } = await import('@xmldom/xmldom')
  let problem: string | undefined
  let doc
  try {
    doc = new DOMParser({
      // Without a handler xmldom writes every complaint to the console: one line of ours says it instead.
      onError(level, message, handler) {
        if (level === 'warning') return
        const line = handler.locator?.lineNumber
        problem ??= `${message.split('\n')[0].trim()}${line ? ` (line ${line})` : ''}`
        throw new Error(problem)
      }
    }).parseFromString(text, 'text/xml')
  } catch {
    throw invalid(`the XML is malformed: ${problem ?? 'it cannot be parsed'}`)
  }
  const elements = (node: Node) =>
    Array.from(node.childNodes).filter((n): n is Element => n.nodeType === n.ELEMENT_NODE)
  const plist = doc.documentElement
  if (!plist || plist.nodeName !== 'plist')
    throw invalid(`its first element is <${plist?.nodeName ?? ''}>, not <plist>`)
  const top = elements(plist)[0]
  if (!top) throw invalid('the <plist> element is empty')
  if (top.nodeName !== 'dict') return describeValue({ type: typeName(top.nodeName) })
  const found = new Map<string, PlistValue | undefined>()
  const entries = elements(top)
  for (let i = 0; i < entries.length; i += 2) {
    const [key, value] = [entries[i], entries[i + 1]]
    if (key.nodeName !== 'key') throw invalid(`<${key.nodeName}> where the dict has a <key>`)
    if (!value) throw invalid(`the key ${JSON.stringify(key.textContent)} has no value`)
    if (!VALUE_TAGS.has(value.nodeName))
      throw invalid(
        `the key ${JSON.stringify(key.textContent)} is followed by <${value.nodeName}>, which is not a plist value`
      )
    const name = key.textContent ?? ''
    if (name !== PRODUCT_VERSION && name !== SHORT_VERSION) continue
    const content = value.textContent ?? ''
    found.set(
      name,
      value.nodeName === 'string'
        ? { text: content }
        : {
            type: typeName(value.nodeName),
            ...(['integer', 'real'].includes(value.nodeName) && { shown: content.trim() })
          }
    )
  }
  return found
}

function typeName(tag: string): string {
  return tag === 'true' || tag === 'false' ? 'boolean' : tag
}
