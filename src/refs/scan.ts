import type { ResolvedConfig } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import { buildPackageModel, type PackageModel } from '../core/layout.js'
import { assertGlobalPackageExists, GLOBAL_PACKAGE_WANTED } from '../core/location.js'
import type { PackageSource } from '../core/source.js'
import { openPackageSource } from '../engine/open-source.js'
import { cmp } from '../core/findings.js'
import { isNonReference, isScanned, refKindForPath } from './extract.js'
import { mayHaveRefs } from './prefilter.js'
import { createExtractor, type Extractor } from './extractor.js'
import { createClaimList, scanClaimed, scanRest, type ClaimTally } from './scan-claimed.js'
import { ReferenceResolver, servedUrlOf, type Resolution } from './resolve.js'
import type { BaseHref, ExtractedRefs, RawRef } from './types.js'

export interface ScannedRef extends Pick<
  RawRef,
  'url' | 'line' | 'column' | 'kind' | 'tag' | 'cosmetic' | 'stylesheet'
> {
  from: string
  /** The page's `<base href>`, when it changed where this reference resolves. */
  base?: { url: string; line: number }
  resolution: Resolution
}

/** A link or a frame: what it opens is a page, which only a file is (a folder URL is no page the container serves). */
function isPageLoad(ref: RawRef): boolean {
  return ref.kind === 'html-link' || ref.tag === 'iframe' || ref.tag === 'frame'
}

/** Resolved links kept for reuse, at most: a bound on memory for sites with a great many distinct links. */
const MAX_CACHED_LINKS = 100_000

/** What a link (`<a href>`) can end in that is worth reporting, besides resolving to its page. */
const LINK_OUTCOMES: ReadonlySet<string> = new Set(['ok', 'broken', 'case-mismatch'])

export interface ReferenceScan {
  /** Files parsed and their bytes. */
  files: number
  bytes: number
  /** References that resolved to a package file (those with characters urlencode changes too). */
  resolved: number
  /** Every reference that is not a plain hit: broken, mis-cased, global, unsafe, external. */
  notable: ScannedRef[]
  /** Other hosts the pages need at first load, with how many references each. */
  external: Record<string, number>
  /** HTML/CSS/JS files over MAX_SCANNED_BYTES, not read: their references are unchecked (rule ref-unscanned). */
  unscanned: Array<{ path: string; size: number }>
}

/**
 * Takes files one at a time so the engine can feed it from whatever pass already reads the bytes; extraction runs
 * on worker threads (see extractor.ts) and `finish` waits for it.
 */
export interface ReferenceScanner {
  wants(pkgPath: string): boolean
  add(pkgPath: string, bytes: Buffer): void
  /** Counts and records what a scan of a claim list found (see scan-claimed.ts). */
  addTally(tally: ClaimTally): void
  /** Bytes handed to extraction and not yet back: callers that read ahead wait while this is high. */
  readonly backlog: number
  /** Settles once the backlog is at most `limit` bytes: readers wait on it so unscanned text cannot pile up. */
  below(limit: number): Promise<void>
  finish(): Promise<ReferenceScan>
}

/** Past this much text awaiting extraction, a reader should wait (bounded memory). */
export const SCAN_BACKLOG_LIMIT = 16 * 1024 * 1024

