import { defineRule } from './types.js'

export default defineRule({
  id: 'empty-package',
  description: 'The package has at least one file.',
  defaultSeverity: 'error',
  message: () => 'the package has no files',
  fix: 'Point at the build output (e.g. dist/) after the build has run, and check include/exclude patterns.',
  check({ pkg }, report) {
    if (pkg.files.length === 0) report({ args: {} })
  }
})
