import path from 'node:path'
import picomatch from 'picomatch'
import type { ResolvedConfig } from './config.js'
import { PACKAGE_ID_PATTERN } from './config.js'
import { UsageError } from './errors.js'
import { cmp } from './findings.js'
import type { PackageSource, SourceEntry, SourceIssue } from './source.js'

export type PackageType = 'global' | 'standard'
export type LayoutMode = 'laid-out' | 'build'

export interface PackageFile {
  /** Path inside the upload zip, starting with the ID folder. */
  path: string
  /** Name of the entry in the source. */
  source: string
  size: number
}

/** The package as it will be uploaded: every file under its final path, plus what the source looked like. */
export interface PackageModel {
  sourceKind: PackageSource['kind']
  /** A zip source: the zip's size (the zipped budget of a directory is known once pack has written it). */
  zipBytes: number | undefined
  mode: LayoutMode
  type: PackageType
  /** Whether the type was given (true) or guessed from the layout (false). */
  typeDeclared: boolean
  /** The ID folder: the configured ID for build output, else the first 8-digit top folder, else the only one. */
  id: string | undefined
  /** First-level entries of the package (names relative to the package root, i.e. without any parent). */
  topLevel: Array<Pick<SourceEntry, 'name' | 'kind'>>
  files: PackageFile[]
  directories: string[]
  /** Entries the source refused (symlinks, unsafe zip names…), under package paths. */
  issues: SourceIssue[]
  /** Folder the source was placed under (`ID/www` for a standard build output); '' when laid out. */
  placedUnder: string
  /**
   * include/exclude patterns that match nothing in the source, and allowSensitive paths that name no file of the
   * package: a typo would select, drop or allow nothing, silently.
   */
  unmatchedPatterns?: Array<{ key: 'include' | 'exclude' | 'allowSensitive'; pattern: string }>
  /** include/exclude given for a zip, which is checked whole: they select files of a directory only. */
  ignoredPatterns?: Array<'include' | 'exclude'>
}

