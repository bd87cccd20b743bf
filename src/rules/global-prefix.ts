import { defineRule } from './types.js'
import { describeExpected, expectedAfterHost, globalFiles, placeGlobalFile } from './global-util.js'

export default defineRule({
  id: 'global-prefix',
  description:
    'After the host come the configured prefix, the optional bucket, then <appId>_<workspace> as configured.',
  defaultSeverity: 'error',
  message: (a) => `folder "${a.found}" in ${a.parent} should be "${a.expected}"`,
  fix: 'Lay global files out as ID/<host>/[prefix/][bucket/]<appId>_<workspace>/…, matching --prefix, --bucket, --app-id and --workspace.',
  check({ pkg, config }, report) {
    const expected = expectedAfterHost(config)
    const seen = new Set<string>()
    for (const { segs } of globalFiles(pkg)) {
      const placed = placeGlobalFile(segs, expected)
      if (placed.kind !== 'mismatch') continue
      const i = placed.index
      const dir = [pkg.id, ...segs.slice(0, i + 2)].join('/')
      if (seen.has(dir)) continue
      seen.add(dir)
      report({
        path: dir,
        args: {
          found: segs[i + 1],
          parent: [pkg.id, ...segs.slice(0, i + 1)].join('/'),
          expected: describeExpected(expected[i])
        }
      })
    }
  }
})
