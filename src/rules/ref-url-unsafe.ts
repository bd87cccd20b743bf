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
  (ref) => Boolean(ref.resolution.unsafeChars) && { chars: ref.resolution.unsafeChars ?? '' }
)
