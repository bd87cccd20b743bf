import { formatBytes } from '../core/bytes.js'
import type { ResolvedConfig } from '../core/config.js'
import type { Finding } from '../core/findings.js'
import { defineRule } from './types.js'

/** Exact bytes first: budgets are often given in decimal units (500KB), so a rounded binary figure misleads. */
export const formatBudgetBytes = (n: number): string => {
  const exact = `${n.toLocaleString('en-US')} bytes`
  return n >= 1024 ? `${exact} (${formatBytes(n)})` : exact
}

const rule = defineRule({
  id: 'size-budget',
  description: 'Total size, largest file and zipped size stay within the configured budgets.',
  defaultSeverity: 'error',
  message: (a) =>
    a.kind === 'file'
      ? `"${a.path}" is ${formatBudgetBytes(Number(a.size))}, over the per-file budget of ${formatBudgetBytes(Number(a.budget))}`
      : `the package is ${formatBudgetBytes(Number(a.size))} ${a.kind === 'zipped' ? 'zipped' : 'unzipped'}, over the budget of ${formatBudgetBytes(Number(a.budget))}`,
  fix: 'Shrink or split what grew (compress images, drop unused locales, lazy-load from the network), or raise the budget on purpose.',
  check({ pkg, config }, report) {
    const { total, file, zipped } = config.budgets
    if (file !== undefined) {
      for (const f of pkg.files)
        if (f.size > file)
          report({ path: f.path, args: { kind: 'file', path: f.path, size: f.size, budget: file } })
    }
    if (total !== undefined) {
      const size = pkg.files.reduce((s, f) => s + f.size, 0)
      if (size > total) report({ args: { kind: 'total', size, budget: total } })
    }
    // A zip checked as it is: its own size is the zipped size (pack reports it for a directory, once written).
    if (zipped !== undefined && pkg.zipBytes !== undefined && pkg.zipBytes > zipped)
      report({ args: { kind: 'zipped', size: pkg.zipBytes, budget: zipped } })
  }
})
export default rule

/** A directory's zipped size is only known after packing, so the packer asks for this one finding itself. */
export function zippedBudgetFinding(
  config: ResolvedConfig,
  zipBytes: number
): Omit<Finding, 'severity'> | undefined {
  const budget = config.budgets.zipped
  if (budget === undefined || zipBytes <= budget) return undefined
  return { rule: rule.id, args: { kind: 'zipped', size: zipBytes, budget } }
}
