import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-broken',
    description:
      'A relative or root-relative reference in HTML/CSS/JS points at no file of the package (a page icon or prefetch: warning).',
    defaultSeverity: 'error',
    message: (a) =>
      `"${a.url}" points at ${a.target || 'nothing'}${a.base === undefined ? '' : ` (resolved against <base href="${a.base}"> on line ${a.baseLine})`}, which is not in the package${a.form === undefined ? '' : ` (${a.form} is the same name in another Unicode normalization form, é as one code point or two: macOS names files in the second; spell both alike, in NFC)`}: the phone fetches it from the network or shows nothing${a.near === undefined ? '' : `; ${a.near} has that name: did you mean "${a.nearUrl}"?`}`,
    fix: 'Fix the path or add the file. Root-relative URLs (/assets/x.js) start at the ID folder, not at www/: build with the folder the build is placed in as base ("/www/": Vite base, Next basePath, Nuxt app.baseURL, Umi publicPath), or place the build straight under the ID folder (--entry-dir set to "", main entry /index.html), or build with a relative base (Vite base "./", webpack/Rsbuild publicPath "auto"). A relative URL in a CSS file starts at the CSS file\'s folder. A <base href> moves where relative URLs start: leave it out or make it the page\'s own folder (Angular: ng build --base-href ./).'
  },
  (ref) => {
    const r = ref.resolution
    // Links are link-broken's: a missing page the user may never open is not a missing file the page needs.
    if (r.outcome !== 'broken' || ref.kind === 'html-link' || ref.kind === 'js-chunk-folder')
      return false
    return {
      ...(r.formTarget && { form: r.formTarget }),
      ...(r.nearTarget && { near: r.nearTarget, nearUrl: r.nearUrl! })
    }
  }
)
