import { isHostLike, type PackageModel } from '../core/layout.js'
import { defineRule } from './types.js'
import { buildOutputAtTop, isJunk, isPackageIdFolder, uploadedTopLevel } from './util.js'

export default defineRule({
  id: 'package-id-format',
  description: 'The first-level folder is an 8-digit package ID.',
  defaultSeverity: 'error',
  message: (a) =>
    a.buildOutput
      ? `the ${a.source} holds a build output's contents at its top (${a.buildOutput}) where the 8-digit package ID folder should be: ${
          a.source === 'zip'
            ? `pack the build folder with \`h5-offline pack <build-folder> --id ${a.id || '<ID>'} --out <file.zip>\`, or zip the ID folder itself (\`zip -r package.zip ${a.id || '<ID>'}\`, not \`zip -r package.zip .\` inside it)`
            : `validate it as the build output it is (without --layout laid-out, with --id${a.id ? ` ${a.id}` : ''}), or put it in the ID folder`
        }`
      : a.nested
        ? `the package folder "${a.name}" holds only another "${a.nested}" folder: the package was zipped one level too high, and every URL would start with /${a.nested}/`
        : a.name
          ? `the package folder "${a.name}" is not an 8-digit package ID${a.hint ? ` (${a.hint})` : ''}`
          : 'there is no package ID folder at the top of the package',
  fix: 'Name the top folder with the 8-digit ID from the MDS console (e.g. 20171228); keep leading zeros. Zip the ID folder itself, not a folder around it.',
  check({ pkg, config }, report) {
    const build = buildOutputAtTop(pkg, config.keepJunk)
    if (build) {
      const names = build.map((t) => (t.kind === 'directory' ? `${t.name}/` : t.name))
      report({
        args: {
          buildOutput: [...names.slice(0, 3), ...(names.length > 3 ? ['…'] : [])].join(', '),
          source: pkg.sourceKind === 'zip' ? 'zip' : 'folder',
          id: config.id ?? ''
        }
      })
      return
    }
    const dirs = uploadedTopLevel(pkg, config.keepJunk).filter(
      (t) => t.kind === 'directory' && !isJunk(t.name)
    )
    const idFolder = dirs.find((d) => isPackageIdFolder(d.name))
    if (idFolder) {
      const nested = onlyFolderIn(pkg, idFolder.name)
      if (nested !== undefined && isPackageIdFolder(nested))
        report({ path: idFolder.name, args: { name: idFolder.name, nested } })
      return
    }
    if (dirs.length === 0) {
      if (pkg.files.length) report({ args: { name: '' } })
      return
    }
    const name = dirs[0].name
    const inner = onlyFolderIn(pkg, name)
    const hint = /^\d{16}$/.test(name)
      ? 'a 16-digit ID is a mini-program, not an H5 offline package'
      : /^\d+$/.test(name)
        ? `${name.length} digits`
        : inner !== undefined && isPackageIdFolder(inner)
          ? `the ID folder "${inner}" is inside it: zip that folder itself`
          : name === config.entryDir || isHostLike(name)
            ? `it is what goes inside the ID folder: the folder's contents were zipped, not the ID folder itself (zip -r package.zip ${config.id ?? '<ID>'})`
            : ''
    report({ path: name, args: { name, hint } })
  }
})

/** The one entry right under `dir`, when it is a folder and nothing else is there. */
function onlyFolderIn(pkg: PackageModel, dir: string): string | undefined {
  const prefix = `${dir}/`
  const children = new Set<string>()
  for (const f of pkg.files) {
    if (!f.path.startsWith(prefix)) continue
    const rest = f.path.slice(prefix.length)
    const slash = rest.indexOf('/')
    // a file right under `dir`: not a lone folder
    if (slash === -1) return undefined
    children.add(rest.slice(0, slash))
    if (children.size > 1) return undefined
  }
  return children.size === 1 ? [...children][0] : undefined
}
