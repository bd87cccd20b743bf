import type { ResolvedConfig } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import type { Finding } from '../core/findings.js'
import { sourcePathOf } from '../core/layout.js'
import type { Rule, RuleContext } from '../rules/types.js'

/** Rejects rule ids the configuration names but no rule has, so a typo cannot silence a rule. */
/**
 * Refuses a severity set for a rule that does not exist (a typo would silently change nothing). `describeKey` is the
 * edge's name for where a key was set (`h5.json: "rules.x"`, `--rule`), as parseConfig takes it.
 */
export function checkRuleSettings(
  config: ResolvedConfig,
  rules: readonly Rule[],
  describeKey?: (keyPath: PropertyKey[]) => string
): void {
  const known = new Set(rules.map((r) => r.id))
  const unknown = Object.keys(config.rules).filter((id) => !known.has(id))
  if (unknown.length) {
    const where = describeKey ? `${describeKey(['rules', unknown[0]!])}: ` : ''
    throw new UsageError(
      `${where}unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known rules: ${[...known].sort().join(', ')}`,
      'rules'
    )
  }
}

export async function runRules(rules: readonly Rule[], ctx: RuleContext): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const rule of rules) {
    const setting = ctx.config.rules[rule.id]
    if (setting === 'off') continue
    await rule.check(ctx, (r) => {
      findings.push({
        rule: rule.id,
        // A configured severity wins over the rule's own case-by-case default.
        severity: setting ?? r.severity ?? rule.defaultSeverity,
        ...(r.path !== undefined && { path: r.path, file: sourcePathOf(ctx.pkg, r.path) }),
        ...(r.line !== undefined && { line: r.line }),
        ...(r.column !== undefined && { column: r.column }),
        args: r.args ?? {}
      })
    })
  }
  return findings
}
