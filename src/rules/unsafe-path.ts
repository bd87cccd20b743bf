import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'unsafe-path',
  description:
    'A zip entry name with "..", an absolute path, a backslash or a drive letter; never extracted.',
  defaultSeverity: 'error',
  message: (a) => `zip entry "${a.path}" is unsafe (${a.reason}); it was not read`,
  fix: 'Rebuild the zip from the folder with relative, forward-slash paths (h5-offline pack does).'
})
