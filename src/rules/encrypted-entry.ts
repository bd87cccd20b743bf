import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'encrypted-entry',
  description: 'An encrypted zip entry; MDS cannot read it.',
  defaultSeverity: 'error',
  message: (a) => `zip entry "${a.path}" is encrypted`,
  fix: 'Zip without a password.'
})
