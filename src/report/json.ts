import type { Validation } from '../engine/validate.js'
import type { PackedZip } from '../engine/pack.js'
import { formatMessage } from './messages.js'

/** The JSON report: a contract scripts rely on (see the README's CLI reference). */
export function toJsonReport(v: Validation & { zip?: PackedZip }) {
  return {
    package: {
      id: v.pkg.id ?? null,
      type: v.pkg.type,
      files: v.pkg.files.length,
      bytes: v.pkg.files.reduce((s, f) => s + f.size, 0)
    },
    findings: v.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      path: f.path ?? null,
      ...(f.file !== undefined && f.file !== f.path && { file: f.file }),
      ...(f.line !== undefined && { line: f.line }),
      ...(f.column !== undefined && { column: f.column }),
      message: formatMessage(f),
      // the message's data (the URL, the file it points at, the limit…), so that scripts need not parse English
      args: f.args
    })),
    counts: v.counts,
    ...(v.refs && {
      references: { files: v.refs.files, resolved: v.refs.resolved, external: v.refs.external }
    }),
    ...(v.zip && {
      zip: { path: v.zip.path, sha256: v.zip.sha256, bytes: v.zip.bytes, files: v.zip.files }
    })
  }
}

export type JsonReport = ReturnType<typeof toJsonReport>

/**
 * The report as JSON text. `##[` is written as `#\u0023[` (the same string to a JSON reader) because a CI runner
 * reads `##[cmd]` anywhere in a log line as a command, and file names are attacker-chosen on pull requests.
 */
export function stringifyReport(report: JsonReport): string {
  return JSON.stringify(report, null, 2).replaceAll('##[', '#\\u0023[')
}
