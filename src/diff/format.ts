import { formatBytes } from '../core/bytes.js'
import { plural, visible } from '../report/text.js'
import { differentPackages, type PackageDiff } from './diff.js'

export { formatBytes }

/** A size change with its sign: `+1.2 KiB`, `-300 B`, `0 B`. */
export function formatDelta(n: number): string {
  return n > 0 ? `+${formatBytes(n)}` : formatBytes(n)
}

/** `+12.5%` of the old size, or empty when there was nothing before. */
export function formatPercent(delta: number, old: number): string {
  if (old === 0) return ''
  const p = (delta / old) * 100
  return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`
}

/** The JSON form: a contract for scripts (`h5-offline diff --format json`). */
export function diffToJson(d: PackageDiff) {
  return {
    old: d.old,
    new: d.new,
    delta: {
      bytes: d.new.bytes - d.old.bytes,
      contentBytes: d.new.contentBytes - d.old.contentBytes
    },
    counts: {
      added: d.added.length,
      removed: d.removed.length,
      changed: d.changed.length,
      renamed: d.renamed.length,
      unchanged: d.unchanged
    },
    added: d.added,
    removed: d.removed,
    changed: d.changed,
    renamed: d.renamed,
    byType: d.byType,
    growers: d.growers,
    skipped: d.skipped
  }
}

function headline(d: PackageDiff): string {
  const zip = d.new.bytes - d.old.bytes
  const pct = formatPercent(zip, d.old.bytes)
  return (
    `zip ${formatBytes(d.old.bytes)} → ${formatBytes(d.new.bytes)} (${formatDelta(zip)}${pct ? `, ${pct}` : ''}); ` +
    `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ` +
    `${d.renamed.length} renamed, ${d.unchanged} unchanged`
  )
}

/** The terminal form: one line per file, names with control characters made visible. */
export function formatDiffText(d: PackageDiff): string {
  const lines: string[] = [headline(d), '']
  const other = differentPackages(d)
  if (other) lines.push(`note: two different packages (${other}), not two versions of one`, '')
  const v = visible
  for (const f of d.added) lines.push(`  A ${v(f.path)}  ${formatDelta(f.size)}`)
  for (const f of d.removed) lines.push(`  D ${v(f.path)}  ${formatDelta(-f.size)}`)
  for (const f of d.changed) lines.push(`  M ${v(f.path)}  ${formatDelta(f.delta)}`)
  for (const r of d.renamed)
    lines.push(
      `  R ${v(r.from)} → ${v(r.path)}  ${r.changed ? formatDelta(r.delta) : 'same content'}`
    )
  if (lines.length > 2) lines.push('')
  if (d.byType.length) {
    lines.push('by type:')
    for (const t of d.byType)
      lines.push(
        `  ${t.type.padEnd(8)} ${String(t.newFiles).padStart(5)} ${t.newFiles === 1 ? 'file ' : 'files'}  ${formatBytes(t.newBytes).padStart(10)}  ${formatDelta(t.delta)}`
      )
    lines.push('')
  }
  if (d.growers.length) {
    lines.push('biggest growers:')
    for (const g of d.growers)
      lines.push(`  ${formatDelta(g.delta).padStart(11)}  ${v(g.path)} (${g.kind})`)
    lines.push('')
  }
  const skipped = d.skipped.old.length + d.skipped.new.length
  if (skipped)
    lines.push(
      `${plural(skipped, 'unreadable entry', 'unreadable entries')} left out of the comparison`,
      ''
    )
  return lines.join('\n')
}

/** Text safe in Markdown (a table cell or a list item): controls made visible, Markdown and HTML characters escaped. */
export function mdEscape(s: string): string {
  return visible(s).replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`)
}

export interface MarkdownOptions {
  /** Most rows per file list, so a comment stays within GitHub's 65,536 characters. Default 50. */
  maxRows?: number
  /** Heading level for the sections (`###` by default). */
  heading?: string
}

/** The Markdown form, for a job summary, a PR comment or `--format markdown`. */
export function formatDiffMarkdown(d: PackageDiff, opts: MarkdownOptions = {}): string {
  const max = opts.maxRows ?? 50
  const h = opts.heading ?? '###'
  const out: string[] = []
  const zip = d.new.bytes - d.old.bytes
  const pct = formatPercent(zip, d.old.bytes)
  out.push(
    `${h} Package diff`,
    '',
    '| | Before | After | Change |',
    '|---|--:|--:|--:|',
    `| Zip | ${formatBytes(d.old.bytes)} | ${formatBytes(d.new.bytes)} | ${formatDelta(zip)}${pct ? ` (${pct})` : ''} |`,
    `| Content | ${formatBytes(d.old.contentBytes)} | ${formatBytes(d.new.contentBytes)} | ${formatDelta(d.new.contentBytes - d.old.contentBytes)} |`,
    `| Files | ${d.old.files} | ${d.new.files} | ${signed(d.new.files - d.old.files)} |`,
    '',
    `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.renamed.length} renamed, ${d.unchanged} unchanged.`,
    ''
  )
  const other = differentPackages(d)
  if (other) out.push(`> **Note:** two different packages (${other}), not two versions of one.`, '')
  // As in the text form: a clean diff must not hide entries it could not compare.
  const skipped = d.skipped.old.length + d.skipped.new.length
  if (skipped)
    out.push(
      `${plural(skipped, 'unreadable entry', 'unreadable entries')} left out of the comparison.`,
      ''
    )
  if (d.growers.length) {
    out.push(`${h}# Biggest growers`, '', '| File | Change | Size | |', '|---|--:|--:|---|')
    for (const g of d.growers)
      out.push(
        `| ${code(g.path)} | ${formatDelta(g.delta)} | ${formatBytes(g.newSize)} | ${g.kind} |`
      )
    out.push('')
  }
  if (d.byType.some((t) => t.delta !== 0 || t.oldFiles !== t.newFiles)) {
    out.push(`${h}# By file type`, '', '| Type | Files | Size | Change |', '|---|--:|--:|--:|')
    for (const t of d.byType)
      out.push(
        `| ${mdEscape(t.type)} | ${t.newFiles} (${signed(t.newFiles - t.oldFiles)}) | ${formatBytes(t.newBytes)} | ${formatDelta(t.delta)} |`
      )
    out.push('')
  }
  const list = (title: string, rows: string[]) => {
    if (!rows.length) return
    out.push(`<details><summary>${title} (${rows.length})</summary>`, '')
    for (const r of rows.slice(0, max)) out.push(`- ${r}`)
    if (rows.length > max) out.push(`- … and ${rows.length - max} more`)
    out.push('', '</details>', '')
  }
  list(
    'Added',
    d.added.map((f) => `${code(f.path)} ${formatBytes(f.size)}`)
  )
  list(
    'Removed',
    d.removed.map((f) => `${code(f.path)} ${formatBytes(f.size)}`)
  )
  list(
    'Changed',
    d.changed.map((f) => `${code(f.path)} ${formatDelta(f.delta)}`)
  )
  list(
    'Renamed',
    d.renamed.map(
      (r) =>
        `${code(r.from)} → ${code(r.path)} ${r.changed ? formatDelta(r.delta) : '(same content)'}`
    )
  )
  return out.join('\n')
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n)
}

/** A file name as Markdown: escaped, not in a code span (a backtick in the name cannot end it early then). */
function code(p: string): string {
  return mdEscape(p)
}
