import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-global-relative',
    description:
      'A standard package reaches a global resource by a relative or protocol-relative URL.',
    defaultSeverity: 'error',
    message: (a) =>
      `"${a.url}" reaches the global resource package without an absolute URL; only https://<host>/… is served from it` +
      (a.absolute ? `: write ${a.absolute}` : ''),
    fix: 'Write global resources as absolute URLs: https://, the host, then the path after the host folder (public cloud: https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js).'
  },
  (ref) =>
    ref.resolution.outcome === 'global-relative' &&
    (ref.resolution.absolute ? { absolute: ref.resolution.absolute } : true)
)
