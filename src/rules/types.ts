import type { ResolvedConfig } from '../core/config.js'
import type { MessageArgs, Severity } from '../core/findings.js'
import type { PackageModel } from '../core/layout.js'
import type { ReferenceScan } from '../refs/scan.js'

export interface RuleContext {
  config: ResolvedConfig
  pkg: PackageModel
  /** The reference scan, for the ref-* rules; absent when references are not checked. */
  refs?: ReferenceScan
}

export interface Report {
  path?: string
  line?: number
  column?: number
  args?: MessageArgs
  /** For rules whose default depends on the case (e.g. error for global, warning for standard packages). */
  severity?: Severity
}

/**
 * A rule is data plus a check, one file each (markdownlint's model). `message` and `fix` are the English the
 * formatters use; the check itself only reports paths and arguments.
 */
export interface Rule {
  id: string
  description: string
  defaultSeverity: Severity
  /** When a rule reports on file contents it reads them, so the engine can skip it with --no-refs. */
  needsContent?: boolean
  message(args: MessageArgs): string
  /** One sentence on how to fix it, shown under the findings of the rule. */
  fix: string
  check(ctx: RuleContext, report: (r: Report) => void): void | Promise<void>
}

export function defineRule(rule: Rule): Rule {
  return rule
}