/** A dotted name, or a single label with a port (`intranet:8080`). */
const HOST_LIKE = /^(?:[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?|[a-z0-9-]+:\d+)$/i

/** Whether a folder name looks like a host, as the second level of a global package is. */
export function isHostLike(name: string): boolean {
  return HOST_LIKE.test(name)
}

/** A page, script or stylesheet: what a build output has at its top and a date folder of it has not. */
export function isWebFile(name: string): boolean {
  return /\.(?:html?|m?js|css)$/i.test(name)
}
const APP_WORKSPACE = /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/

/**
 * Places the source's entries under their package paths. A directory that contains an 8-digit folder (or is
 * one) is taken as laid out already; anything else is a build output that the configuration places.
 */
export function buildPackageModel(source: PackageSource, config: ResolvedConfig): PackageModel {
  // A zip is checked and uploaded as it is: leaving files out of the check would only hide what ships.
  const selecting = source.kind !== 'zip'
  const selected = selecting ? selectEntries(source.entries, config) : source.entries
  const unmatched = selecting ? unmatchedPatterns(source.entries, config) : []
  const ignoredPatterns = selecting
    ? []
    : (['include', 'exclude'] as const).filter((k) => config[k].length > 0)
  const mode = detectMode(source, config)
  const placeAt = mode === 'build' ? buildPrefix(config) : laidOutPrefix(source)
  const place = (name: string) => (placeAt ? `${placeAt}/${name}` : name)

  const files: PackageFile[] = []
  const directories = new Set<string>()
  for (const e of selected) {
    if (e.kind === 'file') files.push({ path: place(e.name), source: e.name, size: e.size })
    // A zip's folder entries are uploaded as they are. A folder on disk is packed only as the folder of a file
    // (below), so an empty one is no part of the package and gets no findings: validate of the folder and of the
    // zip pack makes from it agree. A folder never walked (.git) is kept: it is reported, not known to be empty.
    else if (e.kind === 'directory' && (source.kind === 'zip' || e.opaque))
      directories.add(place(e.name))
  }
  // Folders the placement creates (ID/www, ID/host/…) exist in the zip even though the source has no entry for them.
  for (const f of files) {
    for (let i = f.path.indexOf('/'); i !== -1; i = f.path.indexOf('/', i + 1))
      directories.add(f.path.slice(0, i))
  }
  files.sort((a, b) => cmp(a.path, b.path))
  const dirs = [...directories].sort(cmp)
  // The allow-list takes a package path or a path in the source, as isAllowedSensitive reads it.
  for (const allowed of config.allowSensitive)
    if (!files.some((f) => f.path === allowed || f.source === allowed))
      unmatched.push({ key: 'allowSensitive', pattern: allowed })
  const topLevel = topLevelOf(files, dirs)
  const id =
    mode === 'build'
      ? config.id
      : (topLevel.find((t) => t.kind === 'directory' && PACKAGE_ID_PATTERN.test(t.name))?.name ??
        (topLevel.length === 1 && topLevel[0].kind === 'directory' ? topLevel[0].name : undefined))
  // A GBK reading of a name is given as a source path too: placed the same way, so it reads like the name beside it.
  const issues = source.issues.map((i) => ({
    ...i,
    name: place(i.name),
    ...(typeof i.args.gbk === 'string' && { args: { ...i.args, gbk: place(i.args.gbk) } })
  }))
  const typeDeclared = config.type !== 'auto'
  const type = typeDeclared
    ? (config.type as PackageType)
    : mode === 'build'
      ? buildOutputType(config)
      : guessType(files, id, config)
  return {
    sourceKind: source.kind,
    zipBytes: source.zipBytes,
    mode,
    type,
    typeDeclared,
    id,
    topLevel,
    files,
    directories: dirs,
    issues,
    placedUnder: placeAt,
    ...(unmatched.length && { unmatchedPatterns: unmatched }),
    ...(ignoredPatterns.length && { ignoredPatterns })
  }
}

/** The include/exclude patterns no entry of the source matches (the config file's own exclusion never counts). */
function unmatchedPatterns(
  entries: readonly SourceEntry[],
  config: ResolvedConfig
): NonNullable<PackageModel['unmatchedPatterns']> {
  const out: NonNullable<PackageModel['unmatchedPatterns']> = []
  for (const key of ['include', 'exclude'] as const) {
    for (const pattern of config[key]) {
      const matches = atOrUnder([pattern])
      if (!entries.some((e) => matches(e.name))) out.push({ key, pattern })
    }
  }
  return out
}

function selectEntries(
  entries: readonly SourceEntry[],
  config: ResolvedConfig
): readonly SourceEntry[] {
  if (!config.include.length && !config.exclude.length) return entries
  const included = config.include.length ? atOrUnder(config.include) : () => true
  const excluded = config.exclude.length ? atOrUnder(config.exclude) : () => false
  const kept = entries.filter((e) =>
    e.kind === 'file'
      ? included(e.name) && !excluded(e.name)
      : e.kind === 'directory' || !excluded(e.name)
  )
  // A folder whose files were all left out goes too (`ios/App/Info.plist` excluded leaves no `ios` to report as a
  // second top-level folder); one that was empty to begin with stays, as the walk found it.
  const holding = (list: readonly SourceEntry[]) => {
    const dirs = new Set<string>()
    for (const e of list) {
      if (e.kind === 'directory') continue
      for (let i = e.name.indexOf('/'); i !== -1; i = e.name.indexOf('/', i + 1))
        dirs.add(e.name.slice(0, i))
    }
    return dirs
  }
  const hadFiles = holding(entries)
  const hasFiles = holding(kept)
  return kept.filter(
    (e) =>
      e.kind !== 'directory' ||
      (!excluded(e.name) && (hasFiles.has(e.name) || !hadFiles.has(e.name)))
  )
}

/**
 * A matcher for paths in the source, read as .gitignore reads its patterns (what users expect of `*.map` or
 * `.vite`; so does `zip -x`): a pattern without a slash, but for a trailing one, matches a name at any depth; one
 * with a slash, or a leading `/` or `./`, is anchored at the source root. A path matches when it or one of its
 * folders does, so that `.vite` or `docs/` means the folder and all in it (`docs/**` also drops the `docs` folder
 * entry itself).
 */
function atOrUnder(patterns: readonly string[]): (name: string) => boolean {
  const anchored: string[] = []
  const anywhere: string[] = []
  for (const pattern of patterns) {
    const p = pattern.replace(/^\.?\/+/, '')
    ;(p !== pattern || p.replace(/\/+$/, '').includes('/') ? anchored : anywhere).push(p)
  }
  const matchPath = picomatch(anchored, { dot: true })
  const matchName = picomatch(anywhere, { dot: true })
  // `name` is a path from the source root; `start` where its last segment starts
  const matches = (name: string, start: number) => {
    const base = name.slice(start)
    return matchPath(name) || matchPath(`${name}/`) || matchName(base) || matchName(`${base}/`)
  }
  return (name) => {
    let start = 0
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
      if (matches(name.slice(0, i), start)) return true
      start = i + 1
    }
    return matches(name, start)
  }
}

