import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'name-encoding',
  description: 'A zip entry name that is not UTF-8 (e.g. GBK from some Windows tools).',
  defaultSeverity: 'error',
  message: (a) =>
    `zip entry "${a.path}" has a name that is not UTF-8${a.gbk ? ` (read as GBK: "${a.gbk}")` : ''}; phones will show it garbled or not find it`,
  fix: 'Zip with a tool that writes UTF-8 names (h5-offline pack, 7-Zip with -mcu=on, Info-ZIP on Linux/macOS).'
})
