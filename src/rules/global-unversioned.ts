import { defineRule } from './types.js'
import { globalBaseDepth, globalFiles } from './global-util.js'

export default defineRule({
  id: 'global-unversioned',
  description: 'Global files sit in a version folder under <appId>_<workspace>/ (the server does not version them).',
  defaultSeverity: 'notice',
  message: (a) =>
    `${a.count} file(s) sit directly in ${a.folder}/ (e.g. ${a.example}); without a version folder a new release overwrites what old pages use`,
  fix: 'Put files in a version folder such as <appId>_<workspace>/v1.2.0/ (--version-dir when laying out a build output).',
  check({ pkg, config }, report) {
    const depth = globalBaseDepth(config)
    const direct = globalFiles(pkg).filter((f) => f.segs.length === depth + 1)
    if (!direct.length) return
    const folder = [pkg.id, ...direct[0].segs.slice(0, depth)].join('/')
    report({ path: folder, args: { count: direct.length, folder, example: direct[0].segs[depth] } })
  }
})
