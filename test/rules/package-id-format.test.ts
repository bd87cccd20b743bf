import { afterAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { cleanupTempDirs, validateTree } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'package-id-format'
/** A directory without an 8-digit folder is a build output unless the layout is forced. */
const LAID_OUT = { ...STANDARD_CONFIG, layout: 'laid-out' as const }

describe('package-id-format', () => {
  it.each([
    ['2017122', '7 digits'],
    ['201712281', '9 digits'],
    ['2017122820171228', 'a 16-digit ID is a mini-program, not an H5 offline package'],
    ['site', '']
  ])('reports the folder %s (hint: %s)', async (name, hint) => {
    const found = await check(RULE, { [`${name}/www/index.html`]: 'x' }, LAID_OUT)
    expect(found).toEqual([
      { severity: 'error', path: name, line: undefined, args: { name, hint } }
    ])
  })

  it('says when the ID folder is one level down, or holds only another ID folder (zipped one level too high)', async () => {
    const wrapped = zipOf([{ name: '20171228_1.0.0/20171228/www/index.html', data: 'x' }])
    expect((await check(RULE, wrapped, STANDARD_CONFIG)).map((f) => f.args)).toEqual([
      {
        name: '20171228_1.0.0',
        hint: 'the ID folder "20171228" is inside it: zip that folder itself'
      }
    ])
    const nested = zipOf([{ name: '20171228/20171228/www/index.html', data: 'x' }])
    const found = await check(RULE, nested, STANDARD_CONFIG)
    expect(found.map((f) => [f.path, f.args])).toEqual([
      ['20171228', { name: '20171228', nested: '20171228' }]
    ])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      'the package folder "20171228" holds only another "20171228" folder: the package was zipped one level too high, and every URL would start with /20171228/'
    )
    // a lone folder of another name, or an ID folder beside other entries, is a layout like any other
    for (const names of [
      ['20171228/www/index.html'],
      ['20171228/20180101/a.png', '20171228/www/index.html']
    ]) {
      const zip = zipOf(names.map((name) => ({ name, data: 'x' })))
      expect(await check(RULE, zip, STANDARD_CONFIG), names.join()).toEqual([])
    }
  })

  it("says once that a zip holds a build output's contents at its top, and how to fix it", async () => {
    const flat = zipOf([
      { name: 'assets/app.js', data: 'x' },
      { name: 'index.html', data: 'x' },
      { name: 'favicon.ico', data: 'x' },
      { name: 'img/a.png', data: 'x' }
    ])
    const found = await check(RULE, flat, { ...STANDARD_CONFIG, id: '20171228' })
    expect(found.map((f) => [f.path, f.args])).toEqual([
      [undefined, { buildOutput: 'assets/, favicon.ico, img/, …', source: 'zip', id: '20171228' }]
    ])
    expect(messageOf(RULE, found[0]!.args)).toBe(
      "the zip holds a build output's contents at its top (assets/, favicon.ico, img/, …) where the 8-digit package ID folder should be: pack the build folder with `h5-offline pack <build-folder> --id 20171228 --out <file.zip>`, or zip the ID folder itself (`zip -r package.zip 20171228`, not `zip -r package.zip .` inside it)"
    )
    // single-root says nothing more: one cause, one finding
    expect(await check('single-root', flat, STANDARD_CONFIG)).toEqual([])
    // the same tree given as a laid-out folder
    const tree = { 'index.html': 'x', 'assets/app.css': 'x' }
    const laidOut = await check(RULE, tree, LAID_OUT)
    expect(laidOut.map((f) => f.args.source)).toEqual(['folder'])
    expect(messageOf(RULE, laidOut[0]!.args)).toContain(
      'validate it as the build output it is (without --layout laid-out, with --id)'
    )
    // an ID folder at the top is a package, stray files and all: single-root names them
    const stray = zipOf([
      { name: 'index.html', data: 'x' },
      { name: '20171228/www/index.html', data: 'x' }
    ])
    expect(await check(RULE, stray, STANDARD_CONFIG)).toEqual([])
    expect((await check('single-root', stray, STANDARD_CONFIG)).map((f) => f.path)).toEqual([
      'index.html'
    ])
  })

  it('reports a zip whose top folder has 9 digits, with the count in the message', async () => {
    const found = await check(
      RULE,
      zipOf([{ name: '201712281/www/index.html', data: 'x' }]),
      STANDARD_CONFIG
    )
    expect(found).toHaveLength(1)
    expect(messageOf(RULE, found[0].args)).toBe(
      'the package folder "201712281" is not an 8-digit package ID (9 digits)'
    )
  })

  it("says when the zip holds the ID folder's contents (www/ or a host folder at its top)", async () => {
    const found = await check(RULE, zipOf([{ name: 'www/index.html', data: 'x' }]), {
      ...STANDARD_CONFIG,
      id: '20171228'
    })
    expect(messageOf(RULE, found[0]!.args)).toBe(
      'the package folder "www" is not an 8-digit package ID (it is what goes inside the ID folder: the folder\'s contents were zipped, not the ID folder itself (zip -r package.zip 20171228))'
    )
  })

  it('reports a package with files but no folder at the top (and no page: that is a build output)', async () => {
    const found = await check(RULE, { 'notes.txt': 'x' }, LAID_OUT)
    expect(found).toEqual([
      { severity: 'error', path: undefined, line: undefined, args: { name: '' } }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'there is no package ID folder at the top of the package'
    )
  })

  it('passes an 8-digit folder', async () => {
    expect(await check(RULE, { '20171228/www/index.html': 'x' }, STANDARD_CONFIG)).toEqual([])
  })

  it('keeps leading zeros: 00000089 is a valid ID and the folder keeps its name', async () => {
    const v = await validateTree(
      { '00000089/www/index.html': 'x' },
      { ...STANDARD_CONFIG, checkReferences: false }
    )
    expect(v.findings.filter((f) => f.rule === RULE)).toEqual([])
    expect(v.pkg.id).toBe('00000089')
    expect(v.pkg.files.map((f) => f.path)).toEqual(['00000089/www/index.html'])
    expect(
      await check(RULE, zipOf([{ name: '02007000/www/index.html', data: 'x' }]), STANDARD_CONFIG)
    ).toEqual([])
  })

  it('keeps leading zeros of a configured ID when placing a build output', async () => {
    const v = await validateTree({ 'index.html': 'x' }, { id: '00000089', checkReferences: false })
    expect(v.pkg.files.map((f) => f.path)).toEqual(['00000089/www/index.html'])
    expect(v.findings.filter((f) => f.rule === RULE)).toEqual([])
  })

  it('leaves a second, non-ID folder beside an 8-digit one to single-root', async () => {
    const zip = zipOf([
      { name: '2017122/www/index.html', data: 'x' },
      { name: '20171228/www/index.html', data: 'x' }
    ])
    expect(await check(RULE, zip, STANDARD_CONFIG)).toEqual([])
    expect((await check('single-root', zip, STANDARD_CONFIG)).map((f) => f.path)).toEqual([
      '2017122'
    ])
  })

  it('ignores junk folders at the top when looking for the ID folder', async () => {
    const found = await check(RULE, { '__MACOSX/x': 'x', '2017122/www/index.html': 'x' }, LAID_OUT)
    expect(found.map((f) => f.path)).toEqual(['2017122'])
  })

  it('a directory without an 8-digit folder and without --id is a usage error, not a finding', async () => {
    await expect(
      validateTree({ '2017122/www/index.html': 'x' }, { checkReferences: false })
    ).rejects.toThrow(UsageError)
  })
})
