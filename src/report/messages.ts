import type { Finding } from '../core/findings.js'
import { contentRules, packageRules } from '../rules/index.js'
import type { Rule } from '../rules/types.js'

const RULES = new Map<string, Rule>([...packageRules, ...contentRules].map((r) => [r.id, r]))

export const DOCS_BASE = 'https://github.com/h5-offline/h5-offline-action/blob/main/docs/rules'

/** The one place findings become English. */
export function formatMessage(f: Finding): string {
  return RULES.get(f.rule)?.message(f.args) ?? `${f.rule}: ${JSON.stringify(f.args)}`
}

export function fixFor(ruleId: string): string {
  return RULES.get(ruleId)?.fix ?? ''
}

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`
}

/** `path:line:column` with whatever parts the finding has. */
export function location(f: Finding): string {
  if (!f.path) return '(package)'
  return [f.path, f.line, f.line !== undefined ? f.column : undefined]
    .filter((p) => p !== undefined)
    .join(':')
}
