import { defineRule } from './types.js'
import { allPaths, isJunk } from './util.js'

export default defineRule({
  id: 'junk-file',
  description:
    '.DS_Store, Thumbs.db, desktop.ini, ._* and __MACOSX/ are OS litter (the packer leaves them out).',
  defaultSeverity: 'warning',
  message: (a) =>
    a.inZip
      ? `"${a.path}" is OS litter inside the zip`
      : `"${a.path}" is OS litter; the packer leaves it out of the zip`,
  fix: 'Delete it, or let `pack` build the zip (it drops these); on macOS zip with `zip -r -X` or our packer, not Finder.',
  check({ pkg, config }, report) {
    const inZip = pkg.sourceKind === 'zip' || config.keepJunk ? 1 : 0
    let macosx: string | undefined
    for (const p of allPaths(pkg).sort()) {
      if (!isJunk(p)) continue
      // One finding for a __MACOSX folder, not one per resource fork inside it.
      if (macosx && p.startsWith(`${macosx}/`)) continue
      if (p.endsWith('__MACOSX')) macosx = p
      if (pkg.directories.includes(p) && !p.endsWith('__MACOSX')) continue
      report({ path: p, args: { path: p, inZip } })
    }
  }
})
