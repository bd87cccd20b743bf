import type { Counts, FailOn, Finding, Severity } from '../core/findings.js'
import type { Validation } from '../engine/validate.js'
import { fixFor, formatMessage, location, ruleDocsUrl } from '../report/messages.js'
import { inActionTerms } from './inputs.js'
import { plural, visible } from '../report/text.js'
import type { UploadOutcome } from './artifact.js'
import { formatBytes } from '../core/bytes.js'

/** A step summary above 1 MiB is not shown at all (and costs an error annotation); stay well below. */
export const SUMMARY_LIMIT_BYTES = 1_000_000

export interface TypeRow {
  files: number
  bytes: number
  /** Bytes in the zip; unknown when the package was given as a zip. */
  zipped?: number
}

export interface SummaryInput {
  outcome: Validation
  version?: string
  failOn: FailOn
  failed: boolean
  zip?: { path: string; sha256: string; bytes: number; files: number }
  /** Why there is no zip, when there is none. */
  notWritten?: string
  byType: Record<string, TypeRow>
  reportPath?: string
  artifact: UploadOutcome
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

/**
 * The job summary in Markdown. Everything that comes from the package (names, messages, the ID) is escaped,
 * so a file name cannot add HTML, links or table cells. The findings table is cut to keep the whole under the
 * limit; the rule overview above it is always complete.
 */
export function buildSummary(input: SummaryInput, limit = SUMMARY_LIMIT_BYTES): string {
  const { outcome } = input
  const { pkg, counts } = outcome
  const head: string[] = []
  head.push(`## ${verdict(input)}`, '')
  head.push(`${countLine(counts)} · fail-on: \`${input.failOn}\``, '')
  head.push('| Package | |', '|---|---|')
  head.push(`| ID | ${pkg.id ? md(pkg.id) : '_none_'} |`)
  head.push(`| Type | ${pkg.type} |`)
  head.push(`| Version | ${input.version ? md(input.version) : '_not given_'} |`)
  const rawBytes = pkg.files.reduce((s, f) => s + f.size, 0)
  head.push(
    `| Files | ${num(pkg.files.length)}, ${formatBytes(rawBytes)} (${num(rawBytes)} bytes) |`
  )
  if (input.zip) {
    head.push(
      `| Zip | ${num(input.zip.files)} ${input.zip.files === 1 ? 'file' : 'files'}, ${formatBytes(input.zip.bytes)} (${num(input.zip.bytes)} bytes) |`
    )
    head.push(`| SHA-256 | \`${input.zip.sha256}\` |`)
  } else {
    head.push(`| Zip | not written${input.notWritten ? `: ${md(input.notWritten)}` : ''} |`)
  }
  head.push(`| Artifact | ${artifactCell(input.artifact)} |`)
  if (input.reportPath)
    head.push(`| JSON report | ${md(input.reportPath)} (\`report-path\` output) |`)
  head.push('')

  const types = Object.entries(input.byType).sort(
    (a, b) => b[1].bytes - a[1].bytes || (a[0] < b[0] ? -1 : 1)
  )
  if (types.length) {
    const zippedKnown = types.every(([, t]) => t.zipped !== undefined)
    head.push('<details><summary>Size by file type</summary>', '')
    head.push(
      `| Type | Files | Size${zippedKnown ? ' | Zipped' : ''} |`,
      `|---|--:|--:${zippedKnown ? '|--:' : ''}|`
    )
    for (const [ext, t] of types) {
      head.push(
        `| ${md(ext)} | ${num(t.files)} | ${formatBytes(t.bytes)}${zippedKnown ? ` | ${formatBytes(t.zipped ?? 0)}` : ''} |`
      )
    }
    const total = types.reduce(
      (s, [, t]) => ({
        files: s.files + t.files,
        bytes: s.bytes + t.bytes,
        zipped: s.zipped + (t.zipped ?? 0)
      }),
      {
        files: 0,
        bytes: 0,
        zipped: 0
      }
    )
    head.push(
      `| **total** | ${num(total.files)} | ${formatBytes(total.bytes)}${zippedKnown ? ` | ${formatBytes(total.zipped)}` : ''} |`,
      ''
    )
    head.push('</details>', '')
  }

  if (!outcome.findings.length) {
    head.push('No findings.', '')
    return head.join('\n')
  }

  const byRule = groupByRule(outcome.findings)
  head.push(`### Findings by rule`, '')
  head.push('| Rule | Severity | Count | How to fix |', '|---|---|--:|---|')
  for (const [rule, list] of byRule) {
    const severities = [...new Set(list.map((f) => f.severity))]
      .map((s) => `${ICON[s]} ${s}`)
      .join(', ')
    head.push(
      `| [${rule}](${ruleDocsUrl(rule)}) | ${severities} | ${num(list.length)} | ${cell(inActionTerms(fixFor(rule)))} |`
    )
  }
  head.push(
    '',
    '### All findings',
    '',
    '| Rule | Severity | Location | Message |',
    '|---|---|---|---|'
  )

  const text = head.join('\n') + '\n'
  const rows: string[] = []
  for (const [rule, list] of byRule) {
    for (const f of list) rows.push(findingRow(rule, f))
  }
  return fit(text, rows, limit)
}

/** Adds rows while they fit, then a note saying how many were left out and where they all are. */
function fit(head: string, rows: string[], limit: number): string {
  const encoder = new TextEncoder()
  let size = encoder.encode(head).length
  const note = (n: number) =>
    `\n_${num(n)} more finding${n === 1 ? '' : 's'} not shown: a job summary is limited to 1 MiB. ` +
    'The JSON report (the `report-path` output) and the step log list all of them._\n'
  const reserve = encoder.encode(note(rows.length)).length
  const kept: string[] = []
  for (const row of rows) {
    const rowSize = encoder.encode(row).length + 1
    if (size + rowSize + reserve > limit) break
    kept.push(row)
    size += rowSize
  }
  const out = head + kept.map((r) => `${r}\n`).join('')
  return kept.length < rows.length ? out + note(rows.length - kept.length) : out
}

function findingRow(rule: string, f: Finding): string {
  return `| [${rule}](${ruleDocsUrl(rule)}) | ${ICON[f.severity]} ${f.severity} | ${md(location(f))} | ${md(inActionTerms(formatMessage(f)))} |`
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const byRule = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = byRule.get(f.rule) ?? []
    list.push(f)
    byRule.set(f.rule, list)
  }
  return byRule
}

