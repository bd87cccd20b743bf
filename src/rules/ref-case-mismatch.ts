import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-case-mismatch',
    description:
      'A reference matches a file of the package (or of the --global-package) only ignoring case.',
    defaultSeverity: 'error',
    message: (a) =>
      `"${a.url}" matches "${a.actual}" only ignoring case; ` +
      // A global resource is matched by its URL, not looked up on a disk that might ignore case.
      (String(a.actual).startsWith('https://')
        ? 'the container matches global URLs exactly, so the phone fetches it from the network'
        : 'it works on a Mac and fails on the phone'),
    fix: 'Write the reference with the exact case of the file name.'
  },
  // a link's is link-broken's (a notice, once per target)
  (ref) =>
    ref.resolution.outcome === 'case-mismatch' &&
    ref.kind !== 'html-link' && { actual: ref.resolution.caseTarget ?? '' }
)
