import { defineRule } from './types.js'
import { allPaths, isAllowedSensitive, isSensitive } from './util.js'

export default defineRule({
  id: 'sensitive-file',
  description:
    '.env*, .git/, .npmrc, .pypirc, .pgpass, .aws/, .htpasswd, .netrc, private keys and key stores (*.pem, *.key, id_rsa*, *.ppk, *.jks, *.keystore) never ship.',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.path}" looks like a secret; it would be readable on every phone (the packer never packs it)`,
  fix: 'Remove it from the build output. If it is really public, list its exact path (in the package or in the source folder) in allowSensitive.',
  check({ pkg, config }, report) {
    let reportedDir: string | undefined
    for (const p of allPaths(pkg).sort()) {
      if (!isSensitive(p) || isAllowedSensitive(pkg, p, config.allowSensitive)) continue
      // A .git folder is one finding, not one per object file.
      if (reportedDir && p.startsWith(`${reportedDir}/`)) continue
      if (pkg.directories.includes(p)) reportedDir = p
      report({ path: p, args: { path: p } })
    }
  }
})
