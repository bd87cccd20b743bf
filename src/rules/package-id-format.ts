import { defineRule } from './types.js'
import { isJunk, isPackageIdFolder, uploadedTopLevel } from './util.js'

export default defineRule({
  id: 'package-id-format',
  description: 'The first-level folder is an 8-digit package ID.',
  defaultSeverity: 'error',
  message: (a) =>
    a.name
      ? `the package folder "${a.name}" is not an 8-digit package ID${a.hint ? ` (${a.hint})` : ''}`
      : 'there is no package ID folder at the top of the package',
  fix: 'Name the top folder with the 8-digit ID from the MDS console (e.g. 20171228); keep leading zeros.',
  check({ pkg, config }, report) {
    const dirs = uploadedTopLevel(pkg, config.keepJunk).filter(
      (t) => t.kind === 'directory' && !isJunk(t.name)
    )
    if (dirs.some((d) => isPackageIdFolder(d.name))) return
    if (dirs.length === 0) {
      if (pkg.files.length) report({ args: { name: '' } })
      return
    }
    const name = dirs[0].name
    const hint = /^\d{16}$/.test(name)
      ? 'a 16-digit ID is a mini-program, not an H5 offline package'
      : /^\d+$/.test(name)
        ? `${name.length} digits`
        : ''
    report({ path: name, args: { name, hint } })
  }
})
