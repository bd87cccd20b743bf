import { posix } from 'node:path'
import type { ResolvedConfig } from '../core/config.js'
import { cmp } from '../core/findings.js'
import { globalUrlOf, type PackageModel } from '../core/layout.js'
import { hashedName } from '../diff/hashed-names.js'
import { describeChar, URLENCODE_CHANGES, URL_UNSAFE } from '../rules/name-chars.js'
import { expectedAfterHost } from '../rules/global-util.js'
import { isNonReference } from './extract.js'

export type RefOutcome =
  | 'ok'
  | 'broken'
  | 'case-mismatch'
  | 'global-relative'
  | 'global-missing'
  | 'global-ok'
  | 'external'
  | 'placeholder'

export interface Resolution {
  outcome: RefOutcome
  /** The package path (or global URL) the reference reaches. */
  target?: string
  /** The file it matches only ignoring case. */
  caseTarget?: string
  /** Broken, but a file has the same name in another Unicode normalization form (macOS writes NFD names). */
  formTarget?: string
  /** Broken, but the file likely meant is in the package (see likelyMeant); for a chunk folder, the folder. */
  nearTarget?: string
  /** nearTarget's URL written the way the reference is (root-relative or relative to where it is resolved). */
  nearUrl?: string
  /** A webpack chunk folder: the public path that would reach the chunks (see chunkFolder). */
  publicPath?: string
  /** For external references: the origin. */
  origin?: string
  /** Characters urlencode would change in the reference's path. */
  unsafeChars?: string
  /** global-relative: the absolute URL to write instead, when it is known. */
  absolute?: string
  /** global-missing: the host the global package is served from, when the URL has another port. */
  expectedHost?: string
}

/** Standard packages load from https://<ID>.<vhost>/; any origin no real site has stands in for it. */
const VIRTUAL_ORIGIN = 'https://package.h5-offline.invalid'

/**
 * Resolves URLs the way the H5 container matches them: by exact path within the package's virtual host,
 * by full URL within the global resource host, anything else goes to the network.
 */
export class ReferenceResolver {
  private readonly files: Set<string>
  private readonly lowerFiles = new Map<string, string>()
  /** The global package's URLs by their lower case, built on the first global reference it does not have. */
  private lowerGlobalUrls: Map<string, string> | undefined
  /** File name → the one file that has it (undefined when several do), built on the first broken reference. */
  private byName: Map<string, string | undefined> | undefined
  /** Path under the root less its first folder → the one file there (see likelyMeant). */
  private moved: Map<string, string | undefined> | undefined
  /** A runtime's chunk folder and name end → the folders elsewhere that hold such chunks (none: fine, or none built). */
  private readonly chunkHolders = new Map<string, string[]>()
  /** Broken target → the file likely meant (null: none), so a link on every page is worked out once. */
  private readonly nearCache = new Map<string, string | null>()
  /** NFC form → the file, built on the first broken reference that has non-ASCII characters. */
  private nfcFiles: Map<string, string> | undefined
  private readonly dirs: Set<string>
  /** The configured global resource host as a URL spells it (lower case, no default port). */
  private readonly globalHost: string | undefined
  /** The configured host and the hosts of the --global-package: where global resources are served from. */
  private readonly globalHosts = new Set<string>()
  /** Those hosts by their name without the port, to tell a URL that has the wrong port. */
  private readonly globalByHostname = new Map<string, string>()
  private readonly globalBasePath: string
  private readonly appWs: string | RegExp
  /** Folders between the host and `<appId>_<workspace>` (prefix, bucket). */
  private readonly globalPrefix: string[]
  /** Global package: the URL host (as `new URL` normalises it) → its folder under the ID folder. */
  private readonly ownHosts = new Map<string, string>()
  /** Standard package: what a root-relative path is prefixed with to become a package path. */
  private readonly root: string

