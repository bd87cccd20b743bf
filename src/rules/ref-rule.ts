import type { RefOutcome } from '../refs/resolve.js'
import type { ScannedRef } from '../refs/scan.js'
import type { Report, Rule } from './types.js'
import { defineRule } from './types.js'

/** A ref-* rule reports the scanned references that ended in one outcome, at the referencing file and line. */
export function referenceRule(
  rule: Omit<Rule, 'check' | 'needsContent'>,
  select: (ref: ScannedRef) => boolean | Report['args'],
  /** A severity for this reference other than the rule's own. */
  severityOf?: (ref: ScannedRef) => Report['severity']
): Rule {
  return defineRule({
    ...rule,
    needsContent: true,
    check({ refs }, report) {
      for (const ref of refs?.notable ?? []) {
        const extra = select(ref)
        if (!extra) continue
        const severity = severityOf?.(ref) ?? (ref.cosmetic ? 'warning' : undefined)
        report({
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
        })
      }
    }
  })
}

export const outcomeIs = (outcome: RefOutcome) => (ref: ScannedRef) =>
  ref.resolution.outcome === outcome
