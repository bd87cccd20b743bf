import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'unsafe-path',
  description:
    'A zip entry name with "..", an absolute path, a backslash or a drive letter, or a file name with a backslash; never extracted or packed.',
  defaultSeverity: 'error',
  message: (a) =>
    a.source === 'folder'
      ? `"${a.path}" has a backslash in its name, a folder separator on Windows; it is left out of the package`
      : `zip entry "${a.path}" is unsafe (${a.reason}); it was not read`,
  fix: 'Build the zip from the folder itself, with relative forward-slash paths and no ".." (h5-offline pack does); rename files that have a backslash in their name.'
})
