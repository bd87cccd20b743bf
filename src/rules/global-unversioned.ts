import { defineRule } from './types.js'
import { expectedAfterHost, globalFiles, placeGlobalFile } from './global-util.js'

export default defineRule({
  id: 'global-unversioned',
  description:
    'Global files sit in a version folder under <appId>_<workspace>/ (the server does not version them).',
  defaultSeverity: 'notice',
  message: (a) =>
    `${a.count === 1 ? '1 file sits' : `${a.count} files sit`} directly in ${a.folder}/ (e.g. ${a.example}); without a version folder a new release overwrites what old pages use`,
  fix: 'Put files in a version folder such as <appId>_<workspace>/v1.2.0/ (--version-dir when laying out a build output).',
  check({ pkg, config }, report) {
    const expected = expectedAfterHost(config)
    const depth = expected.length + 1
    const direct = globalFiles(pkg).filter((f) => {
      const placed = placeGlobalFile(f.segs, expected)
      return placed.kind === 'ok' && !placed.versioned
    })
    if (!direct.length) return
    const folder = [pkg.id, ...direct[0].segs.slice(0, depth)].join('/')
    report({ path: folder, args: { count: direct.length, folder, example: direct[0].segs[depth] } })
  }
})
