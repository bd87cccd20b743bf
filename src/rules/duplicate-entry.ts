import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'duplicate-entry',
  description:
    'The zip holds two entries with the same name; which one a reader takes is undefined.',
  defaultSeverity: 'error',
  message: (a) => `zip entry "${a.path}" appears more than once`,
  fix: 'Rebuild the zip from the folder instead of appending to an existing zip.'
})
