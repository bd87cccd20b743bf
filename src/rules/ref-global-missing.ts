import { outcomeIs, referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-global-missing',
    description:
      'An absolute reference into the global host names no file of the given global package.',
    defaultSeverity: 'error',
    message: (a) => `"${a.url}" is not a file of the global package given with --global-package`,
    fix: 'Fix the URL or publish the file in the global resource package first.'
  },
  outcomeIs('global-missing')
)
