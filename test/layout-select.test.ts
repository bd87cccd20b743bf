import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, validateTree, writeTree } from './helpers/tree.js'

afterAll(cleanupTempDirs)

/** A Vite build output: the page, its assets, and the manifest folder Vite writes beside them. */
const BUILD = {
  'index.html': '<!doctype html>',
  'assets/app.js': 'x',
  'assets/app.js.map': '{}',
  'assets/img/logo.png': 'x',
  '.vite/manifest.json': '{}',
  'docs/readme.txt': 'x'
}

async function filesWith(select: { include?: string[]; exclude?: string[] }) {
  const v = await validateTree(BUILD, { id: '20171228', checkReferences: false, ...select })
  return v.pkg.files.map((f) => f.path.slice('20171228/www/'.length))
}

describe('include and exclude', () => {
  it('a folder named by a pattern goes with all it holds, written as .vite, .vite/, /.vite or ./.vite', async () => {
    for (const pattern of ['.vite', '.vite/', '/.vite', './.vite', '.vite/**']) {
      const files = await filesWith({ exclude: [pattern] })
      expect(files, pattern).not.toContain('.vite/manifest.json')
      expect(files, pattern).toHaveLength(5)
    }
    const v = await validateTree(BUILD, {
      id: '20171228',
      checkReferences: false,
      exclude: ['.vite']
    })
    expect(v.pkg.directories).not.toContain('20171228/www/.vite')
  })

  it('globs keep matching files as before; a leading slash anchors at the source root', async () => {
    expect(await filesWith({ exclude: ['**/*.map'] })).not.toContain('assets/app.js.map')
    expect(await filesWith({ exclude: ['/assets/**'] })).toEqual([
      '.vite/manifest.json',
      'docs/readme.txt',
      'index.html'
    ])
  })

  it('reads patterns as .gitignore does: no slash matches at any depth, a slash anchors at the root', async () => {
    // what users write, expecting every source map gone (as .gitignore and `zip -x` read it)
    expect(await filesWith({ exclude: ['*.map'] })).not.toContain('assets/app.js.map')
    // a folder name without a slash, at any depth, with all it holds
    for (const pattern of ['img', 'img/']) {
      expect(await filesWith({ exclude: [pattern] }), pattern).not.toContain('assets/img/logo.png')
    }
    // a slash inside, or a leading one, anchors the pattern at the source root
    for (const pattern of ['/img', './img', 'x/img', '/*.map', 'app.js/x']) {
      expect(await filesWith({ exclude: [pattern] }), pattern).toHaveLength(6)
    }
    expect(await filesWith({ exclude: ['assets/*.map'] })).not.toContain('assets/app.js.map')
    expect(await filesWith({ include: ['*.png'] })).toEqual(['assets/img/logo.png'])
    expect(await filesWith({ include: ['/*.html', '*.json'] })).toEqual([
      '.vite/manifest.json',
      'index.html'
    ])
  })

  it('drops a folder whose files were all left out, and one that was empty to begin with: pack writes neither', async () => {
    const v = await validateTree(
      { ...BUILD, 'empty/': '', '.git/': '' },
      { id: '20171228', checkReferences: false, exclude: ['**/*.png'] }
    )
    expect(v.pkg.directories).not.toContain('20171228/www/assets/img')
    expect(v.pkg.directories).toContain('20171228/www/assets')
    expect(v.pkg.directories).not.toContain('20171228/www/empty')
    // never walked, so not known to be empty: still there for sensitive-file to report
    expect(v.pkg.directories).toContain('20171228/www/.git')
  })

  it('include takes a folder with all it holds, and exclude still wins inside it', async () => {
    expect(await filesWith({ include: ['assets', 'index.html'], exclude: ['assets/img'] })).toEqual(
      ['assets/app.js', 'assets/app.js.map', 'index.html']
    )
  })
})