  constructor(
    private readonly pkg: PackageModel,
    config: ResolvedConfig,
    /** URLs of the files of the global package given with --global-package. */
    private readonly globalUrls?: ReadonlySet<string>
  ) {
    this.files = new Set(pkg.files.map((f) => f.path))
    for (const f of pkg.files) this.lowerFiles.set(f.path.toLowerCase(), f.path)
    this.dirs = new Set(pkg.directories)
    this.globalHost = config.host ? hostOf(config.host) : undefined
    // The global package given says where it is served from, whatever host is configured (an Apsara Stack domain,
    // the legacy OSS host): its URLs are global ones too.
    if (this.globalHost) this.globalHosts.add(this.globalHost)
    for (const u of globalUrls ?? []) this.globalHosts.add(new URL(u).host)
    for (const h of this.globalHosts)
      this.globalByHostname.set(new URL(`https://${h}/`).hostname, h)
    const expected = expectedAfterHost(config)
    this.appWs = expected[expected.length - 1]
    this.globalPrefix = expected.slice(0, -1) as string[]
    this.globalBasePath = typeof this.appWs === 'string' ? `/${expected.join('/')}/` : ''
    // Without an ID folder (a tree with several top-level folders, none of 8 digits) the tree itself is the root.
    this.root = pkg.id ?? ''
    if (pkg.type === 'global' && pkg.id) {
      for (const d of pkg.directories) {
        const slash = d.indexOf('/')
        if (slash === -1 || d.indexOf('/', slash + 1) !== -1 || d.slice(0, slash) !== pkg.id)
          continue
        const folder = d.slice(slash + 1)
        const host = hostOf(folder)
        if (host !== undefined) this.ownHosts.set(host, folder)
      }
    }
  }

  /** The URL a package file is served at: the global URL, or its path on the virtual host. */
  baseUrlOf(pkgPath: string): string {
    if (this.pkg.type === 'global') {
      const [host, ...rest] = globalUrlOf(pkgPath).slice('https://'.length).split('/')
      return `https://${host}/${rest.map(encodeSegment).join('/')}`
    }
    const inRoot = this.root ? pkgPath.slice(pkgPath.indexOf('/') + 1) : pkgPath
    return `${VIRTUAL_ORIGIN}/${inRoot.split('/').map(encodeSegment).join('/')}`
  }

  /** `page`: the URL opens a page (a link, a frame), which only a file is (the container serves no folder). */
  resolve(raw: string, base: string, page = false): Resolution | undefined {
    const url = raw.trim()
    if (isNonReference(url)) return undefined
    let resolved: URL
    try {
      resolved = new URL(url, base)
    } catch {
      // Only a URL with its own scheme or host can fail against a valid base: it names no package file.
      return undefined
    }
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return undefined
    const hasScheme = SCHEME.test(url)
    // http and https reach the same files; the container matches on host and path.
    if (this.pkg.type === 'standard' && this.globalHosts.has(resolved.host)) {
      if (!hasScheme)
        return { outcome: 'global-relative', target: resolved.href, absolute: resolved.href }
      return this.resolveGlobal(resolved)
    }
    // A global host with another port, or without its own: the container serves only the exact host.
    const samePlace =
      this.pkg.type === 'standard' ? this.globalByHostname.get(resolved.hostname) : undefined
    if (samePlace && this.reachesGlobalFolder(lenientDecode(resolved.pathname))) {
      return {
        outcome: 'global-missing',
        target: `https://${resolved.host}${lenientDecode(resolved.pathname)}`,
        expectedHost: samePlace
      }
    }
    // Matching is on the decoded path: `a%20b.png` is the file `a b.png`; ?query and #hash play no part.
    const path = lenientDecode(resolved.pathname)
    let pkgPath: string
    if (this.pkg.type === 'global') {
      const folder = this.ownHosts.get(resolved.host)
      if (folder === undefined) return { outcome: 'external', origin: resolved.origin }
      pkgPath = `${this.pkg.id}/${folder}${path}`
    } else {
      if (resolved.origin !== VIRTUAL_ORIGIN)
        return { outcome: 'external', origin: resolved.origin }
      pkgPath = this.root ? `${this.root}${path}` : path.slice(1)
    }
    // The URL parser drops tabs and line breaks (an attribute value wrapped over two lines): no file has them.
    const unsafeChars = unsafeIn(
      hasScheme || isProtocolRelative(url)
        ? resolved.pathname
        : writtenPath(url.replace(/[\t\n\r]/g, ''))
    )
    if (
      this.files.has(pkgPath) ||
      (!page && pkgPath.endsWith('/') && this.dirs.has(pkgPath.slice(0, -1)))
    ) {
      return { outcome: 'ok', target: pkgPath, unsafeChars }
    }
    const caseTarget = this.lowerFiles.get(pkgPath.toLowerCase())
    if (caseTarget) return { outcome: 'case-mismatch', target: pkgPath, caseTarget, unsafeChars }
    if (this.pkg.type === 'standard' && this.reachesGlobalFolder(path)) {
      const absolute = this.globalUrlFor(path)
      return { outcome: 'global-relative', target: pkgPath, ...(absolute && { absolute }) }
    }
    return {
      outcome: 'broken',
      target: pkgPath,
      ...this.otherForm(pkgPath),
      ...this.meant(pkgPath, url, base)
    }
  }

