import { defineRule } from './types.js'
import { allPaths } from './util.js'

export default defineRule({
  id: 'name-case-collision',
  description: 'No two paths are equal ignoring case or after Unicode NFC normalisation.',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.path}" and "${a.other}" are the same path on case-insensitive or normalising file systems`,
  fix: 'Rename one of them; the phone and the CDN are case-sensitive, macOS and Windows are not.',
  check({ pkg }, report) {
    const seen = new Map<string, string>()
    for (const p of allPaths(pkg).sort()) {
      const key = p.normalize('NFC').toLowerCase()
      const other = seen.get(key)
      if (other === undefined) seen.set(key, p)
      else if (other !== p) report({ path: p, args: { path: p, other } })
    }
  }
})
