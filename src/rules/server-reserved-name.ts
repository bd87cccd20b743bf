import { defineRule } from './types.js'

const RESERVED = ['hpmfile.json', 'Manifest.xml', 'CERT.json']

export default defineRule({
  id: 'server-reserved-name',
  description:
    'No hpmfile.json, Manifest.xml or CERT.json at the package root: the MDS server writes those.',
  defaultSeverity: 'warning',
  message: (a) => `"${a.path}" collides with the ${a.name} the MDS server adds to the .amr`,
  fix: 'Rename or move the file into a subfolder.',
  check({ pkg }, report) {
    if (!pkg.id) return
    for (const name of RESERVED) {
      const path = `${pkg.id}/${name}`
      if (pkg.files.some((f) => f.path === path)) report({ path, args: { path, name } })
    }
  }
})
