import type { MessageArgs } from '../core/findings.js'
import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'link-broken',
    description:
      'A link (<a href>, <area href>) to a page of the package points at no file (or one only ignoring case): following it leaves the package.',
    defaultSeverity: 'notice',
    message: (a) =>
      `link "${a.url}" points at ${a.target || 'the package root'}${a.base === undefined ? '' : ` (resolved against <base href="${a.base}"> on line ${a.baseLine})`}, which is not a file of the package: following it loads the page from the network, or fails offline${a.actual !== undefined ? `; it matches ${a.actual} only ignoring case, which works on a Mac and not on the phone` : a.near === undefined ? '' : `; did you mean "${a.nearUrl}" (${a.near})?`}${a.others === undefined ? '' : ` (${a.others} more link${a.others === 1 ? ' to it, on this page or others, is' : 's to it, on this page or others, are'} not listed)`}`,
    fix: 'Link to the page file itself, as the build wrote it (about/index.html, about.html): the container serves files of the package by their exact path and maps no folder or route to a page. A route a client-side router handles (history mode) leaves the package on a reload: use hash routing in an offline package.'
  },
  (ref): boolean | MessageArgs => {
    const r = ref.resolution
    if (ref.kind !== 'html-link') return false
    if (r.outcome === 'case-mismatch') return { actual: r.caseTarget ?? '' }
    if (r.outcome !== 'broken') return false
    return r.nearTarget ? { near: r.nearTarget, nearUrl: r.nearUrl! } : true
  },
  undefined,
  (ref) => ref.resolution.target ?? ref.url
)
