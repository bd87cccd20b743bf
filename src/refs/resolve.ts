import type { ResolvedConfig } from '../core/config.js'
import { globalUrlOf, type PackageModel } from '../core/layout.js'
import { URLENCODE_CHANGES, URL_UNSAFE } from '../rules/name-chars.js'
import { expectedAfterHost } from '../rules/global-util.js'
import { isNonReference } from './extract.js'

export type RefOutcome = 'ok' | 'broken' | 'case-mismatch' | 'global-relative' | 'global-missing' | 'global-ok' | 'external'

export interface Resolution {
  outcome: RefOutcome
  /** The package path (or global URL) the reference reaches. */
  target?: string
  /** The file it matches only ignoring case. */
  caseTarget?: string
  /** For external references: the origin. */
  origin?: string
  /** Characters urlencode would change in the reference's path. */
  unsafeChars?: string
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
  private readonly dirs: Set<string>
  private readonly globalOrigin: string | undefined
  private readonly globalBasePath: string
  private readonly appWs: string | RegExp

  constructor(
    private readonly pkg: PackageModel,
    config: ResolvedConfig,
    /** URLs of the files of the global package given with --global-package. */
    private readonly globalUrls?: ReadonlySet<string>
  ) {
    this.files = new Set(pkg.files.map((f) => f.path))
    for (const f of pkg.files) this.lowerFiles.set(f.path.toLowerCase(), f.path)
    this.dirs = new Set(pkg.directories)
    this.globalOrigin = config.host ? `https://${config.host}`.toLowerCase() : undefined
    const expected = expectedAfterHost(config)
    this.appWs = expected[expected.length - 1]
    this.globalBasePath = typeof this.appWs === 'string' ? `/${expected.join('/')}/` : ''
  }

  /** The URL a package file is served at: the global URL, or its path on the virtual host. */
  baseUrlOf(pkgPath: string): string {
    if (this.pkg.type === 'global') return globalUrlOf(pkgPath)
    return `${VIRTUAL_ORIGIN}/${pkgPath.slice(pkgPath.indexOf('/') + 1)}`
  }

  resolve(raw: string, base: string): Resolution | undefined {
    const url = raw.trim()
    if (isNonReference(url)) return undefined
    let resolved: URL
    try {
      resolved = new URL(url, base)
    } catch {
      return { outcome: 'broken' }
    }
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return undefined
    const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(url)
    // http and https reach the same files; the container matches on host and path.
    const origin = `https://${resolved.host}`
    if (this.pkg.type === 'standard' && origin === this.globalOrigin) {
      if (isRelative) return { outcome: 'global-relative', target: resolved.href }
      return this.resolveGlobal(resolved)
    }
    const ownOrigin = this.pkg.type === 'global' ? `https://${new URL(base).host}` : VIRTUAL_ORIGIN
    if (origin !== ownOrigin) return { outcome: 'external', origin: resolved.origin }
    const path = safeDecode(resolved.pathname)
    const pkgPath = this.pkg.type === 'global' ? `${this.pkg.id}/${resolved.host}${path}` : `${this.pkg.id}${path}`
    const unsafeChars = unsafeIn(resolved.pathname)
    if (this.files.has(pkgPath) || (path.endsWith('/') && this.dirs.has(pkgPath.slice(0, -1)))) {
      return { outcome: 'ok', target: pkgPath, unsafeChars }
    }
    const caseTarget = this.lowerFiles.get(pkgPath.toLowerCase())
    if (caseTarget) return { outcome: 'case-mismatch', target: pkgPath, caseTarget, unsafeChars }
    if (this.pkg.type === 'standard' && this.reachesGlobalFolder(path)) {
      return { outcome: 'global-relative', target: pkgPath }
    }
    return { outcome: 'broken', target: pkgPath }
  }

  private resolveGlobal(resolved: URL): Resolution {
    const href = `https://${resolved.host}${safeDecode(resolved.pathname)}`
    if (!this.globalUrls) return { outcome: 'global-ok', target: href }
    return { outcome: this.globalUrls.has(href) ? 'global-ok' : 'global-missing', target: href }
  }

  /** `../53E5279071442_test/common.js` from a standard page means the global host, reached the wrong way. */
  private reachesGlobalFolder(path: string): boolean {
    if (this.globalBasePath && path.startsWith(this.globalBasePath)) return true
    const segs = path.split('/')
    return typeof this.appWs === 'string' ? segs.includes(this.appWs) : segs.some((s) => /^[0-9A-F]{13}_[A-Za-z0-9-]+$/.test(s))
  }
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p)
  } catch {
    return p
  }
}

/** What urlencode would change in a path the page writes (escapes already in the URL count as written). */
function unsafeIn(pathname: string): string | undefined {
  const decoded = safeDecode(pathname)
  const found = new Set<string>()
  for (const ch of decoded) {
    if (ch === '/') continue
    if (URLENCODE_CHANGES.test(ch) || URL_UNSAFE.test(ch)) found.add(ch === ' ' ? 'space' : `'${ch}'`)
  }
  return found.size ? [...found].join(' ') : undefined
}
