import { defineRule } from './types.js'
import { globalBaseDepth } from './global-util.js'

export default defineRule({
  id: 'global-stray-file',
  description: 'A global package has no file above its <appId>_<workspace> folder.',
  defaultSeverity: 'error',
  message: (a) => `"${a.path}" sits above the <appId>_<workspace> folder, where no URL can reach it`,
  fix: 'Move the file under ID/<host>/…/<appId>_<workspace>/ or delete it.',
  check({ pkg, config }, report) {
    if (pkg.type !== 'global' || !pkg.id) return
    const depth = globalBaseDepth(config)
    for (const f of pkg.files) {
      // Files outside the ID folder are single-root's to report.
      if (!f.path.startsWith(`${pkg.id}/`)) continue
      if (f.path.split('/').length - 2 < depth) report({ path: f.path, args: { path: f.path } })
    }
  }
})
