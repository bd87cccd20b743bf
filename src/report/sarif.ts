import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { SEVERITY_RANK, type Finding, type Severity } from '../core/findings.js'
import type { PackageModel } from '../core/layout.js'
import { allRules } from '../engine/validate.js'
import { VERSION } from '../version.js'
import { formatMessage, location, ruleDocsUrl } from './messages.js'

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every rule in `tool.driver.rules` (with its help
 * link and default level), one result per finding with a physical location relative to `%SRCROOT%` (the repository
 * root: the top of the git checkout, see repositoryRoot).
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const SRCROOT = '%SRCROOT%'
const INFORMATION_URI = 'https://github.com/h5-offline/h5-offline-action'

export type SarifLevel = 'error' | 'warning' | 'note'

/**
 * GitHub code scanning rejects a run with more than 25,000 results (and shows the 5,000 most severe): past this,
 * the most severe are kept and the run says how many were left out.
 */
export const SARIF_MAX_RESULTS = 25_000

/** How many findings a SARIF file leaves out (0 when all fit), for the caller's note. */
export function sarifOmitted(findings: number): number {
  return Math.max(0, findings - SARIF_MAX_RESULTS)
}

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'notice' ? 'note' : s
}

/** Where a finding is: a path relative to the root with `/` separators, or an absolute path outside it. */
export interface SarifTarget {
  /** Relative to the root (`site/www/index.html`), or absolute when outside it. */
  file?: string
  /** Whether `file` is the finding's own file, so its line and column apply. */
  own: boolean
}

export interface SarifOptions {
  /** The root that relative locations are under, absolute. */
  root: string
  locate(f: Finding): SarifTarget
}

export function toSarif(findings: readonly Finding[], opts: SarifOptions) {
  const rules = allRules.map((r) => ({
    id: r.id,
    // SARIF wants a name that differs from the id (multitool SARIF1001 ignores case): a one-word id has none
    ...(pascal(r.id).toLowerCase() !== r.id.toLowerCase() && { name: pascal(r.id) }),
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description} ${r.fix}` },
    help: { text: r.fix, markdown: `${r.fix}\n\n[${r.id}](${ruleDocsUrl(r.id)})` },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
    properties: { tags: ['h5-offline'] }
  }))
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const omitted = sarifOmitted(findings.length)
  const kept =
    omitted === 0
      ? findings
      : // a stable sort: the report's own order stays within each severity
        [...findings]
          .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
          .slice(0, SARIF_MAX_RESULTS)
  const rootUri = pathToFileURL(opts.root).href.replace(/\/?$/, '/')
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'h5-offline',
            semanticVersion: VERSION,
            version: VERSION,
            informationUri: INFORMATION_URI,
            rules
          }
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        ...(omitted > 0 && {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning' as const,
                  message: { text: omittedMessage(findings.length, omitted) }
                }
              ]
            }
          ],
          properties: { resultsTotal: findings.length, resultsOmitted: omitted }
        }),
        results: kept.map((f) => {
          const target = opts.locate(f)
          const where = f.path && !(target.own && target.file) ? `${location(f)}: ` : ''
          return {
            ruleId: f.rule,
            ...(index.has(f.rule) && { ruleIndex: index.get(f.rule) }),
            level: sarifLevel(f.severity),
            message: { text: `${where}${formatMessage(f)}` },
            locations: target.file ? [physicalLocation(target.file, target.own, f)] : [],
            ...(f.path !== undefined && { properties: { packagePath: f.path } })
          }
        })
      }
    ]
  }
}

export type SarifLog = ReturnType<typeof toSarif>

export function omittedMessage(total: number, omitted: number): string {
  const n = (x: number) => x.toLocaleString('en-US')
  return `${n(omitted)} of ${n(total)} findings were left out of the SARIF file, which holds the ${n(SARIF_MAX_RESULTS)} most severe (GitHub code scanning accepts no more per run); the JSON and text reports have them all`
}

function physicalLocation(file: string, own: boolean, f: Finding) {
  const absolute = file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)
  const artifactLocation = absolute
    ? { uri: pathToFileURL(file).href }
    : { uri: relativeUri(file), uriBaseId: SRCROOT }
  const region =
    own && f.line !== undefined
      ? {
          startLine: Math.max(1, f.line),
          ...(f.column !== undefined && { startColumn: Math.max(1, f.column) })
        }
      : undefined
  return { physicalLocation: { artifactLocation, ...(region && { region }) } }
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `%`, `#`, `?`, non-ASCII). */
export function relativeUri(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/')
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase())
}

/**
 * The file behind a finding, for SARIF: the real file under a package directory (its line and column apply), or
 * the package itself (the zip, or the directory for findings about the whole package and for folders the layout
 * creates). Relative to `root` when under it, else absolute. The same choice as the Action's annotations.
 */
export function sarifLocator(
  pkg: PackageModel,
  packageLocation: string,
  sourceKind: 'directory' | 'zip',
  root: string
): (f: Finding) => SarifTarget {
  const rel = (p: string) => {
    const r = path.relative(root, p)
    if (r === '') return '.'
    if (r === '..' || r.startsWith(`..${path.sep}`) || path.isAbsolute(r)) return path.resolve(p)
    return r.split(path.sep).join('/')
  }
  const packageItself: SarifTarget = { file: rel(packageLocation), own: false }
  return (f) => {
    if (sourceKind === 'zip' || f.path === undefined) return packageItself
    const under = pkg.placedUnder
    const created = under !== '' && f.path !== under && !f.path.startsWith(`${under}/`)
    if (created || f.file === '') return packageItself
    return { file: rel(path.join(packageLocation, f.file ?? f.path)), own: true }
  }
}

/**
 * Code scanning reads SARIF paths from the repository root: the nearest folder up from `from` holding `.git` (a
 * folder, or a file in a worktree or submodule). The CLI looks up from the current directory and falls back to it;
 * the Action takes GITHUB_WORKSPACE when the checkout is there, else looks up from the package no higher than it, and
 * falls back to it (a checkout into a subfolder of the workspace has its root there, not at the workspace).
 */
export function repositoryRoot(from: string, stopAt?: string): string {
  const top = stopAt === undefined ? undefined : path.resolve(stopAt)
  const start = path.resolve(from)
  // A checkout at the workspace is the repository, even around a submodule or a second checkout inside it.
  if (top !== undefined && existsSync(path.join(top, '.git'))) return top
  if (top !== undefined && path.relative(top, start).split(path.sep)[0] === '..') return top
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir
    if (dir === top || path.dirname(dir) === dir) return top ?? start
  }
}
