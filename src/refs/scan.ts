import type { ResolvedConfig } from '../core/config.js'
import { buildPackageModel, type PackageModel } from '../core/layout.js'
import type { PackageSource } from '../core/source.js'
import { openPackageSource } from '../engine/open-source.js'
import { extractRefs, isNonReference, refKindForPath } from './extract.js'
import { ReferenceResolver, servedUrlOf, type Resolution } from './resolve.js'
import type { RawRef } from './types.js'

export interface ScannedRef extends Pick<RawRef, 'url' | 'line' | 'column' | 'kind' | 'cosmetic'> {
  from: string
  resolution: Resolution
}

export interface ReferenceScan {
  /** Files parsed and their bytes. */
  files: number
  bytes: number
  /** References that resolved to a package file. */
  resolved: number
  /** Every reference that is not a plain hit: broken, mis-cased, global, unsafe, external. */
  notable: ScannedRef[]
  /** Other hosts the pages need at first load, with how many references each. */
  external: Record<string, number>
}

/** Reads one file at a time so the engine can feed it from whatever pass already reads the bytes. */
export interface ReferenceScanner {
  wants(pkgPath: string): boolean
  add(pkgPath: string, bytes: Buffer): void
  result(): ReferenceScan
}

export function createReferenceScanner(
  pkg: PackageModel,
  config: ResolvedConfig,
  globalUrls?: ReadonlySet<string>
): ReferenceScanner {
  const resolver = new ReferenceResolver(pkg, config, globalUrls)
  const scan: ReferenceScan = { files: 0, bytes: 0, resolved: 0, notable: [], external: {} }
  return {
    wants: (p) => refKindForPath(p) !== undefined,
    add(pkgPath, bytes) {
      scan.files++
      scan.bytes += bytes.length
      if (!mayHoldReferences(pkgPath, bytes)) return
      const { refs, baseHref } = extractRefs(pkgPath, bytes.toString('utf8'))
      let base = resolver.baseUrlOf(pkgPath)
      // A placeholder (`<base href="{{ base }}">`) is filled in at run time: resolve as if it were not there.
      if (baseHref && !isNonReference(baseHref.url)) {
        try {
          base = new URL(baseHref.url, base).href
        } catch {
          // An unparsable <base href> is ignored by browsers too.
        }
      }
      for (const ref of refs) {
        const resolution = resolver.resolve(ref.url, base)
        if (!resolution) continue
        if (resolution.outcome === 'external') {
          scan.external[resolution.origin!] = (scan.external[resolution.origin!] ?? 0) + 1
        }
        if (resolution.outcome === 'ok' && !resolution.unsafeChars) {
          scan.resolved++
          continue
        }
        scan.notable.push({
          from: pkgPath,
          url: ref.url,
          line: ref.line,
          column: ref.column,
          kind: ref.kind,
          ...(ref.cosmetic && { cosmetic: true }),
          resolution
        })
      }
    },
    result: () => scan
  }
}

/**
 * Decoding and lexing are most of the scan's cost; a byte search (memchr speed) rules out most stylesheets and
 * many scripts first. A reference needs one of these words in the file's bytes: CSS `url(`, `src(`, `@import`,
 * `image-set(`; JS `import` (static, dynamic, `import.meta`) or `export … from`. CSS that spells them with escapes
 * (`\75 rl(`) is not seen.
 */
function mayHoldReferences(pkgPath: string, bytes: Buffer): boolean {
  switch (refKindForPath(pkgPath)) {
    case 'css':
      return (
        bytes.includes('url(') ||
        bytes.includes('@import') ||
        bytes.includes('src(') ||
        bytes.includes('image-set(')
      )
    case 'js':
      return bytes.includes('import') || (bytes.includes('export') && bytes.includes('from'))
    default:
      return true
  }
}

const READ_CONCURRENCY = 8

/** The validate-only pass: reads just the HTML/CSS/JS files, a few at a time. */
export async function scanReferences(
  pkg: PackageModel,
  source: PackageSource,
  config: ResolvedConfig
): Promise<ReferenceScan> {
  const globalUrls = config.globalPackage
    ? await loadGlobalUrls(config.globalPackage, config)
    : undefined
  const scanner = createReferenceScanner(pkg, config, globalUrls)
  const queue = pkg.files.filter((f) => scanner.wants(f.path))
  let next = 0
  const worker = async () => {
    while (next < queue.length) {
      const f = queue[next++]
      scanner.add(f.path, await source.readFile(f.source))
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker))
  return scanner.result()
}

/** The URLs a global package serves, for ref-global-missing. */
export async function loadGlobalUrls(
  location: string,
  config: ResolvedConfig
): Promise<Set<string>> {
  const source = await openPackageSource(location, config)
  try {
    // Only the global package's own layout counts: not the --layout, --include or --exclude given for the
    // standard package being checked.
    const model = buildPackageModel(source, {
      ...config,
      type: 'global',
      layout: 'auto',
      include: [],
      exclude: [],
      mainEntry: undefined
    })
    return new Set(model.files.map((f) => servedUrlOf(f.path)))
  } finally {
    await source.close()
  }
}