export function createReferenceScanner(
  pkg: PackageModel,
  config: ResolvedConfig,
  globalUrls: ReadonlySet<string> | undefined,
  /** Closed by `finish`. */
  extractor: Extractor
): ReferenceScanner {
  const resolver = new ReferenceResolver(pkg, config, globalUrls)
  // Links are link-broken's alone: with it off they are not resolved at all. A site's navigation repeats the same
  // links on every page of a folder, so they are resolved once per folder.
  const checkLinks = config.rules['link-broken'] !== 'off'
  const links = new Map<string, Resolution | undefined>()
  const resolveLink = (url: string, from: string): Resolution | undefined => {
    const key = `${url.startsWith('/') ? '' : from.slice(0, from.lastIndexOf('/') + 1)}\0${url}`
    if (links.has(key)) return links.get(key)
    const resolution = resolver.resolve(url, from, true)
    if (links.size < MAX_CACHED_LINKS) links.set(key, resolution)
    return resolution
  }
  const unscanned = pkg.files
    .filter((f) => refKindForPath(f.path) && !isScanned(f))
    .map(({ path, size }) => ({ path, size }))
  const skipped = new Set(unscanned.map((f) => f.path))
  const scan: ReferenceScan = {
    files: 0,
    bytes: 0,
    resolved: 0,
    notable: [],
    external: {},
    unscanned
  }
  const inFlight = new Set<Promise<void>>()
  const waiters: Array<{ limit: number; wake: () => void }> = []
  let backlog = 0
  let failure: unknown

  const record = (pkgPath: string, { refs, baseHref }: ExtractedRefs) => {
    const pageUrl = resolver.baseUrlOf(pkgPath)
    let base = pageUrl
    let applied: BaseHref | undefined
    // A placeholder (`<base href="{{ base }}">`) is filled in at run time: resolve as if it were not there.
    if (baseHref && !isNonReference(baseHref.url)) {
      try {
        base = new URL(baseHref.url, base).href
        applied = baseHref
      } catch {
        // An unparsable <base href> is ignored by browsers too.
      }
    }
    for (const ref of refs) {
      // A webpack runtime's chunk folder is root-relative and loaded by the runtime: no <base> plays a part.
      const chunks = ref.kind === 'js-chunk-folder'
      // What the parser fetches before it reaches <base> (a script above it) is resolved against the page itself.
      const afterBase =
        !chunks &&
        applied !== undefined &&
        (ref.line > applied.line || (ref.line === applied.line && ref.column > applied.column))
      if (ref.kind === 'html-link' && !checkLinks) continue
      const from = afterBase ? base : pageUrl
      // An unfilled placeholder is requested as written: reported as such, not resolved into a wrong path.
      const resolution: Resolution | undefined = chunks
        ? resolver.chunkFolder(ref.url, ref.suffix ?? '', pkgPath)
        : ref.placeholder
          ? { outcome: 'placeholder' }
          : ref.kind === 'html-link'
            ? resolveLink(ref.url, from)
            : resolver.resolve(ref.url, from, isPageLoad(ref))
      if (!resolution) continue
      // A link matters only when it should stay in the package and does not: another site, a global resource or a
      // template's address is no page of this package to check.
      if (ref.kind === 'html-link' && !LINK_OUTCOMES.has(resolution.outcome)) continue
      if (resolution.outcome === 'external') {
        scan.external[resolution.origin!] = (scan.external[resolution.origin!] ?? 0) + 1
      }
      if (resolution.outcome === 'ok') {
        scan.resolved++
        // A hit whose URL has characters urlencode changes still resolves, and is kept for ref-url-unsafe.
        if (!resolution.unsafeChars) continue
      }
      scan.notable.push({
        from: pkgPath,
        url: ref.url,
        line: ref.line,
        column: ref.column,
        kind: ref.kind,
        ...(ref.tag && { tag: ref.tag }),
        ...(ref.cosmetic && { cosmetic: true }),
        ...(ref.stylesheet && { stylesheet: true }),
        ...(afterBase && { base: { url: applied!.url, line: applied!.line } }),
        resolution
      })
    }
  }

  const drained = async () => {
    while (inFlight.size) await Promise.all(inFlight)
    if (failure) throw failure
  }

  return {
    wants: (p) => refKindForPath(p) !== undefined && !skipped.has(p),
    get backlog() {
      return backlog
    },
    add(pkgPath, bytes) {
      const size = bytes.length
      scan.files++
      scan.bytes += size
      if (!mayHaveRefs(pkgPath, bytes)) return
      backlog += size
      const task = extractor
        .extract(pkgPath, bytes)
        .then(
          (refs) => record(pkgPath, refs),
          (e: unknown) => {
            failure ??= e
          }
        )
        .finally(() => {
          backlog -= size
          inFlight.delete(task)
          for (let i = waiters.length - 1; i >= 0; i--) {
            if (backlog <= waiters[i].limit) waiters.splice(i, 1)[0].wake()
          }
        })
      inFlight.add(task)
    },
    addTally(tally) {
      scan.files += tally.files
      scan.bytes += tally.bytes
      for (const { path, refs } of tally.found) record(path, refs)
    },
    below(limit) {
      if (backlog <= limit) return Promise.resolve()
      return new Promise((wake) => waiters.push({ limit, wake }))
    },
    async finish() {
      try {
        extractor.settle()
        await drained()
      } finally {
        await extractor.close()
      }
      // Findings are sorted later; the notable list is sorted here so the report does not depend on timing.
      scan.notable.sort((a, b) => cmp(a.from, b.from) || a.line - b.line || a.column - b.column)
      return scan
    }
  }
}

const READ_CONCURRENCY = 8

/**
 * Below this much HTML/CSS/JS, validate scans on the main thread alone: a worker costs its start-up and warms up its
 * own JIT, and measured on two cores it paid off on the 415 MB benchmark tree (0.84× the wall time, with 220 MB to
 * scan) and lost on the 10 MB one (1.12×). The 79 MB tree, with 74 MB of HTML/CSS/JS, has one: it broke even
 * there while the main thread left every file over 1 MiB to it, and since that limit is 2 MiB, 0.96× the time.
 */
