import { afterAll, describe, expect, it } from 'vitest'
import { extractCssRefs, extractHtmlRefs } from '../../src/refs/extract.js'
import { cleanupTempDirs, findingsOf, validateTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-placeholder'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }

describe('ref-placeholder', () => {
  it('reports a page template copied into the build unfilled, at the placeholder: an error for a script or stylesheet', async () => {
    const tree = {
      '20171228/www/index.html': [
        '<!doctype html>',
        '<link rel="icon" href="<%= BASE_URL %>favicon.ico">',
        '<script src="{{ cdn }}/app.js"></script>',
        '<link rel="stylesheet" href="<%= BASE_URL %>css/app.css">',
        '<img src="{{ logo }}">',
        // hints, not what the page waits for
        '<link rel="preload" as="image" href="{{ cdn }}/hero.png"><link rel="modulepreload" href="{{ cdn }}/m.js">'
      ].join('\n')
    }
    const found = await check(RULE, tree, REFS)
    // the script and the stylesheet are fetched as the page is parsed, before anything could fill them
    expect(found.map((f) => [f.severity, f.line, f.args.url])).toEqual([
      ['error', 3, '{{ cdn }}/app.js'],
      ['error', 4, '<%= BASE_URL %>css/app.css'],
      ['warning', 2, '<%= BASE_URL %>favicon.ico'],
      ['warning', 5, '{{ logo }}'],
      ['warning', 6, '{{ cdn }}/hero.png'],
      ['warning', 6, '{{ cdn }}/m.js']
    ])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      '"{{ cdn }}/app.js" is a template placeholder left in the file: the page is served as it is, so the phone requests this text literally'
    )
    // not resolved into a broken path as well
    const v = await validateTree(tree, REFS)
    expect(findingsOf(v.findings, 'ref-broken')).toEqual([])
  })

  it('covers <style>, style attributes and stylesheets; not <template>, not other non-references', async () => {
    const html = [
      '<style>.a { background: url(${img}/a.png) }</style>',
      '<div style="background: url(\'{{ bg }}\')"></div>',
      '<template><img src="{{ item.icon }}"><template><img src="{{ x }}"></template></template>',
      '<img src="{{ after }}">',
      '<img src="data:image/png;base64,{{x}}"><a href="#{{ id }}"></a><img src="#{{ id }}">'
    ].join('\n')
    expect(
      extractHtmlRefs(html)
        .refs.filter((r) => r.placeholder)
        .map((r) => [r.url, r.line])
    ).toEqual([
      ['${img}/a.png', 1],
      ['{{ bg }}', 2],
      ['{{ after }}', 4]
    ])
    expect(extractCssRefs('.b { background: url("<%= cdn %>/b.png") }')).toEqual([
      { url: '<%= cdn %>/b.png', line: 1, column: 23, kind: 'css-url', placeholder: true }
    ])
    const found = await check(
      RULE,
      {
        '20171228/www/index.html': '<!doctype html>',
        '20171228/www/a.css': '.b{background:url({{x}})}'
      },
      REFS
    )
    expect(found.map((f) => [f.path, f.args.url])).toEqual([['20171228/www/a.css', '{{x}}']])
  })

  it('passes filled URLs and template text outside URLs', async () => {
    const tree = {
      '20171228/www/index.html':
        '<!doctype html>\n<p>{{ message }}</p>\n<img :src="logo" src="img/logo.png">',
      '20171228/www/img/logo.png': ''
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
  })
})
