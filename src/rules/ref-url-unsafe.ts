import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-url-unsafe',
    description: 'A reference to a package file contains characters urlencode changes.',
    defaultSeverity: 'warning',
    message: (a) =>
      `"${a.url}" contains ${a.chars}; MDS advises against characters urlencode changes in URLs`,
    fix: 'Rename the file without these characters and update the reference.'
  },
  // a link that reaches its page is fine: links are link-broken's
  (ref) =>
    Boolean(ref.resolution.unsafeChars) &&
    ref.kind !== 'html-link' && { chars: ref.resolution.unsafeChars ?? '' }
)