  /**
   * The file likely meant by a broken reference to `pkgPath`, and the URL that reaches it written as `url` is:
   * - for a link, the page a folder or route stands for (`about/` → `about/index.html`, `about` → `about.html`);
   * - the same path under one more folder: `/assets/app.js` or `/about/` from a build placed under www/ is
   *   `www/assets/app.js` or `www/about/index.html`;
   * - a file name with a build hash that one file has, wherever it is (a CSS `url()` one folder off).
   * A name without a hash (`style.css`, `close.png`) names different files in different folders: no guess.
   */
  private meant(
    pkgPath: string,
    url: string,
    base: string
  ): { nearTarget: string; nearUrl: string } | undefined {
    let near = this.nearCache.get(pkgPath)
    if (near === undefined) {
      near = this.likelyMeant(pkgPath) ?? null
      this.nearCache.set(pkgPath, near)
    }
    return near === null ? undefined : this.nearFrom(near, url, base)
  }

  private likelyMeant(pkgPath: string): string | undefined {
    const name = pkgPath.slice(pkgPath.lastIndexOf('/') + 1)
    const wanted =
      name === ''
        ? [`${pkgPath}index.html`]
        : name.includes('.')
          ? [pkgPath]
          : [`${pkgPath}.html`, `${pkgPath}/index.html`]
    const here = wanted.find((w) => w !== pkgPath && this.files.has(w))
    if (here !== undefined) return here
    if (this.moved === undefined) {
      // the path under the root less its first folder → the file (undefined when several have it)
      this.moved = new Map()
      const skip = this.root ? this.root.length + 1 : 0
      for (const f of this.files) {
        if (skip && !f.startsWith(`${this.root}/`)) continue
        const slash = f.indexOf('/', skip)
        if (slash === -1) continue
        const rest = f.slice(slash + 1)
        this.moved.set(rest, this.moved.has(rest) ? undefined : f)
      }
    }
    for (const w of wanted) {
      const moved = this.moved.get(this.root ? w.slice(this.root.length + 1) : w)
      if (moved !== undefined) return moved
    }
    if (!hashedName(name)?.sure) return undefined
    if (this.byName === undefined) {
      this.byName = new Map()
      for (const f of this.files) {
        const n = f.slice(f.lastIndexOf('/') + 1)
        this.byName.set(n, this.byName.has(n) ? undefined : f)
      }
    }
    return this.byName.get(name)
  }

