import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-global-missing',
    description:
      'An absolute reference into the global host names no file of the given global package.',
    defaultSeverity: 'error',
    message: (a) =>
      a.expectedHost
        ? `"${a.url}" is on the global host with another port: global resources are served from https://${a.expectedHost}/ only`
        : `"${a.url}" is not a file of the global package given with --global-package`,
    fix: 'Fix the URL (the host with its port, as configured) or publish the file in the global resource package first.'
  },
  (ref) =>
    ref.resolution.outcome === 'global-missing' &&
    (ref.resolution.expectedHost ? { expectedHost: ref.resolution.expectedHost } : true)
)
