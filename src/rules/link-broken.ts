import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'link-broken',
    description:
      'A link (<a href>, <area href>) to a page of the package points at no file: following it leaves the package.',
    defaultSeverity: 'notice',
    message: (a) =>
      `link "${a.url}" points at ${a.target || 'nothing'}${a.base === undefined ? '' : ` (resolved against <base href="${a.base}"> on line ${a.baseLine})`}, which is not a file of the package: following it loads the page from the network, or fails offline${a.near === undefined ? '' : `; did you mean "${a.nearUrl}" (${a.near})?`}${a.others === undefined ? '' : ` (${a.others} more link${a.others === 1 ? '' : 's'} to it, on this page or others, are not listed)`}`,
    fix: 'Link to the page file itself, as the build wrote it (about/index.html, about.html): the container serves files of the package by their exact path and maps no folder or route to a page. A route a client-side router handles (history mode) leaves the package on a reload: use hash routing in an offline package.'
  },
  (ref) => {
    const r = ref.resolution
    if (r.outcome !== 'broken' || ref.kind !== 'html-link') return false
    return r.nearTarget ? { near: r.nearTarget, nearUrl: r.nearUrl! } : true
  },
  undefined,
  (ref) => ref.resolution.target ?? ref.url
)