describe('layout detection', () => {
  it('takes a lone top folder of more than 8 digits for a (wrong) ID folder, as the zip of it is read', async () => {
    const v = await validateTree(
      { '2018032302435038/index.html': '<!doctype html>' },
      { checkReferences: false }
    )
    expect(v.pkg.mode).toBe('laid-out')
    expect(v.findings.map((f) => [f.rule, f.severity])).toContainEqual([
      'package-id-format',
      'error'
    ])
  })

  it('still lays out a build output whose digit folder has company (the page beside it)', async () => {
    const v = await validateTree(
      { 'index.html': '<!doctype html>', '2018032302435038/a.png': 'x' },
      { id: '20171228', checkReferences: false }
    )
    expect(v.pkg.mode).toBe('build')
    expect(v.pkg.files.map((f) => f.path)).toContain('20171228/www/2018032302435038/a.png')
  })

  it('lays out a build output whose 8-digit folder is a date beside the page, when --id names another', async () => {
    const tree = {
      'index.html': '<img src="20240101/banner.png"><script src="assets/a.js"></script>',
      'assets/a.js': 'x',
      '20240101/banner.png': 'x'
    }
    const v = await validateTree(tree, { id: '20171228', type: 'standard' })
    expect(v.pkg.mode).toBe('build')
    expect(v.pkg.files.map((f) => f.path)).toEqual([
      '20171228/www/20240101/banner.png',
      '20171228/www/assets/a.js',
      '20171228/www/index.html'
    ])
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([])
    // without --id there is no other ID to prefer: the folder is read as the ID folder, as before
    expect((await validateTree(tree, { checkReferences: false })).pkg.mode).toBe('laid-out')
    // a folder with a page or script of its own is a package with the wrong ID, whatever sits beside it
    const wrongId = await validateTree(
      { '20171229/index.html': '<p>x</p>', '20171229/app.js': '1', 'gulpfile.js': '' },
      { id: '20171228', checkReferences: false }
    )
    expect(wrongId.pkg.mode).toBe('laid-out')
    expect(wrongId.findings.map((f) => f.rule)).toContain('package-id-mismatch')
  })

  it('keeps a laid-out tree with a wrong ID and a stray page laid out: its ID folder holds www or a host', async () => {
    for (const inner of [
      'www/index.html',
      'mcube-prod.mpaascloud.com/53E5279071442_test/v1/a.js'
    ]) {
      const v = await validateTree(
        { [`20240101/${inner}`]: 'x', 'index.html': '<!doctype html>' },
        { id: '20171228', checkReferences: false }
      )
      expect(v.pkg.mode, inner).toBe('laid-out')
      expect(v.findings.map((f) => f.rule)).toContain('package-id-mismatch')
    }
  })

  it('places a standard build output straight under ID/ with an empty entryDir, as shipped packages do', async () => {
    const v = await validateTree(
      { 'index.html': '<a href="event.html">e</a>', 'event.html': 'x', 'css/a.css': 'a{}' },
      { id: '70000000', type: 'standard', entryDir: '', mainEntry: '/index.html' }
    )
    expect(v.pkg.mode).toBe('build')
    expect(v.pkg.files.map((f) => f.path)).toEqual([
      '70000000/css/a.css',
      '70000000/event.html',
      '70000000/index.html'
    ])
    expect(v.findings).toEqual([])
  })

  it('lays a build out as standard when --global-package says it is one, app ID and workspace or not', async () => {
    const build = { 'index.html': '<!doctype html>' }
    const appWs = {
      id: '20171228',
      appId: '53E5279071442',
      workspace: 'test',
      checkReferences: false
    }
    expect((await validateTree(build, appWs)).pkg.type).toBe('global')
    // a main entry copied into a global package's workflow does not change the type: main-entry notes it
    const copied = await validateTree(build, { ...appWs, mainEntry: '/www/index.html' })
    expect(copied.pkg.type).toBe('global')
    expect(copied.findings.map((f) => [f.rule, f.severity])).toContainEqual([
      'main-entry',
      'notice'
    ])
    for (const extra of [
      {
        globalPackage: writeTree({
          [`20000001/mcube-prod.mpaascloud.com/53E5279071442_test/a.js`]: ''
        })
      }
    ]) {
      const v = await validateTree(build, { ...appWs, ...extra })
      expect(v.pkg.type, JSON.stringify(extra)).toBe('standard')
      expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
    }
  })
})
