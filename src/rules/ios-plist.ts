import fs from 'node:fs/promises'
import { UsageError } from '../core/errors.js'

export interface IosVersions {
  productVersion?: string
  shortVersion?: string
}

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

async function load(file: string): Promise<IosVersions> {
  let text: Buffer
  try {
    text = await fs.readFile(file)
  } catch (e) {
    throw new UsageError(
      `Info.plist ${file} cannot be read (${(e as NodeJS.ErrnoException).code}): check --info-plist`,
      'infoPlist'
    )
  }
  // Loaded only for packages checked against an Info.plist: with its XML parser it is most of the bundle.
  const { parse, parseBinary } = await import('plist')
  let data: unknown
  try {
    // Xcode keeps Info.plist as XML; a plist taken from a built .app is binary.
    data =
      text.subarray(0, 6).toString('latin1') === 'bplist'
        ? parseBinary(text)
        : parse(text.toString('utf8'))
  } catch (e) {
    throw new UsageError(`${file} is not a valid Info.plist: ${(e as Error).message}`, 'infoPlist')
  }
  const dict = (data ?? {}) as Record<string, unknown>
  const str = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : undefined
  return {
    productVersion: str(dict['Product Version']),
    shortVersion: str(dict.CFBundleShortVersionString)
  }
}
