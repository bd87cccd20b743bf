import { outcomeIs, referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-global-relative',
    description:
      'A standard package reaches a global resource by a relative or protocol-relative URL.',
    defaultSeverity: 'error',
    message: (a) =>
      `"${a.url}" reaches the global resource package without an absolute URL; only https://<host>/… is served from it`,
    fix: 'Write global resources as absolute URLs, e.g. https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js.'
  },
  outcomeIs('global-relative')
)
