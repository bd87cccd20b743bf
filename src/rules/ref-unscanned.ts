import { formatBytes } from '../core/bytes.js'
import { MAX_SCANNED_BYTES } from '../refs/extract.js'
import { formatBudgetBytes } from './size-budget.js'
import { defineRule } from './types.js'

export default defineRule({
  id: 'ref-unscanned',
  description: `An HTML/CSS/JS file over ${formatBytes(MAX_SCANNED_BYTES)} is not read by the reference scan: its references are unchecked.`,
  defaultSeverity: 'warning',
  needsContent: true,
  message: (a) =>
    `"${a.path}" is ${formatBudgetBytes(Number(a.size))}, over the ${formatBytes(MAX_SCANNED_BYTES)} the reference scan reads: its references were not checked`,
  fix: 'Split the file (a file this big also delays the first page load), or check the URLs it loads yourself and turn this rule off.',
  check({ refs }, report) {
    for (const f of refs?.unscanned ?? [])
      report({ path: f.path, args: { path: f.path, size: f.size } })
  }
})
