import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { validatePackage } from '../../src/engine/validate.js'
import { cleanupTempDirs, writeTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'link-broken'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }

describe('link-broken', () => {
  it('reports links to no file of the package as notices, naming the page meant when it is there', async () => {
    const tree = {
      '20171228/www/index.html': [
        '<!doctype html>',
        '<a href="/about/">a</a> <a href="about/">b</a> <a href="posts/hello">c</a>',
        '<a href="gone.html">d</a> <map><area href="ok.html"></map> <a href="ok.html#top">e</a>'
      ].join('\n'),
      '20171228/www/about/index.html': '',
      '20171228/www/posts/hello.html': '',
      '20171228/www/ok.html': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(
      found.map((f) => [f.severity, f.line, f.args.url, f.args.target, f.args.nearUrl])
    ).toEqual([
      ['notice', 2, '/about/', '20171228/about/', '/www/about/index.html'],
      ['notice', 2, 'about/', '20171228/www/about/', './about/index.html'],
      ['notice', 2, 'posts/hello', '20171228/www/posts/hello', './posts/hello.html'],
      ['notice', 3, 'gone.html', '20171228/www/gone.html', undefined]
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'link "/about/" points at 20171228/about/, which is not a file of the package: following it loads the page from the network, or fails offline; did you mean "/www/about/index.html" (20171228/www/about/index.html)?'
    )
  })

  it('leaves other sites, fragments, mail links and template addresses alone, and is not ref-broken', async () => {
    const tree = {
      '20171228/www/index.html': [
        '<a href="https://example.com/x">x</a> <a href="#top">t</a> <a href="mailto:a@b.c">m</a>',
        '<a href="tel:123">p</a> <a href="{{ next }}">n</a> <a href="javascript:void 0">j</a>',
        '<a href="https://cdn.example.com/53E5279071442_test/gone.js">g</a>'
      ].join('\n')
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
    expect(await check('ref-placeholder', tree, REFS)).toEqual([])
    const missing = { '20171228/www/index.html': '<a href="gone.html">g</a>' }
    expect(await check('ref-broken', missing, REFS)).toEqual([])
  })

  it('a link that matches a page only ignoring case is link-broken too, not an error on every page', async () => {
    const nav = '<a href="About.html">a</a> <a href="a~b.html">u</a>'
    const tree = {
      '20171228/www/index.html': nav,
      '20171228/www/x.html': nav,
      '20171228/www/about.html': '',
      '20171228/www/a~b.html': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.severity, f.args.url, f.args.actual, f.args.others])).toEqual([
      ['notice', 'About.html', '20171228/www/about.html', 1]
    ])
    expect(messageOf(RULE, found[0].args)).toContain(
      'it matches 20171228/www/about.html only ignoring case, which works on a Mac and not on the phone (1 more link to it, on this page or others, is not listed)'
    )
    expect(await check('ref-case-mismatch', tree, REFS)).toEqual([])
    expect(await check('ref-url-unsafe', tree, REFS)).toEqual([])
  })

  it('with the rule off, links are not even resolved (the scan counts none)', async () => {
    const site = writeTree({
      '20171228/www/index.html': '<a href="about.html">a</a><a href="gone/">g</a>',
      '20171228/www/about.html': ''
    })
    const resolved = async (rules: Record<string, 'off'>) =>
      (await validatePackage(site, parseConfig({ ...REFS, rules }))).refs?.resolved
    expect(await resolved({})).toBe(1)
    expect(await resolved({ 'link-broken': 'off' })).toBe(0)
  })

  it("names the page moved under the entry folder for a root link or a top-level route, never another folder's page", async () => {
    const tree = {
      '20171228/www/index.html':
        '<a href="/">h</a> <a href="/about">a</a> <a href="/zh/guide/">z</a>',
      '20171228/www/about.html': '',
      '20171228/www/en/guide/index.html': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.args.url, f.args.nearUrl])).toEqual([
      ['/', '/www/index.html'],
      ['/about', '/www/about.html'],
      ['/zh/guide/', undefined]
    ])
  })

  it('reports a link repeated on every page once, with how many more there are', async () => {
    const nav = '<a href="/about/">a</a><a href="/about/">again</a>'
    const tree = {
      '20171228/www/index.html': nav,
      '20171228/www/a.html': nav,
      '20171228/www/b.html': nav
    }
    const found = await check(RULE, tree, REFS)
    expect(found.map((f) => [f.path, f.args.others])).toEqual([['20171228/www/a.html', 5]])
    expect(messageOf(RULE, found[0].args)).toMatch(
      / \(5 more links to it, on this page or others, are not listed\)$/
    )
  })

  it('an <iframe> of a folder URL is no page either (ref-broken), where an <img> of one is left alone', async () => {
    const tree = {
      '20171228/www/index.html': '<iframe src="about/"></iframe><img src="about/">',
      '20171228/www/about/index.html': ''
    }
    const found = await check('ref-broken', tree, REFS)
    expect(found.map((f) => [f.args.url, f.args.nearUrl])).toEqual([
      ['about/', './about/index.html']
    ])
  })
})