function verdict(input: SummaryInput): string {
  const name = `H5 offline package ${input.outcome.pkg.id ? md(input.outcome.pkg.id) : '(no ID)'}`
  const { error, warning } = input.outcome.counts
  if (input.failed) return `❌ ${name}: failed`
  if (error) return `⚠️ ${name}: passed with errors (fail-on: never)`
  if (warning) return `⚠️ ${name}: passed with warnings`
  return `✅ ${name}: passed`
}

function countLine(c: Counts): string {
  return [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.notice, 'notice')].join(
    ', '
  )
}

function artifactCell(a: UploadOutcome): string {
  switch (a.status) {
    case 'uploaded':
      return a.url
        ? `[${md(a.name)}](${a.url}) (digest \`sha256:${a.digest}\`)`
        : `${md(a.name)} (ID ${a.id})`
    case 'skipped':
      return `not uploaded: ${md(a.reason)}`
    case 'failed':
      return `upload failed: ${md(a.message)}`
  }
}

/**
 * Text safe in a Markdown table cell: control characters made visible, then every character Markdown or HTML
 * could act on backslash-escaped (CommonMark allows escaping any ASCII punctuation; `\|` is GFM's cell escape).
 */
export function md(s: string): string {
  return visible(s).replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`)
}

/**
 * Our own text, whose `code spans` are kept: outside them everything is escaped as in `md` (GitHub strips
 * `<host>` or `<appId>_<workspace>` in a fix as an unknown HTML tag); inside, only the cell's `|` (GFM splits the
 * row on it before it parses code spans, and backslash escapes would show there).
 */
function cell(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 ? part.replace(/\|/g, '\\|') : part.replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`)
    )
    .join('')
}

function num(n: number): string {
  return n.toLocaleString('en-US')
}
