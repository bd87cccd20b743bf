import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-broken',
    description:
      'A relative or root-relative reference in HTML/CSS/JS points at no file of the package (a page icon or prefetch: warning).',
    defaultSeverity: 'error',
    message: (a) =>
      `"${a.url}" points at ${a.target || 'nothing'}${a.base === undefined ? '' : ` (resolved against <base href="${a.base}"> on line ${a.baseLine})`}, which is not in the package${a.form === undefined ? '' : ` (${a.form} is the same name in another Unicode normalization form, é as one code point or two: macOS names files in the second; spell both alike, in NFC)`}: the phone fetches it from the network or shows nothing`,
    fix: 'Fix the path or add the file. Root-relative URLs (/assets/x.js) start at the ID folder: build with a relative base (Vite base: "./"). A <base href> moves where relative URLs start: leave it out or make it the page\'s own folder (Angular: ng build --base-href ./).'
  },
  (ref) =>
    ref.resolution.outcome === 'broken' &&
    (ref.resolution.formTarget ? { form: ref.resolution.formTarget } : true)
)
