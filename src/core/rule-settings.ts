import { UsageError } from './errors.js'

/** `id=severity` pairs, from repeated flags or the lines of an Action input. */
export function parseRuleSettings(items: readonly string[], name: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of items) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*(\S+)\s*$/.exec(item)
    if (!m)
      throw new UsageError(`${name}: "${item}" is not <rule-id>=<off|notice|warning|error>`, name)
    out[m[1]] = m[2]
  }
  return out
}
