import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'special-file',
  description: 'A device, socket or FIFO in the source; never read.',
  defaultSeverity: 'error',
  message: (a) => `"${a.path}" is not a regular file or folder (a socket, FIFO or device)`,
  fix: 'Remove it from the build output.'
})