function detectMode(source: PackageSource, config: ResolvedConfig): LayoutMode {
  if (config.layout !== 'auto') return config.layout
  if (source.kind === 'zip') return 'laid-out'
  const top = source.entries.filter((e) => !e.name.includes('/'))
  const idFolders = top.filter((e) => e.kind === 'directory' && PACKAGE_ID_PATTERN.test(e.name))
  const hasIdFolder =
    idFolders.length > 0 && !(config.id && isDateFolderOfBuild(source, top, idFolders, config))
  // A lone top folder of more digits is an ID folder too, a wrong one: package-id-format says so, where laying it
  // out as a build output would ask for --id (an MDS-accepted package has a 16-digit one).
  const loneDigitFolder =
    top.length === 1 && top[0]!.kind === 'directory' && /^\d{9,}$/.test(top[0]!.name)
  return hasIdFolder ||
    loneDigitFolder ||
    PACKAGE_ID_PATTERN.test(path.basename(path.resolve(source.location)))
    ? 'laid-out'
    : 'build'
}

/**
 * An 8-digit top folder that is part of a build output (`20240101/banner.png` beside `index.html`), not an ID
 * folder: the configured ID is another, a page or script sits beside it, and it holds no page, script or
 * stylesheet, no entry folder (`www`) and no host folder, one of which every laid-out package's ID folder has.
 */
function isDateFolderOfBuild(
  source: PackageSource,
  top: readonly SourceEntry[],
  idFolders: readonly SourceEntry[],
  config: ResolvedConfig
): boolean {
  if (idFolders.some((f) => f.name === config.id)) return false
  if (!top.some((e) => e.kind === 'file' && isWebFile(e.name))) return false
  return !source.entries.some((e) => {
    const [first, second, ...rest] = e.name.split('/')
    if (second === undefined || !idFolders.some((f) => f.name === first)) return false
    // Pages or scripts in it (`20171229/index.html`, files straight under the ID folder) make it a package.
    if (e.kind === 'file' && isWebFile(e.name)) return true
    const folder = rest.length > 0 || e.kind === 'directory'
    return folder && ((config.entryDir && second === config.entryDir) || HOST_LIKE.test(second))
  })
}

/** A directory that *is* the ID folder is placed under its own name, so the zip still has the ID at its top. */
function laidOutPrefix(source: PackageSource): string {
  if (source.kind === 'zip') return ''
  const base = path.basename(path.resolve(source.location))
  const hasIdFolder = source.entries.some(
    (e) => e.kind === 'directory' && !e.name.includes('/') && PACKAGE_ID_PATTERN.test(e.name)
  )
  return hasIdFolder || !PACKAGE_ID_PATTERN.test(base) ? '' : base
}

/**
 * The type of a build output given none. Either half of `<appId>_<workspace>` means a global package (the other
 * half is then asked for, not ignored), unless the run names a global package to check against: only a standard
 * package has one, and the app ID and workspace then say where its global references point.
 */
