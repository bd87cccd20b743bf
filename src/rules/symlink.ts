import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'symlink',
  description: 'A symbolic link in the source; never followed, never packed.',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.path}" is a symbolic link${a.target ? ` to ${a.target}` : ''}; links are not followed or packed`,
  fix: 'Copy the real file into the build output instead of linking it (e.g. cp -L).'
})
