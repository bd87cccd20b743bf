import { defineRule } from './types.js'
import { buildOutputAtTop, uploadedTopLevel } from './util.js'

export default defineRule({
  id: 'single-root',
  description:
    'The zip has exactly one first-level entry, a folder (no stray files, no __MACOSX/).',
  defaultSeverity: 'error',
  message: (a) =>
    a.kind === 'file'
      ? `"${a.name}" is a file at the top of the zip; only the package ID folder may be there`
      : `"${a.name}" is a second top-level folder; the zip must hold only the package ID folder`,
  fix: 'Zip the ID folder itself (not its parent or its contents) and leave nothing else beside it.',
  check({ pkg, config }, report) {
    // package-id-format names that cause once; a line per entry here would bury it
    if (buildOutputAtTop(pkg, config.keepJunk)) return
    const top = uploadedTopLevel(pkg, config.keepJunk)
    if (top.length === 0) return
    const root =
      top.find((t) => t.kind === 'directory' && t.name === pkg.id) ??
      top.find((t) => t.kind === 'directory')
    for (const t of top) {
      if (t === root) continue
      report({ path: t.name, args: { name: t.name, kind: t.kind } })
    }
  }
})
