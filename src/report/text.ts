import { isFailing, type FailOn, type Finding, type Severity } from '../core/findings.js'
import type { PackedZip } from '../engine/pack.js'
import type { Validation } from '../engine/validate.js'
import { fixFor, formatMessage, location } from './messages.js'

export interface TextOptions {
  color: boolean
  /** What fails the run: the verdict mark follows it (default `error`). */
  failOn?: FailOn
}

const COLORS: Record<Severity | 'dim' | 'bold' | 'ok', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  notice: [36, 39],
  ok: [32, 39],
  dim: [2, 22],
  bold: [1, 22]
}

/**
 * Findings grouped by rule: the rule id and severity, each location with its message, then the fix once.
 * Terminal control characters in file names are made visible so a crafted name cannot rewrite the screen.
 */
export function formatText(v: Validation & { zip?: PackedZip }, opts: TextOptions): string {
  const paint = (style: keyof typeof COLORS, s: string) =>
    opts.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s
  const lines: string[] = []
  // One group per rule and severity: `error ref-broken (16)` counts errors only, a missing icon's warning has its
  // own group, so each header agrees with the totals below.
  const byRule = new Map<string, Finding[]>()
  for (const f of v.findings) {
    const key = `${f.severity} ${f.rule}`
    const list = byRule.get(key) ?? []
    list.push(f)
    byRule.set(key, list)
  }
  for (const findings of byRule.values()) {
    const { rule, severity: sev } = findings[0]
    lines.push(`${paint(sev, `${sev} ${rule}`)} ${paint('dim', `(${findings.length})`)}`)
    for (const f of findings) {
      lines.push(`  ${paint('bold', visible(location(f)))}  ${visible(formatMessage(f))}`)
    }
    lines.push(`  ${paint('dim', `fix: ${fixFor(rule)}`)}`)
    lines.push('')
  }
  const { error, warning, notice } = v.counts
  const pkg = `${visible(v.pkg.id ?? '(no ID)')} (${v.pkg.type}, ${plural(v.pkg.files.length, 'file')})`
  const failOn = opts.failOn ?? 'error'
  // ✗ when the run fails: warnings with fail-on warning, not errors with fail-on never
  const verdict = isFailing(v.counts, failOn) ? paint('error', '✗') : paint('ok', '✓')
  const rule = failOn === 'error' ? '' : ` (fail-on: ${failOn})`
  lines.push(
    `${verdict} ${pkg}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}${rule}`
  )
  if (v.zip) {
    // The count above is of the package checked; junk and secrets never go in, so say where the difference went.
    const leftOut = v.pkg.files.length - v.zip.files
    lines.push(
      `  wrote ${visible(v.zip.path)} (${plural(v.zip.files, 'file')}${leftOut > 0 ? `, ${leftOut} left out: junk or secrets` : ''}, ${plural(v.zip.bytes, 'byte')}, sha256 ${v.zip.sha256})`
    )
  }
  return lines.join('\n') + '\n'
}

/** `1 file`, `2 files`; `plural` gives the irregular form (`entry`, `entries`). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}

/**
 * Control characters (newlines, ESC, bidi overrides) shown as escapes instead of acting on the terminal, and
 * workflow-command syntax (`::cmd::` at a line start, `##[cmd]` anywhere) broken up, so a crafted file name
 * printed in a CI log cannot run a command.
 */
export function visible(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
        c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
      )
      .replace(/^(\s*):/, '$1\\u003a')
      .replaceAll('##[', '#\\u0023[')
  )
}
