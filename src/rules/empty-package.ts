import { defineRule } from './types.js'
import { isDroppedByPacker } from './util.js'

export default defineRule({
  id: 'empty-package',
  description:
    'The package has at least one file (from a folder: one the packer keeps, not only OS litter or secrets).',
  defaultSeverity: 'error',
  message: (a) =>
    a.dropped
      ? `the package has no files but ${a.dropped} the packer leaves out (OS litter such as .DS_Store, or secrets)`
      : 'the package has no files',
  fix: 'Point at the build output (e.g. dist/) after the build has run, and check include/exclude patterns.',
  check({ pkg, config }, report) {
    // A zip is uploaded as it is; from a folder, only what pack writes counts.
    const kept =
      pkg.sourceKind === 'zip'
        ? pkg.files.length
        : pkg.files.filter(
            (f) => !isDroppedByPacker(pkg, f.path, config.keepJunk, config.allowSensitive)
          ).length
    if (kept === 0) report({ args: pkg.files.length ? { dropped: pkg.files.length } : {} })
  }
})