const VALIDATE_WORKER_MIN_BYTES = 64 * 1024 * 1024

/** The extractor for scanReferences. Here the main thread only reads, so it extracts too. */
export function createValidateExtractor(pkg: PackageModel): Extractor {
  const bytes = pkg.files.reduce((n, f) => (isScanned(f) ? n + f.size : n), 0)
  return createExtractor({ shareMainThread: true, workers: bytes >= VALIDATE_WORKER_MIN_BYTES })
}

/**
 * Validate's pass over the HTML/CSS/JS files; closes the extractor. In a directory every thread reads its share
 * itself (see scan-claimed.ts): no bytes cross threads and no message goes per file. A zip's entries are read
 * here, a few at a time, and handed over.
 */
export async function scanReferences(
  pkg: PackageModel,
  source: PackageSource,
  config: ResolvedConfig,
  extractor: Extractor
): Promise<ReferenceScan> {
  try {
    const queue = pkg.files.filter(isScanned)
    const scannerFor = async () =>
      createReferenceScanner(
        pkg,
        config,
        config.globalPackage ? await loadGlobalUrls(config.globalPackage, config) : undefined,
        extractor
      )
    const listed = source.listed?.bind(source)
    if (!listed) return await readAndScan(queue, source, await scannerFor())
    // Largest first: workers start on the big files, the main thread on the small ones, and they meet late.
    const list = createClaimList(
      queue
        .map((f) => ({ path: f.path, size: f.size, file: listed(f.source) }))
        .sort((a, b) => b.size - a.size)
    )
    const workers = extractor.scanClaimList(list)
    // Awaited below, after this thread's share; a failure meanwhile must not count as unhandled.
    workers.catch(() => {})
    const mine: ClaimTally = { files: 0, bytes: 0, found: [] }
    scanClaimed(list, 'back', mine)
    const theirs = await workers
    scanRest(list, mine)
    const scanner = await scannerFor()
    for (const tally of [mine, ...theirs]) scanner.addTally(tally)
    return await scanner.finish()
  } finally {
    await extractor.close()
  }
}

/** Reads the files a few at a time and hands them to the scanner; the scanner waits while its backlog is high. */
async function readAndScan(
  queue: PackageModel['files'],
  source: PackageSource,
  scanner: ReferenceScanner
): Promise<ReferenceScan> {
  let next = 0
  const reader = async () => {
    while (next < queue.length) {
      const f = queue[next++]
      await scanner.below(SCAN_BACKLOG_LIMIT)
      scanner.add(f.path, await source.readFile(f.source))
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, reader))
  } catch (e) {
    // Stop the workers before reporting the read failure.
    await scanner.finish().catch(() => {})
    throw e
  }
  return scanner.finish()
}

/** The URLs a global package serves, for ref-global-missing. */
export async function loadGlobalUrls(
  location: string,
  config: ResolvedConfig
): Promise<Set<string>> {
  // Said of the global package, not of the package being checked: the advice the engine gives for a package
  // (--app-id, a missing path) would make the package being checked a global one.
  assertGlobalPackageExists(location)
  try {
    return await globalUrlsOf(location, config)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    if (e.subject === 'globalPackage') throw e
    // Errors about the source itself name it; the others come from laying out what is not laid out.
    const what =
      e.subject === location
        ? `cannot be read (${e.message})`
        : 'is a plain build output, not a laid-out global package'
    throw new UsageError(
      `--global-package ${location} ${what}: ${GLOBAL_PACKAGE_WANTED}`,
      'globalPackage'
    )
  }
}

async function globalUrlsOf(location: string, config: ResolvedConfig): Promise<Set<string>> {
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
    // A standard package given by mistake (`ID/www/…`) would make every global URL "missing" for no clear reason.
    // Folders only: a file straight under the ID folder (`20171228/index.html`) has a dot but is no host.
    const folders = new Set(
      model.files.map((f) => f.path.split('/')).flatMap((s) => (s.length > 2 ? [s[1]!] : []))
    )
    if (model.files.length && ![...folders].some((f) => /[.:]/.test(f))) {
      throw new UsageError(
        `--global-package ${location} is a standard package (its files are under ${model.id}/${[...folders].map((f) => `${f}/`)[0] ?? ''}), not a global resource package, whose second-level folder is the host it is served from: ${GLOBAL_PACKAGE_WANTED}`,
        'globalPackage'
      )
    }
    return new Set(model.files.map((f) => servedUrlOf(f.path)))
  } finally {
    await source.close()
  }
}