function buildOutputType(config: ResolvedConfig): PackageType {
  if (config.type !== 'auto') return config.type as PackageType
  // Not a main entry: one copied into a global package's workflow is noted by main-entry, not taken as the type.
  if (config.globalPackage) return 'standard'
  return config.appId || config.workspace ? 'global' : 'standard'
}

function buildPrefix(config: ResolvedConfig): string {
  if (!config.id) {
    throw new UsageError(
      'the package ID is required to lay out a build output (the directory has no 8-digit folder at its top): give --id 20171228',
      'id'
    )
  }
  const type = buildOutputType(config)
  if (type === 'standard') return [config.id, config.entryDir].filter(Boolean).join('/')
  return [config.id, ...globalBaseSegments(config), config.versionDir].filter(Boolean).join('/')
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
    : (items[0] ?? '')
}

/** `<host>/[prefix/][bucket/]<appId>_<workspace>`: the folders a global package's files live under. */
export function globalBaseSegments(config: ResolvedConfig): string[] {
  const missing = [
    !config.appId && ['app ID', 'app-id'],
    !config.workspace && ['workspace', 'workspace'],
    !config.host && ['host (required on Apsara Stack: the mdsweb server domain)', 'host']
  ].filter((m): m is string[] => Array.isArray(m))
  if (missing.length) {
    throw new UsageError(
      `a global package needs ${listed(missing.map((m) => m[0]))}: give ${listed(missing.map((m) => `--${m[1]}`))}`,
      missing[0][1]
    )
  }
  return [
    config.host!,
    ...splitPath(config.prefix),
    config.bucket,
    `${config.appId}_${config.workspace}`
  ].filter((s): s is string => Boolean(s))
}

export function splitPath(p: string | undefined): string[] {
  return (p ?? '').split('/').filter(Boolean)
}

function topLevelOf(files: PackageFile[], dirs: string[]): PackageModel['topLevel'] {
  const top = new Map<string, 'file' | 'directory'>()
  for (const d of dirs) if (!d.includes('/')) top.set(d, 'directory')
  for (const f of files) if (!f.path.includes('/')) top.set(f.path, 'file')
  return [...top].map(([name, kind]) => ({ name, kind })).sort((a, b) => cmp(a.name, b.name))
}

/**
 * A laid-out tree is global when its second level is a host and an `<appId>_<workspace>` folder follows: the
 * configured one, or any of that shape, so that a package built for another workspace (`_test` checked for
 * `_prod`) is judged as the global package it is, and global-prefix names the wrong folder.
 */
export function guessType(
  files: PackageFile[],
  id: string | undefined,
  config: ResolvedConfig
): PackageType {
  const appWs = config.appId && config.workspace ? `${config.appId}_${config.workspace}` : undefined
  return typeOfPaths(
    files.map((f) => f.path),
    id,
    appWs
  )
}

/** `guessType` on bare paths (a zip's names), for callers with no configuration: the diff. */
export function typeOfPaths(
  paths: Iterable<string>,
  id: string | undefined,
  appWs?: string
): PackageType {
  for (const p of paths) {
    const segs = p.split('/')
    if (segs[0] !== id || segs.length < 4) continue
    if (!HOST_LIKE.test(segs[1])) continue
    const below = segs.slice(2, -1)
    if (below.some((s) => s === appWs || APP_WORKSPACE.test(s))) return 'global'
  }
  return 'standard'
}

/** The URL a global file is served at: `https://` + its path after the ID folder. */
export function globalUrlOf(pkgPath: string): string {
  return `https://${pkgPath.slice(pkgPath.indexOf('/') + 1)}`
}

/** Path after the ID folder (what ends up inside the .amr's tar). */
export function pathInPackage(pkgPath: string): string {
  return pkgPath.slice(pkgPath.indexOf('/') + 1)
}

/** The source-relative name of a package path, for editors, PR annotations and allow-lists. */
export function sourcePathOf(pkg: PackageModel, pkgPath: string): string {
  const under = pkg.placedUnder
  if (!under) return pkgPath
  if (pkgPath === under) return ''
  return pkgPath.startsWith(`${under}/`) ? pkgPath.slice(under.length + 1) : pkgPath
}