  /**
   * webpack's runtime loads chunks named `*<suffix>` from the root-relative folder `url` (public path + chunk
   * folder, see extract-webpack.ts). Broken when no such file is there but a folder ending like it has some: the
   * chunks were built, and the runtime looks elsewhere. `nearTarget` is that folder (the one nearest the runtime
   * file `from`), `publicPath` the public path that reaches it.
   */
  chunkFolder(url: string, suffix: string, from: string): Resolution | undefined {
    if (this.pkg.type !== 'standard') return undefined
    const resolved = new URL(url, `${VIRTUAL_ORIGIN}/`)
    if (resolved.origin !== VIRTUAL_ORIGIN) return undefined
    const path = lenientDecode(resolved.pathname)
    const folder = (this.root ? `${this.root}${path}` : path.slice(1)).replace(/\/$/, '')
    const tail = path.split('/').filter(Boolean)
    // one walk over the files per runtime, not per page that inlines it
    const key = `${folder}\0${suffix}`
    let holders = this.chunkHolders.get(key)
    if (holders === undefined) {
      const found = new Set<string>()
      for (const f of this.files) {
        const slash = f.lastIndexOf('/')
        if (!f.endsWith(suffix) || f.length - slash - 1 <= suffix.length) continue
        const dir = f.slice(0, Math.max(slash, 0))
        if (dir === folder) {
          found.clear()
          break
        }
        const segs = dir.split('/')
        if (tail.every((t, i) => segs[segs.length - tail.length + i] === t)) found.add(dir)
      }
      holders = [...found]
      this.chunkHolders.set(key, holders)
    }
    if (holders.length === 0) return undefined
    const near = [...holders].sort(
      (a, b) => commonLength(b, from) - commonLength(a, from) || cmp(a, b)
    )[0]!
    const nearPath = new URL(this.baseUrlOf(`${near}/x`)).pathname.slice(0, -1)
    const keep = nearPath.split('/').filter(Boolean)
    const publicPath = `/${keep
      .slice(0, keep.length - tail.length)
      .map((s) => `${s}/`)
      .join('')}`
    return {
      outcome: 'broken',
      target: folder === '' ? '' : `${folder}/`,
      nearTarget: `${near}/`,
      nearUrl: nearPath,
      publicPath
    }
  }

  /** `near` and the URL that reaches it, written as `url` is (root-relative, or relative to `base`). */
  private nearFrom(
    near: string,
    url: string,
    base: string
  ): { nearTarget: string; nearUrl: string } | undefined {
    const nearUrl = new URL(this.baseUrlOf(near))
    const from = new URL('.', base)
    if (nearUrl.origin !== from.origin || SCHEME.test(url) || isProtocolRelative(url))
      return undefined
    // the ?query and #hash as written: a cache-busting `?v=2` or a route in the hash stays
    const rest = url.slice(writtenPath(url).length)
    if (url.startsWith('/')) return { nearTarget: near, nearUrl: nearUrl.pathname + rest }
    return { nearTarget: near, nearUrl: relativeUrl(from.pathname, nearUrl.pathname) + rest }
  }

