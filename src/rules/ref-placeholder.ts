import { outcomeIs, referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-placeholder',
    description:
      'A reference in HTML/CSS is a template placeholder left unfilled ({{ }}, <% %>, ${}); it is requested as written (an error in a script src or stylesheet link).',
    defaultSeverity: 'warning',
    message: (a) =>
      `"${a.url}" is a template placeholder left in the file: the page is served as it is, so the phone requests this text literally`,
    fix: 'Build the page with the tool that fills the placeholder (Vue CLI fills <%= BASE_URL %>), or bind the URL in script (Vue :src, Angular ng-src) instead of writing it into src.'
  },
  outcomeIs('placeholder'),
  // A script or stylesheet is fetched as the page is parsed, before any script could fill it: the app never starts,
  // or shows unstyled. Elsewhere a framework may still bind the attribute.
  (ref) => (ref.tag === 'script' || ref.stylesheet ? 'error' : undefined)
)
