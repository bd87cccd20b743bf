import type { RefOutcome } from '../refs/resolve.js'
import type { ScannedRef } from '../refs/scan.js'
import type { Report, Rule } from './types.js'
import { defineRule } from './types.js'

/** A ref-* rule reports the scanned references that ended in one outcome, at the referencing file and line. */
export function referenceRule(
  rule: Omit<Rule, 'check' | 'needsContent'>,
  select: (ref: ScannedRef) => boolean | Report['args'],
  /** A severity for this reference other than the rule's own. */
  severityOf?: (ref: ScannedRef) => Report['severity'],
  /**
   * Report the references with one key once, at the first, with how many `others` there are (a site's navigation
   * repeats its links on every page: one finding per target, not one per page).
   */
  onceBy?: (ref: ScannedRef) => string
): Rule {
  return defineRule({
    ...rule,
    needsContent: true,
    check({ refs }, report) {
      const firsts = new Map<string, { finding: Report; others: number }>()
      for (const ref of refs?.notable ?? []) {
        const extra = select(ref)
        if (!extra) continue
        const key = onceBy?.(ref)
        const seen = key === undefined ? undefined : firsts.get(key)
        if (seen) {
          seen.others++
          continue
        }
        const severity = severityOf?.(ref) ?? (ref.cosmetic ? 'warning' : undefined)
        const finding: Report = {
          // A missing favicon costs a request, not the page.
          ...(severity && { severity }),
          path: ref.from,
          line: ref.line,
          column: ref.column,
          args: {
            url: ref.url,
            target: ref.resolution.target ?? '',
            ...(ref.base && { base: ref.base.url, baseLine: ref.base.line }),
            ...(typeof extra === 'object' ? extra : {})
          }
        }
        if (key === undefined) report(finding)
        else firsts.set(key, { finding, others: 0 })
      }
      for (const { finding, others } of firsts.values())
        report(others ? { ...finding, args: { ...finding.args, others } } : finding)
    }
  })
}

export const outcomeIs = (outcome: RefOutcome) => (ref: ScannedRef) =>
  ref.resolution.outcome === outcome