  /** The file whose name differs from `pkgPath` only in Unicode normalization (é as one code point or two). */
  private otherForm(pkgPath: string): { formTarget: string } | undefined {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(pkgPath)) return undefined
    this.nfcFiles ??= new Map(this.pkg.files.map((f) => [f.path.normalize('NFC'), f.path]))
    const file = this.nfcFiles.get(pkgPath.normalize('NFC'))
    return file === undefined || file === pkgPath ? undefined : { formTarget: file }
  }

  private resolveGlobal(resolved: URL): Resolution {
    const href = `https://${resolved.host}${lenientDecode(resolved.pathname)}`
    if (!this.globalUrls) return { outcome: 'global-ok', target: href }
    if (this.globalUrls.has(href)) return { outcome: 'global-ok', target: href }
    // The host is matched in any case by the URL parser already; a path that matches only ignoring case is the
    // same mistake as in the package itself.
    this.lowerGlobalUrls ??= new Map([...this.globalUrls].map((u) => [u.toLowerCase(), u]))
    const caseTarget = this.lowerGlobalUrls.get(href.toLowerCase())
    if (caseTarget) return { outcome: 'case-mismatch', target: href, caseTarget }
    return { outcome: 'global-missing', target: href }
  }

  /** Where a relative path that reaches `<appId>_<workspace>/…` is served from: the configured global base + the rest. */
  private globalUrlFor(path: string): string | undefined {
    const segs = path.split('/')
    const at = segs.findIndex((s) => this.isAppWsFolder(s))
    if (at === -1) return undefined
    // The global package knows the real URL, prefix and bucket included; else it is built from the configuration.
    const tail = `/${segs.slice(at).join('/')}`
    for (const u of this.globalUrls ?? []) if (u.endsWith(tail)) return u
    // A file it lacks: its host and the folders before `<appId>_<workspace>` still say where it would be.
    const folder = `/${segs[at]}/`
    for (const u of this.globalUrls ?? []) {
      const i = u.indexOf(folder)
      if (i !== -1) return u.slice(0, i) + tail
    }
    if (!this.globalHost) return undefined
    return `https://${this.globalHost}/${[...this.globalPrefix, ...segs.slice(at)].join('/')}`
  }

  /** `../53E5279071442_test/common.js` from a standard page means the global host, reached the wrong way. */
  private reachesGlobalFolder(path: string): boolean {
    if (this.globalBasePath && path.startsWith(this.globalBasePath)) return true
    return path.split('/').some((s) => this.isAppWsFolder(s))
  }

  private isAppWsFolder(segment: string): boolean {
    return typeof this.appWs === 'string'
      ? segment === this.appWs
      : /^[0-9A-F]{13}_[A-Za-z0-9-]+$/.test(segment)
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** `//host/path` (a URL parser takes backslashes for slashes in http(s) URLs). */
function isProtocolRelative(url: string): boolean {
  return /^[\\/]{2}/.test(url)
}

/**
 * The URL a file of a global package is served at, spelled as the resolver compares it: host as `new URL` writes
 * it (lower case, no default port), path as in the package (not percent-encoded).
 */
export function servedUrlOf(globalPkgPath: string): string {
  const url = globalUrlOf(globalPkgPath)
  const slash = url.indexOf('/', 'https://'.length)
  const folder = url.slice('https://'.length, slash === -1 ? undefined : slash)
  return `https://${hostOf(folder) ?? folder}${slash === -1 ? '' : url.slice(slash)}`
}

/** A host folder of a global package as `new URL` spells its host (lower case, no default port). */
function hostOf(folder: string): string | undefined {
  try {
    const u = new URL(`https://${folder}/`)
    return u.pathname === '/' && !u.username && !u.password ? u.host : undefined
  } catch {
    return undefined
  }
}

/** A file name as a URL path segment, so that `#`, `?` or `%` in a folder name cannot cut the base URL short. */
function encodeSegment(segment: string): string {
  return /[%#?\\]/.test(segment)
    ? segment.replace(/[%#?\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : segment
}

/**
 * Percent-decodes every valid UTF-8 escape sequence and leaves anything else as written, so `100%.png` still
 * names `100%.png` and one stray `%` does not stop `%20` next to it from being decoded.
 */
function lenientDecode(p: string): string {
  if (p.indexOf('%') === -1) return p
  try {
    return decodeURIComponent(p)
  } catch {
    return p.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run.replace(/%[0-9A-Fa-f]{2}/g, (one) => {
          const code = parseInt(one.slice(1), 16)
          return code < 0x80 ? String.fromCharCode(code) : one
        })
      }
    })
  }
}

/** The path part of a relative reference as written: before any `?query` or `#hash`. */
function writtenPath(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

/**
 * What urlencode would change in the path a reference writes (escapes in it count as the characters they stand
 * for). Only the written part counts: the folder a relative reference is resolved in is reported once, by
 * name-urlencode, not again for every reference made from it.
 */
function unsafeIn(path: string): string | undefined {
  const decoded = lenientDecode(path)
  const found = new Set<string>()
  for (const ch of decoded) {
    if (ch === '/') continue
    if (URLENCODE_CHANGES.test(ch) || URL_UNSAFE.test(ch)) found.add(describeChar(ch))
  }
  return found.size ? [...found].join(' ') : undefined
}

/** The relative URL from the folder `fromDir` (ending in `/`) to the path `to`, both URL paths on one host. */
function relativeUrl(fromDir: string, to: string): string {
  const rel = posix.relative(fromDir, to)
  return rel.startsWith('../') ? rel : `./${rel}`
}

/** How many leading characters two strings share. */
function commonLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}
