/** Severities a finding can carry; `off` only exists in configuration. */
export type Severity = 'error' | 'warning' | 'notice'
export type SeveritySetting = Severity | 'off'

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

export type MessageArgs = Record<string, string | number>

/**
 * A finding is data, never English: the rule id plus the arguments its message template needs.
 * Formatters (text, JSON, annotations, summary, SARIF) turn it into words.
 */
export interface Finding {
  rule: string
  severity: Severity
  /** Path inside the package, starting with the ID folder (`20171228/www/index.html`). */
  path?: string
  /** Path of the source file, relative to the given directory or zip, when it differs from `path`. */
  file?: string
  line?: number
  column?: number
  args: MessageArgs
}

export interface Counts {
  error: number
  warning: number
  notice: number
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

export type FailOn = 'error' | 'warning' | 'never'

export function isFailing(counts: Counts, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (failOn === 'warning') return counts.error + counts.warning > 0
  return counts.error > 0
}

/** Errors first, then by path, line and rule, so every report lists findings in one stable order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.path ?? '', b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.rule, b.rule)
  )
}

/** Byte-wise (code unit) comparison: locale-independent, as zip entry order must be. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
