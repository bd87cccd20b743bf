import { PACKAGE_ID_PATTERN } from '../core/config.js'
import { isWebFile, sourcePathOf, type PackageModel } from '../core/layout.js'

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}

/** In lower case: the file systems that make them ignore case, and `thumbs.db` or `.ds_store` are seen too. */
const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', 'icon\r'])

/** OS litter that ships by accident: Finder/Explorer metadata (`Icon\r`: a folder's custom icon) and macOS resource forks. */
export function isJunk(p: string): boolean {
  const name = basename(p)
  return (
    JUNK_NAMES.has(name.toLowerCase()) ||
    name.startsWith('._') ||
    (p.includes('__MACOSX') && p.split('/').includes('__MACOSX'))
  )
}

const SENSITIVE = [
  /^\.env($|\.|rc$)/i,
  /^\.npmrc$/i,
  /^\.htpasswd$/i,
  /^\.netrc$/i,
  /^\.git(-credentials)?$/i,
  // credentials of other tools: Python's package index, PostgreSQL, the AWS CLI (a folder, like .git)
  /^\.(pypirc|pgpass|aws)$/i,
  // private keys and key stores: PEM, PKCS#12, PuTTY, Java key stores, a GnuPG secret keyring
  /\.(pem|key|p12|pfx|ppk|jks|keystore)$/i,
  /^secring\.gpg$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/i
]

/**
 * What a segment matching one of SENSITIVE must have: a leading `.`, `id_` or `secring`, or a key's extension. One test per
 * path rules out nearly all of them (the large benchmark tree: 23,000 paths of 6 segments, 7 patterns each).
 */
const MAY_BE_SENSITIVE =
  /(?:^|\/)(?:\.|id_|secring)|\.(?:pem|key|p12|pfx|ppk|jks|keystore)(?:\/|$)/i

/** Secrets that must never reach every phone: env files, credentials, VCS folders and private keys. */
export function isSensitive(p: string): boolean {
  return MAY_BE_SENSITIVE.test(p) && p.split('/').some(isSensitiveName)
}

/** A file or folder name that holds secrets (a segment of a path). */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE.some((re) => re.test(name))
}

/** allowSensitive names a file by its package path or by its path in the source folder. */
export function isAllowedSensitive(
  pkg: PackageModel,
  p: string,
  allowSensitive: readonly string[]
): boolean {
  return allowSensitive.includes(p) || allowSensitive.includes(sourcePathOf(pkg, p))
}

/** Whether the packer leaves the file out (the rule still reports it). */
export function isDroppedByPacker(
  pkg: PackageModel,
  p: string,
  keepJunk: boolean,
  allowSensitive: readonly string[]
): boolean {
  if (!keepJunk && isJunk(p)) return true
  return isSensitive(p) && !isAllowedSensitive(pkg, p, allowSensitive)
}

/** The first-level entries that will be in the upload (the packer drops junk from directory sources). */
export function uploadedTopLevel(pkg: PackageModel, keepJunk: boolean): PackageModel['topLevel'] {
  if (pkg.sourceKind === 'zip' || keepJunk) return pkg.topLevel
  return pkg.topLevel.filter((t) => !isJunk(t.name))
}

export function isPackageIdFolder(name: string): boolean {
  return PACKAGE_ID_PATTERN.test(name)
}

/**
 * The first-level entries, when they are a build output's contents rather than a package: a page, script or
 * stylesheet at the top and no 8-digit folder (`cd dist && zip -r ../site.zip .`). Each of them would otherwise be
 * a finding of its own ("assets" is not an ID, "index.html" is a stray file) that hides the one cause.
 */
export function buildOutputAtTop(
  pkg: PackageModel,
  keepJunk: boolean
): PackageModel['topLevel'] | undefined {
  const top = uploadedTopLevel(pkg, keepJunk).filter((t) => !isJunk(t.name))
  if (top.some((t) => t.kind === 'directory' && isPackageIdFolder(t.name))) return undefined
  const web = top.some((t) => t.kind === 'file' && isWebFile(t.name))
  return web ? top : undefined
}

/** Every file and folder of the package, each folder once, for rules about names. */
export function allPaths(pkg: PackageModel): string[] {
  return [...pkg.directories, ...pkg.files.map((f) => f.path)]
}

/** Dotted numeric versions compared part by part (`1.10` > `1.9`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d) return d
  }
  return 0
}
