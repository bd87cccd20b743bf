import { sourceIssueRule } from './source-issue.js'

export default sourceIssueRule({
  id: 'name-encoding',
  description:
    'A file or folder name that is not UTF-8 (e.g. GBK from some Windows tools), in a zip or a folder.',
  defaultSeverity: 'error',
  message: (a) =>
    `${a.source === 'folder' ? '' : 'zip entry '}"${a.path}" has a name that is not UTF-8${a.gbk ? ` (read as GBK: "${a.gbk}")` : ''}; ` +
    (a.source === 'folder'
      ? 'it is left out of the package (a phone would show it garbled or not find it)'
      : 'phones will show it garbled or not find it'),
  fix: 'Rename it in UTF-8 (convmv -f gbk -t utf-8 --notest -r <folder> converts a whole tree); zip with a tool that writes UTF-8 names (h5-offline pack, 7-Zip with -mcu=on, Info-ZIP on Linux/macOS).'
})
