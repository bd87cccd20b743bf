import fs from 'node:fs'
import path from 'node:path'
import { it } from 'vitest'
import { build, buildBinary } from 'plist'
import { execFileSync } from 'node:child_process'
import { validateTree, writeTree, tempDir } from '../helpers/tree.js'
import { craftZip, type CraftEntry } from '../helpers/craft-zip.js'
import { allRules } from '../../src/engine/validate.js'

const show = (v: Awaited<ReturnType<typeof validateTree>>) =>
  v.findings.map((f) => `${f.rule} [${f.severity}] ${f.path ?? ''}${f.line ? ':' + f.line : ''} file=${f.file ?? ''} ${JSON.stringify(f.args)}\n    ${allRules.find((r) => r.id === f.rule)!.message(f.args)}`).join('\n')
const zip = (entries: CraftEntry[]) => { const d = tempDir(); const p = path.join(d, 'p.zip'); fs.writeFileSync(p, craftZip(entries)); return p }
const G = 'mcube-prod.mpaascloud.com'
const N = { checkReferences: false }
it('scratch', async () => {
  const M = { ...N, mainEntry: '/www/index.html' }
  const I = { '20171228/www/index.html': 'x' }
  const pl = (o: Record<string, string>, bin = false) => { const d = tempDir(); const p = path.join(d, 'Info.plist'); fs.writeFileSync(p, bin ? Buffer.from(buildBinary(o)) : build(o)); return p }
  const cases: Array<[string, Record<string, string> | string, Record<string, unknown>]> = [
    ['mixed assets', { '20171228/assets/x.js': 'x', [`20171228/${G}/53E5279071442_test/v1/a.js`]: 'x' }, {...N}],
    ['empty dir standard', { '20171228/': '' }, {...N}],
    ['empty zip', zip([{ name: '20171228/', data: '' }]), {...N}],
    ['sensitive in build', { 'index.html': 'x', '.env': 'x' }, {...N, id: '20171228', allowSensitive: ['.env'] }],
    ['junk in build', { 'index.html': 'x', '.DS_Store': 'x' }, {...N, id: '20171228' }],
    ['single-root build', { 'index.html': 'x', 'README.md': 'x' }, {...N, id: '20171228' }],
    ['ref off', { '20171228/www/index.html': '<script src="/nope.js"></script>' }, {mainEntry: '/www/index.html', rules: {'ref-broken': 'off'}}],
    ['ref global abs ok no gp', { '20171228/www/index.html': '<script src="https://mcube-prod.mpaascloud.com/53E5279071442_test/v1/x.js"></script>' }, {mainEntry: '/www/index.html'}],
    ['ref ../global', { '20171228/www/index.html': '<script src="../53E5279071442_test/v1/x.js"></script>' }, {mainEntry: '/www/index.html'}],
    ['ref css', { '20171228/www/index.html': '<link rel="stylesheet" href="css/a.css">', '20171228/www/css/a.css': '.a{background:url(../img/Logo.png)} .b{background:url("../img/missing.png")}', '20171228/www/img/logo.png': 'x' }, {mainEntry: '/www/index.html'}],
    ['ref js', { '20171228/www/index.html': '<script type="module" src="main.js"></script>', '20171228/www/main.js': 'import "./dep.js"\nimport("./lazy.js")', '20171228/www/dep.js': '' }, {mainEntry: '/www/index.html'}],
    ['ref global pkg ref', { [`20171228/${G}/53E5279071442_test/v1/a.css`]: '.a{background:url(b.png)} .c{background:url(/53E5279071442_test/v1/c.png)}', [`20171228/${G}/53E5279071442_test/v1/b.png`]: 'x' }, {}],
    ['ref unsafe space', { '20171228/www/index.html': '<img src="menu%20copy.png"><img src="menu copy.png">', '20171228/www/menu copy.png': 'x' }, {mainEntry: '/www/index.html', rules: {'name-url-unsafe': 'off'}}],
  ]
  for (let [name, tree, cfg] of cases) {
    if (tree === '__SYMLINK__') { const d = writeTree({ '20171228/www/index.html': 'x' }); fs.symlinkSync('/etc/passwd', path.join(d, '20171228/www/passwd')); fs.symlinkSync('../www', path.join(d, '20171228/www/loop')); tree = d }
    if (tree === '__FIFO__') { const d = writeTree({ '20171228/www/index.html': 'x' }); execFileSync('mkfifo', [path.join(d, '20171228/www/pipe')]); tree = d }
    if (tree === '__IDDIR__') { const d = tempDir(); const root = path.join(d, '20171228'); writeTree({'www/index.html': 'x'}, root); tree = root }
    try {
      console.log(`### ${name}\n` + show(await validateTree(tree, cfg)))
    } catch (e) { console.log(`### ${name} THROWS ${e}`) }
  }
})
