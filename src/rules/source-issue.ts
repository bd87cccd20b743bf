import type { Rule } from './types.js'
import { defineRule } from './types.js'

/** Rules whose findings come from reading the container itself (directory walk or zip central directory). */
export function sourceIssueRule(rule: Omit<Rule, 'check'>): Rule {
  return defineRule({
    ...rule,
    check({ pkg }, report) {
      for (const issue of pkg.issues)
        if (issue.rule === rule.id)
          report({ path: issue.name, args: { ...issue.args, path: issue.name } })
    }
  })
}
