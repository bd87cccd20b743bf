import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'duplicate-entry',
  description:
    'The zip holds two entries with the same name; which one a reader takes is undefined.',
  defaultSeverity: 'error',
  message: (a) =>
    a.as === undefined
      ? `zip entry "${a.path}" appears more than once`
      : `"${a.path}" is both a file and a folder in the zip; no file system can hold both, and the file is lost`,
  fix: 'Rebuild the zip from the folder instead of appending to an existing zip.'
})
