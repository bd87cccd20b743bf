import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, test } from 'vitest'
import { INPUT_NAMES } from '../../src/action/inputs.js'
import { craftZip } from '../helpers/craft-zip.js'
import {
  startFakeResultsService,
  type FakeOptions,
  type FakeResultsService
} from '../helpers/fake-results-service.js'
import { nodeBinaries } from '../helpers/node24.js'
import {
  ACTION_ENTRY,
  actionMetadata,
  runAction,
  type ActionRun,
  type ParsedAnnotation
} from '../helpers/run-action.js'

/*
 * The Action end to end, as a runner runs it: the committed bundle (dist/index.js) in a child process with a clean
 * environment, against a loopback results service that the real @actions/artifact client uploads to. Nothing of
 * ours is mocked. The suite runs once per Node binary: the one running vitest and the Action's runtime (node24).
 */

if (!fs.existsSync(ACTION_ENTRY)) {
  throw new Error(
    `${path.relative(process.cwd(), ACTION_ENTRY)} is missing: run npm run build before the end-to-end tests`
  )
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b5e3d40000000049454e44ae426082',
  'hex'
)

/** A standard build output that passes: every reference resolves, names are URL-safe. */
const SITE: Record<string, string | Buffer> = {
  'index.html': [
    '<!doctype html>',
    '<html>',
    '  <head><link rel="stylesheet" href="css/app.css" /></head>',
    '  <body>',
    '    <img src="img/logo.png" alt="" />',
    '    <script src="js/app.js"></script>',
    '  </body>',
    '</html>',
    ''
  ].join('\n'),
  'css/app.css': 'body { background: url(../img/logo.png) no-repeat; }\n',
  'js/app.js': "console.log('offline')\n",
  'img/logo.png': PNG
}

const INPUTS = {
  path: 'site',
  'package-id': '20171228',
  'main-entry': '/www/index.html',
  version: '1.0.0.0'
}
const ZIP_NAME = '20171228_1.0.0.0.zip'

/** The default folder of the zip and its reports: one per step, named after GITHUB_ACTION (`__self` in runAction). */
const stepDir = (r: ActionRun) => path.join(r.runnerTemp, 'h5-offline', '__self')

/** index.html line 5 refers to a file that is not there. */
const BROKEN_HTML = (SITE['index.html'] as string).replace(
  '<img src="img/logo.png" alt="" />',
  '<script src="./missing.js"></script>'
)

interface Setup {
  root: string
  workspace: string
  fake: FakeResultsService
  run(
    inputs: Record<string, string>,
    env?: Record<string, string | undefined>,
    timeoutMs?: number,
    stallReaderMs?: number
  ): Promise<ActionRun>
}

const binaries = nodeBinaries()

describe.concurrent.each(binaries)('the Action on $label', (node) => {
  async function setup(
    onFinished: (fn: () => Promise<void> | void) => void,
    files: Record<string, string | Buffer> = SITE,
    fakeOptions: FakeOptions = {},
    packageDir = 'site'
  ): Promise<Setup> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-action-e2e-'))
    const workspace = path.join(root, 'ws')
    writeTree(path.join(workspace, packageDir), files)
    const fake = await startFakeResultsService(fakeOptions)
    onFinished(async () => {
      await fake.close()
      fs.rmSync(root, { recursive: true, force: true })
    })
    return {
      root,
      workspace,
      fake,
      run: (inputs, env = {}, timeoutMs, stallReaderMs) =>
        runAction({
          node: node.path,
          workspace,
          inputs,
          env: { ACTIONS_RUNTIME_TOKEN: fake.token, ACTIONS_RESULTS_URL: fake.url, ...env },
          timeoutMs,
          stallReaderMs
        })
    }
  }

  test('a passing package: exit 0, the zip uploaded byte for byte, outputs, summary, report', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run({ ...INPUTS, 'retention-days': '5' })
    expect(r.code, r.stdout + r.stderr).toBe(0)

    const zipPath = path.join(stepDir(r), ZIP_NAME)
    const zip = fs.readFileSync(zipPath)
    const sha = sha256(zip)
    expect(r.outputs).toEqual({
      'zip-path': zipPath,
      sha256: sha,
      size: String(zip.length),
      'file-count': '4',
      'package-id': '20171228',
      'package-type': 'standard',
      errors: '0',
      warnings: '0',
      'report-path': path.join(stepDir(r), '20171228_1.0.0.0.report.json'),
      'artifact-id': String(t.fake.artifacts[0]?.id),
      'artifact-url': `https://github.com/octo/repo/actions/runs/4242/artifacts/${t.fake.artifacts[0]?.id}`,
      'artifact-digest': sha,
      // issue 7's outputs, empty without their inputs (sarif, compare-to, check run, release-upload)
      'sarif-path': '',
      'check-run-url': '',
      'size-delta': '',
      'diff-path': '',
      'release-asset-url': '',
      'delta-path': ''
    })
    expect(zip.subarray(0, 2).toString()).toBe('PK')

    // The service received exactly our zip, under the zip's name, as a v7 direct (unarchived) upload.
    expect(t.fake.calls()).toEqual(['CreateArtifact', 'FinalizeArtifact'])
    expect(t.fake.artifacts).toHaveLength(1)
    const stored = t.fake.artifacts[0]
    expect(stored.name).toBe(ZIP_NAME)
    expect(stored.bytes.equals(zip)).toBe(true)
    expect(stored.sha256).toBe(sha)
    expect(stored.declaredHash).toBe(`sha256:${sha}`)
    expect(stored.declaredSize).toBe(String(zip.length))
    expect(stored.version).toBe(7)
    expect(stored.mimeType).toBe('application/zip')
    expect(stored.contentType).toBe('application/zip')
    const days = (Date.parse(stored.expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(4.9)
    expect(days).toBeLessThan(5.1)

    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([])
    const report = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8'))
    expect(report.counts).toEqual({ error: 0, warning: 0, notice: 0 })
    expect(report.zip).toMatchObject({ path: zipPath, sha256: sha, bytes: zip.length, files: 4 })

    expect(r.summary).toContain('## ✅ H5 offline package 20171228: passed')
    expect(r.summary).toContain(`| SHA-256 | \`${sha}\` |`)
    expect(r.summary).toContain('| Version | 1.0.0.0 |')
    expect(r.summary).toContain(`[${ZIP_NAME.replace(/_/g, '\\_')}](${r.outputs['artifact-url']})`)
    expect(r.summary).toMatch(/\| html \| 1 \| \d+ B \| \d+ B \|/)
    expect(r.summary).toContain('No findings.')

    // The step's log says when the inputs were read (its time is measured by `npm run bench`, row "Action to its
    // inputs", not here: a timed test fails on a busy machine).
    const timing = r.commands.find((c) => c.command === 'debug' && c.data.startsWith('inputs read'))
    expect(timing?.data).toMatch(/^inputs read \d+ ms after the process started$/)
  })

  test('two steps of one job packing the same package ID: each keeps its own zip, so zip-path and sha256 stay true', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    // One job: one RUNNER_TEMP; the runner gives the second use of the same action GITHUB_ACTION `…_2`.
    const shared = fs.mkdtempSync(path.join(t.root, 'job-temp-'))
    const inputs = { path: 'site', 'package-id': '20171228', 'upload-artifact': 'false' }
    const step = (action: string) => ({ RUNNER_TEMP: shared, GITHUB_ACTION: action })
    const first = await t.run(inputs, step('__h5-offline_h5-offline-action'))
    writeTree(path.join(t.workspace, 'site'), { 'js/app.js': "console.log('second')\n" })
    const second = await t.run(inputs, step('__h5-offline_h5-offline-action_2'))
    expect(first.code, first.stdout).toBe(0)
    expect(second.code, second.stdout).toBe(0)
    expect(first.outputs['zip-path']).toBe(
      path.join(shared, 'h5-offline', '__h5-offline_h5-offline-action', '20171228.zip')
    )
    expect(second.outputs['zip-path']).toBe(
      path.join(shared, 'h5-offline', '__h5-offline_h5-offline-action_2', '20171228.zip')
    )
    expect(first.outputs.sha256).not.toBe(second.outputs.sha256)
    for (const r of [first, second]) {
      expect(sha256(fs.readFileSync(r.outputs['zip-path']))).toBe(r.outputs.sha256)
      const report = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8'))
      expect(report.zip.sha256).toBe(r.outputs.sha256)
    }
    // Nothing else of ours is left in RUNNER_TEMP.
    expect(fs.readdirSync(shared)).toEqual(['h5-offline'])
  })

  test('warnings only: passes with fail-on error, fails with fail-on warning, and the zip is uploaded both times', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { ...SITE, 'img/bad name.png': PNG })
    const pass = await t.run(INPUTS)
    expect(pass.code, pass.stdout).toBe(0)
    expect(pass.outputs.warnings).toBe('1')
    expect(pass.outputs.errors).toBe('0')
    expect(pass.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'name-url-unsafe',
        file: 'site/img/bad name.png'
      })
    )
    expect(pass.summary).toContain('passed with warnings')
    expect(t.fake.artifacts.map((a) => a.name)).toEqual([ZIP_NAME])

    const fail = await t.run({ ...INPUTS, 'fail-on': 'warning', 'artifact-name': 'strict' })
    expect(fail.code).toBe(1)
    expect(fail.outputs['zip-path']).toBe(path.join(stepDir(fail), 'strict.zip'))
    expect(fs.existsSync(fail.outputs['zip-path'])).toBe(true)
    expect(t.fake.artifacts.map((a) => a.name)).toEqual([ZIP_NAME, 'strict.zip'])
    expect(fail.outputs['artifact-id']).not.toBe('')
    const failure = fail.annotations.filter((a) => a.level === 'error')
    expect(failure).toHaveLength(1)
    expect(failure[0].message).toMatch(
      /0 errors and 1 warning \(fail-on: warning\); the zip was written/
    )
    expect(fail.summary).toContain('## ❌ H5 offline package 20171228: failed')
  })

  test('an error: exit 1, no zip, no upload, an annotation on the HTML line; fail-on never writes and uploads it', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { ...SITE, 'index.html': BROKEN_HTML })
    const r = await t.run(INPUTS)
    expect(r.code).toBe(1)
    expect(r.outputs.errors).toBe('1')
    expect(r.outputs['zip-path']).toBe('')
    expect(r.outputs.sha256).toBe('')
    expect(r.outputs['artifact-id']).toBe('')
    expect(fs.readdirSync(stepDir(r)).filter((f) => f.endsWith('.zip'))).toEqual([])
    expect(t.fake.requests).toEqual([])
    const [ref, failure] = r.annotations
    expect(ref).toMatchObject({
      level: 'error',
      title: 'ref-broken',
      file: 'site/index.html',
      line: 5
    })
    expect(ref.col).toBeGreaterThanOrEqual(1)
    expect(ref.message).toContain('"./missing.js" points at 20171228/www/missing.js')
    expect(ref.message).toContain('docs/rules/ref-broken.md')
    expect(failure).toMatchObject({ level: 'error' })
    expect(failure.message).toContain('no zip was written')
    expect(r.annotations).toHaveLength(2)
    const report = JSON.parse(fs.readFileSync(r.outputs['report-path'], 'utf8'))
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'ref-broken', severity: 'error', line: 5 })
    ])
    expect(r.summary).toContain('| Zip | not written')
    expect(r.summary).toContain(
      '[ref-broken](https://github.com/h5-offline/h5-offline-action/blob/main/docs/rules/ref-broken.md)'
    )
    // The rule's fix in its table cell: `<base href>` escaped, or GitHub strips it as an unknown HTML tag.
    expect(r.summary).toContain('A \\<base href\\> moves where relative URLs start')
    expect(r.summary).not.toContain('<base href>')

    const never = await t.run({ ...INPUTS, 'fail-on': 'never' })
    expect(never.code).toBe(0)
    expect(never.outputs.errors).toBe('1')
    expect(sha256(fs.readFileSync(never.outputs['zip-path']))).toBe(never.outputs.sha256)
    expect(t.fake.artifacts).toHaveLength(1)
    expect(never.outputs['artifact-digest']).toBe(never.outputs.sha256)
    expect(never.summary).toContain('passed with errors (fail-on: never)')
  })

  test('annotations: errors first, at most 10 per severity with the failure kept visible, then one "N more" notice', async ({
    expect,
    onTestFinished
  }) => {
    const scripts = Array.from(
      { length: 13 },
      (_, i) => `<script src="gone-${i}.js"></script>`
    ).join('\n')
    const files: Record<string, string | Buffer> = {
      ...SITE,
      'index.html': `<!doctype html>\n<html><body>\n${scripts}\n</body></html>\n`
    }
    for (let i = 0; i < 14; i++) files[`img/bad name ${String(i).padStart(2, '0')}.png`] = PNG
    const t = await setup(onTestFinished, files)
    const r = await t.run({ ...INPUTS, 'main-entry': '' })
    expect(r.code).toBe(1)
    const count = (level: ParsedAnnotation['level']) =>
      r.annotations.filter((a) => a.level === level).length
    // The runner shows 10 of each per step: 9 findings + the step's failure message, 10 warnings, and the
    // notices including the one that says what is missing.
    expect(count('error')).toBe(10)
    expect(count('warning')).toBe(10)
    expect(count('notice')).toBeLessThanOrEqual(10)
    expect(r.annotations.slice(0, 9).map((a) => [a.title, a.line])).toEqual(
      Array.from({ length: 9 }, (_, i) => ['ref-broken', 3 + i])
    )
    expect(r.annotations.findIndex((a) => a.level === 'warning')).toBe(9)
    const warnings = r.annotations.filter((a) => a.level === 'warning')
    expect(warnings[0].file).toBe('site/img/bad name 00.png')
    const more = r.annotations.filter((a) => a.title === 'More findings')
    expect(more).toHaveLength(1)
    expect(more[0].level).toBe('notice')
    expect(more[0].message).toMatch(
      /^8 more findings are not shown as annotations \(4 errors, 4 warnings\)/
    )
    expect(more[0].message).toContain('The job summary lists every finding')
    expect(r.summary.match(/\| \[ref-broken\]/g)).toHaveLength(14) // 1 in the rule table + 13 rows
    expect(r.summary.match(/\| \[name-url-unsafe\]/g)).toHaveLength(15)

    const off = await t.run({ ...INPUTS, annotations: 'false' })
    expect(off.code).toBe(1)
    expect(off.annotations.map((a) => a.level)).toEqual(['error']) // only the step's failure
    // which says where the findings are: not in annotations that were not made
    expect(off.annotations[0]!.message).toContain(
      'The log above and the job summary list the findings.'
    )
    expect(r.annotations.find((a) => a.level === 'error' && !a.title)?.message).toContain(
      'The log above, the annotations and the job summary list the findings.'
    )
  })

  test('a sarif or delta-out path that cannot be written fails the step before the work: nothing uploaded', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    fs.writeFileSync(path.join(t.workspace, 'afile'), 'x')
    for (const [input, value] of [
      ['sarif', 'afile/x.sarif'],
      ['delta-out', 'afile/delta.zip']
    ] as const) {
      const r = await t.run({ ...INPUTS, [input]: value })
      expect(r.code, input).toBe(1)
      expect(r.stdout, input).toContain(
        `::error::Input "${input}": cannot write ${path.join(t.workspace, value)}: a file is in the way of its folder`
      )
      expect(r.outputs['zip-path'] ?? '', input).toBe('')
    }
    expect(t.fake.artifacts).toEqual([])
  })

  test('an output that is the compare-to baseline, or another output, fails the step before anything is written', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const base = path.join(t.workspace, '20171228.zip')
    fs.writeFileSync(base, 'the previous release')
    for (const [extra, message] of [
      [
        { 'compare-to': '20171228.zip', output: '20171228.zip' },
        `::error::Input "output": output ${base} is the compare-to file this run reads: writing it would replace it; give output another file name`
      ],
      [
        { output: 'out/p.zip', sarif: 'out/p.zip' },
        `::error::Input "sarif": output and sarif both name ${path.join(t.workspace, 'out/p.zip')}: the second would replace the first; give each its own file`
      ]
    ] as const) {
      const r = await t.run({ ...INPUTS, ...extra })
      expect(r.code, JSON.stringify(extra)).toBe(1)
      expect(r.stdout).toContain(message)
      expect(r.outputs['zip-path'] ?? '').toBe('')
    }
    // a baseline in the output folder, where the zip gets its default name
    fs.mkdirSync(path.join(t.workspace, 'dl'))
    fs.writeFileSync(path.join(t.workspace, 'dl/20171228.zip'), 'the previous release')
    const inFolder = await t.run({ ...INPUTS, output: 'dl/', 'compare-to': 'dl/20171228.zip' })
    expect(inFolder.code).toBe(1)
    expect(inFolder.stdout).toContain(
      `::error::Input "compare-to": dl/20171228.zip is in the output folder ${path.join(t.workspace, 'dl')}, where the new zip would be written over it`
    )
    expect(fs.readFileSync(path.join(t.workspace, 'dl/20171228.zip'), 'utf8')).toBe(
      'the previous release'
    )
    expect(fs.readFileSync(base, 'utf8')).toBe('the previous release')
    expect(fs.existsSync(path.join(t.workspace, 'out/p.zip'))).toBe(false)
    expect(t.fake.artifacts).toEqual([])
  })

  test('an exclude pattern or allow-sensitive path that matches nothing is a notice naming the input', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run({ ...INPUTS, exclude: '**/*.mapp', 'allow-sensitive': 'sens/.env' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'Pattern matched nothing',
        message: expect.stringContaining('Input "exclude": "**/*.mapp" matches no file')
      })
    )
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'Pattern matched nothing',
        message: expect.stringContaining('Input "allow-sensitive": "sens/.env" names no file in ')
      })
    )
  })

  test('a compare-to path with a backslash: the notice says the folder separator is /', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run({ ...INPUTS, 'compare-to': 'artifacts\\good.zip' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'No diff',
        message: `compare-to: artifacts\\good.zip: ${path.join(t.workspace, 'artifacts\\good.zip')} is not a file (the folder separator here is /, not \\).`
      })
    )
  })

  test('a missing main entry is annotated on the package folder, not on a file the repository does not have', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run({ ...INPUTS, 'main-entry': '/www/nope.html' })
    expect(r.code).toBe(1)
    const entry = r.annotations.find((a) => a.title?.includes('main-entry'))
    expect(entry?.file).toBe('site')
  })

  test('file names cannot inject workflow commands or Markdown: %, comma, colon, newline, non-ASCII, <script>, |', async ({
    expect,
    onTestFinished
  }) => {
    const evil = 'a%,b:c\nd.js'
    const injector = 'x\n::error::injected.js'
    const files = {
      ...SITE,
      [`js/${evil}`]: '//\n',
      [`js/${injector}`]: '//\n',
      'img/中文 图.png': PNG,
      'js/<script>alert(1)<.js': '//\n',
      'js/a|b`c`*d*.js': '//\n'
    }
    const t = await setup(onTestFinished, files)
    const r = await t.run({ ...INPUTS, 'fail-on': 'never' })
    expect(r.code).toBe(0)
    // Only annotations about our files; nothing a name tried to start.
    expect(r.commands.some((c) => c.data.startsWith('injected'))).toBe(false)
    expect(r.stdout.split('\n').some((l) => l.trimStart().startsWith('::error::injected'))).toBe(
      false
    )
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([])
    const files_ = r.annotations.map((a) => a.file)
    expect(files_).toContain(`site/js/${evil}`)
    expect(files_).toContain(`site/js/${injector}`)
    expect(files_).toContain('site/img/中文 图.png')
    expect(files_).toContain('site/js/<script>alert(1)<.js')
    const evilNote = r.annotations.find((a) => a.file === `site/js/${evil}`)!
    expect(evilNote.title).toBe('name-url-unsafe')
    expect(evilNote.message.split('\n')[0]).toContain('"a%,b:c\\nd.js"') // the newline shown, not acted on

    // The summary: no raw HTML, no extra table cells, backticks and emphasis escaped.
    expect(r.summary).not.toContain('<script>')
    expect(r.summary).toContain('\\<script\\>alert\\(1\\)\\<.js')
    expect(r.summary).toContain('a\\|b\\`c\\`\\*d\\*.js')
    expect(r.summary).toContain('a%,b:c\\\\nd.js')
    for (const row of r.summary
      .split('\n')
      .filter((l) => l.startsWith('| [name-url-unsafe]') && l.includes('www/'))) {
      expect(row.replace(/\\\\/g, '').match(/(?<!\\)\|/g)).toHaveLength(5)
    }
  })

  test('the summary stays under 1 MiB: the findings table is cut with a note, the rule overview is complete', async ({
    expect,
    onTestFinished
  }) => {
    const files: Record<string, string | Buffer> = { ...SITE }
    const long = 'x'.repeat(180)
    for (let i = 0; i < 3000; i++) files[`img/${long} ${String(i).padStart(4, '0')}.png`] = PNG
    const t = await setup(onTestFinished, files)
    // Long names are also tar-path-length warnings; one rule is enough here (and exercises `rules`).
    const r = await t.run({
      ...INPUTS,
      'upload-artifact': 'false',
      rules: '# names only\ntar-path-length = off\n'
    })
    expect(r.code).toBe(0)
    expect(r.outputs.warnings).toBe('3000')
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(r.summary)).toBeGreaterThan(900_000)
    expect(r.summary).toMatch(/\| \[name-url-unsafe\]\([^)]*\) \| ⚠️ warning \| 3,000 \|/)
    const shown =
      r.summary.split('\n').filter((l) => l.startsWith('| [name-url-unsafe]')).length - 1
    expect(r.summary).toContain(
      `_${(3000 - shown).toLocaleString('en-US')} more findings not shown: a job summary is limited to 1 MiB.`
    )
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(t.fake.requests).toEqual([])
    expect(r.outputs['artifact-id']).toBe('')
  })

  test('a runner that reads the log late still gets the annotations, which come after a long report', async ({
    expect,
    onTestFinished
  }) => {
    const files: Record<string, string | Buffer> = { ...SITE }
    for (let i = 0; i < 3000; i++) files[`img/${'x'.repeat(150)} ${i}.png`] = PNG
    const t = await setup(onTestFinished, files)
    // stdout unread for 4 s: the report (some 700 KB) fills the pipe, and the rest waits for the reader
    const r = await t.run(
      { ...INPUTS, 'upload-artifact': 'false', rules: 'tar-path-length=off' },
      {},
      undefined,
      4000
    )
    expect(r.code).toBe(0)
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(256 * 1024)
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(r.annotations.at(-1)?.title).toBe('More findings')
  })

  test('SARIF keeps the 25,000 most severe of 26,000 findings (code scanning takes no more) and a notice says so', async ({
    expect,
    onTestFinished
  }) => {
    const files: Record<string, string | Buffer> = { ...SITE }
    for (let i = 0; i < 26_000; i++) files[`img/i@${i}.png`] = ''
    const t = await setup(onTestFinished, files)
    const r = await t.run({ ...INPUTS, 'upload-artifact': 'false', sarif: 'h5.sarif' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'SARIF results left out',
        message:
          '1,000 of 26,000 findings were left out of the SARIF file, which holds the 25,000 most severe (GitHub code scanning accepts no more per run); the JSON and text reports have them all'
      })
    )
    const run = JSON.parse(fs.readFileSync(path.join(t.workspace, 'h5.sarif'), 'utf8')).runs[0]
    expect(run.results).toHaveLength(25_000)
    // the Action's root stays GITHUB_WORKSPACE
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(
      /^site\/img\//
    )
  })

  test('SARIF paths start at the checkout holding the package (actions/checkout with path: app), not at the workspace', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { ...SITE, 'img/a b.png': PNG }, {}, 'app/dist')
    fs.mkdirSync(path.join(t.workspace, 'app/.git'))
    const r = await t.run({
      ...INPUTS,
      path: 'app/dist',
      'upload-artifact': 'false',
      sarif: 'h5.sarif'
    })
    expect(r.code, r.stdout).toBe(0)
    const run = JSON.parse(fs.readFileSync(path.join(t.workspace, 'h5.sarif'), 'utf8')).runs[0]
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(
      `${pathToFileURL(path.join(t.workspace, 'app')).href}/`
    )
    const uris = run.results.map(
      (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        x.locations[0]!.physicalLocation.artifactLocation.uri
    )
    expect(uris).toContain('dist/img/a%20b.png')
  })

  test('a zip as input: validated, copied to zip-path as is, uploaded; annotations point at the zip', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, {})
    const entries = [
      { name: '20171228/' },
      { name: '20171228/www/' },
      ...Object.entries({ ...SITE, 'img/bad name.png': PNG }).map(([name, data]) => ({
        name: `20171228/www/${name}`,
        data
      }))
    ]
    const zip = craftZip(entries)
    fs.mkdirSync(path.join(t.workspace, 'build'), { recursive: true })
    fs.writeFileSync(path.join(t.workspace, 'build/upload.zip'), zip)
    const r = await t.run({ path: 'build/upload.zip', 'main-entry': '/www/index.html' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['zip-path']).toBe(path.join(stepDir(r), '20171228.zip'))
    expect(fs.readFileSync(r.outputs['zip-path']).equals(zip)).toBe(true)
    expect(r.outputs.sha256).toBe(sha256(zip))
    expect(t.fake.artifacts[0].bytes.equals(zip)).toBe(true)
    const warning = r.annotations.find((a) => a.level === 'warning')!
    expect(warning).toMatchObject({ title: 'name-url-unsafe', file: 'build/upload.zip' })
    expect(warning.line).toBeUndefined()
    expect(warning.message).toMatch(/^20171228\/www\/img\/bad name\.png: /)
  })

  test('include and exclude do not hide what a zip ships: its every file is checked, and a notice says so', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, {})
    const zip = craftZip([
      { name: '20171228/' },
      { name: '20171228/www/' },
      { name: '20171228/www/index.html', data: '<p>x</p>' },
      { name: '20171228/www/app.js.map', data: '{}' }
    ])
    fs.writeFileSync(path.join(t.workspace, 'upload.zip'), zip)
    const r = await t.run({ path: 'upload.zip', 'main-entry': '/www/index.html', exclude: '*.map' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'source-map' })
    )
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'Input not applied',
        message: expect.stringContaining('Input "exclude" does not apply to a zip')
      })
    )
    expect(r.outputs['file-count']).toBe('2')
  })

  test('a laid-out directory and an explicit output: annotations map to the real files, the artifact keeps its name', async ({
    expect,
    onTestFinished
  }) => {
    const laidOut = Object.fromEntries(
      Object.entries({ ...SITE, 'index.html': BROKEN_HTML }).map(([name, data]) => [
        `20171228/www/${name}`,
        data
      ])
    )
    const t = await setup(onTestFinished, laidOut, {}, 'packages/h5')
    const r = await t.run({
      path: 'packages/h5',
      'main-entry': '/www/index.html',
      'fail-on': 'never',
      output: 'out/pkg.zip',
      'artifact-name': 'h5-package.zip'
    })
    expect(r.code).toBe(0)
    // The copy staged under the artifact's name is deleted after the upload: RUNNER_TEMP outlives the step.
    expect(fs.readdirSync(r.runnerTemp)).toEqual([])
    expect(r.annotations[0]).toMatchObject({
      title: 'ref-broken',
      file: 'packages/h5/20171228/www/index.html',
      line: 5
    })
    expect(r.outputs['zip-path']).toBe(path.join(t.workspace, 'out/pkg.zip'))
    expect(r.outputs['report-path']).toBe(path.join(t.workspace, 'out/pkg.report.json'))
    expect(t.fake.artifacts.map((a) => a.name)).toEqual(['h5-package.zip'])
    expect(t.fake.artifacts[0].bytes.equals(fs.readFileSync(r.outputs['zip-path']))).toBe(true)
  })

  test('a global package from a config file, with inputs on top', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(
      onTestFinished,
      { 'lib/common.js': 'window.common = 1\n', 'lib/common.css': 'body{}\n' },
      {},
      'global'
    )
    fs.writeFileSync(
      path.join(t.workspace, 'h5offline.config.json'),
      JSON.stringify({
        type: 'global',
        id: '77777777',
        appId: '53E5279071442',
        workspace: 'test',
        versionDir: 'v1',
        version: '1.0.0.0'
      })
    )
    const r = await t.run({ path: 'global', 'upload-artifact': 'false', output: 'h5-dist/' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['package-type']).toBe('global')
    expect(r.outputs['package-id']).toBe('77777777')
    // A folder output: the default name inside it, the report next to the zip.
    expect(r.outputs['zip-path']).toBe(path.join(t.workspace, 'h5-dist/77777777_1.0.0.0.zip'))
    expect(r.outputs['report-path']).toBe(
      path.join(t.workspace, 'h5-dist/77777777_1.0.0.0.report.json')
    )
    expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)

    const bad = await t.run({ path: 'global', 'package-id': '1234' })
    expect(bad.code).toBe(1)
    expect(bad.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input "package-id": an 8-digit package ID/)
    ])

    fs.writeFileSync(
      path.join(t.workspace, 'h5offline.config.json'),
      JSON.stringify({ id: 'nope' })
    )
    const badFile = await t.run({ path: 'global' })
    expect(badFile.code).toBe(1)
    expect(badFile.annotations[0].message).toMatch(
      /^h5offline\.config\.json: "id": an 8-digit package ID/
    )

    fs.writeFileSync(
      path.join(t.workspace, 'h5offline.config.json'),
      JSON.stringify({ bogus: 1, budgets: { totl: '1MB' } })
    )
    const unknownKeys = await t.run({ path: 'global' })
    expect(unknownKeys.code).toBe(1)
    expect(unknownKeys.annotations[0].message).toBe(
      'h5offline.config.json: "budgets": Unrecognized key: "totl"\nh5offline.config.json: "bogus": Unrecognized key: "bogus"'
    )
  })

  test('finding texts name the inputs, not the CLI flags the engine mentions', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { ...SITE, 'index.html': BROKEN_HTML })
    const { 'main-entry': _, ...withoutEntry } = INPUTS
    const r = await t.run({ ...withoutEntry, 'fail-on': 'never' })
    expect(r.code, r.stdout).toBe(0)
    // ref-broken's fix mentions --entry-dir, which has no input: the config file's key is named instead
    const broken = r.annotations.find((a) => a.title === 'ref-broken')
    expect(broken?.message).toContain(
      '("entryDir" in the config file set to "", main entry /index.html)'
    )
    const texts = [...r.annotations.map((a) => a.message), r.summary]
    expect(
      texts.filter((x) => /--(main-entry|id|global-package|version-dir|entry-dir)\b/.test(x))
    ).toEqual([])
  })

  test('bad inputs fail the step naming the input, before anything is written', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { 'fail-on': 'sometimes' },
        /^Input "fail-on": expected one of error\|warning\|never, got "sometimes"$/
      ],
      [
        { 'package-type': 'big' },
        /^Input "package-type": expected one of global\|standard\|auto, got "big"$/
      ],
      [
        { overwrite: 'yes', 'retention-days': '-1' },
        /^Input "retention-days": expected a whole number.*, got "-1"\nInput "overwrite": expected true or false, got "yes"$/
      ],
      [{ rules: 'ref-broken=loud' }, /^Input "rules" \(ref-broken\): /],
      [
        { rules: 'ref-broken' },
        /^Input "rules": "ref-broken" is not <rule-id>=<off\|notice\|warning\|error>$/
      ],
      [{ rules: 'no-such-rule=off' }, /^Input "rules": unknown rule id "no-such-rule"/],
      [{ 'artifact-name': 'a/b' }, /^Input "artifact-name": "a\/b" is not a valid artifact name/],
      [
        { 'package-id': '2017122' },
        /^Input "package-id": an 8-digit package ID such as 20171228, got "2017122"$/
      ],
      [
        { 'app-id': 'ab_c', workspace: 'test' },
        /^Input "app-id": letters and digits, e.g. 53E5279071442, got "ab_c"$/
      ],
      [{ path: '' }, /^Input "path": required/],
      [{ path: 'nowhere' }, /^Input "path": .*nowhere does not exist/],
      [
        { 'package-id': '' },
        /^Input "package-id": the package ID is required .*give package-id 20171228/
      ],
      [
        { output: 'site/sub/' },
        /^Input "output": cannot write .*site\/sub\/?: it is inside the package folder .*site, so the zip would end up in the next one/
      ],
      [
        { output: 'afile/x.zip' },
        /^Input "output": cannot write .*afile\/x\.zip: a file is in the way of its folder; nothing was written$/
      ],
      // Checked with the outputs, before any of their folders is made.
      [
        {
          path: 'nowhere',
          output: 'outdir/',
          sarif: 'sarifdir/x/h5.sarif',
          'delta-out': 'deltadir/d.zip'
        },
        /^Input "path": .*nowhere does not exist: give the package directory or \.zip file$/
      ],
      [
        { 'global-package': 'g\\pkg', output: 'outdir/' },
        /^Input "global-package": .*g\\pkg does not exist \(the folder separator here is \/, not \\\): /
      ],
      // A backslash is one character of a file name on this runner, not a folder separator.
      [
        { output: 'build\\win.zip', sarif: 'rep\\h5.sarif', 'delta-out': 'd\\delta.zip' },
        new RegExp(
          [
            String.raw`^Input "output": "build\\win\.zip" has a backslash \(the folder separator here is /, not \\\): write "build/win\.zip"`,
            String.raw`Input "sarif": "rep\\h5\.sarif" has a backslash .*: write "rep/h5\.sarif"`,
            String.raw`Input "delta-out": "d\\delta\.zip" has a backslash .*: write "d/delta\.zip"$`
          ].join('\n')
        )
      ],
      [
        { config: 'conf\\h5.json' },
        /^Input "config": config file .*conf\\h5\.json cannot be read \(ENOENT\) \(the folder separator here is \/, not \\\)$/
      ],
      // Each output named as what it is, not as the package zip.
      [
        { sarif: 'afolder' },
        /^Input "sarif": cannot write .*afolder: it is a directory; give a file name such as .*afolder\/h5\.sarif$/
      ],
      [
        { 'delta-out': 'afolder' },
        /^Input "delta-out": cannot write .*afolder: it is a directory; give a file name such as .*afolder\/delta\.zip$/
      ],
      [
        { sarif: 'site/h5.sarif' },
        /^Input "sarif": cannot write .*site\/h5\.sarif: it is inside the package folder .*site, so the SARIF file would end up in the next zip \(or replace a file of this one\); write it outside, e\.g\. .*ws\/h5\.sarif$/
      ]
    ]
    fs.writeFileSync(path.join(t.workspace, 'afile'), 'not a folder')
    fs.mkdirSync(path.join(t.workspace, 'afolder'))
    for (const [inputs, message] of cases) {
      const r = await t.run({ ...INPUTS, ...inputs })
      expect(r.code, JSON.stringify(inputs)).toBe(1)
      expect(r.annotations.map((a) => a.level)).toEqual(['error'])
      expect(r.annotations[0].message).toMatch(message)
      expect(r.outputs).toEqual({})
      expect(r.summary).toBe('')
      expect(fs.readdirSync(r.runnerTemp)).toEqual([])
    }
    expect(fs.existsSync(path.join(t.workspace, 'site/sub'))).toBe(false)
    // No folder made for the outputs of a step that failed on its inputs, no file named with a backslash.
    expect(fs.readdirSync(t.workspace).sort()).toEqual(['afile', 'afolder', 'site'])
    expect(fs.readdirSync(path.join(t.workspace, 'afolder'))).toEqual([])
    expect(t.fake.requests).toEqual([])
  })

  test('no runtime token (a local run): a notice, no upload, still a success', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run(INPUTS, { ACTIONS_RUNTIME_TOKEN: undefined })
    expect(r.code).toBe(0)
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'notice',
        title: 'No artifact',
        message: expect.stringContaining('ACTIONS_RUNTIME_TOKEN is not set')
      })
    ])
    expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)
    expect(r.outputs['artifact-id']).toBe('')
    expect(r.summary).toContain('not uploaded: ACTIONS\\_RUNTIME\\_TOKEN is not set')
    expect(t.fake.requests).toEqual([])
  })

  test('GITHUB_SERVER_URL: the artifact link follows it; on GHES the upload fails with advice', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run(INPUTS, { GITHUB_SERVER_URL: 'https://github.localhost/' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['artifact-url']).toBe(
      `https://github.localhost/octo/repo/actions/runs/4242/artifacts/${r.outputs['artifact-id']}`
    )

    const ghes = await t.run(
      { ...INPUTS, 'artifact-name': 'ghes' },
      { GITHUB_SERVER_URL: 'https://ghes.example.com' }
    )
    expect(ghes.code).toBe(1)
    const failure = ghes.annotations.filter((a) => a.level === 'error')
    expect(failure).toHaveLength(1)
    expect(failure[0].message).toMatch(
      /not currently supported on GHES.*Set `upload-artifact: false`/s
    )
    expect(fs.existsSync(ghes.outputs['zip-path'])).toBe(true)
    expect(t.fake.artifacts.map((a) => a.name)).toEqual([ZIP_NAME])
  })

  test('a name conflict (409) fails with advice; overwrite deletes and uploads again', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, SITE, { existing: [{ name: ZIP_NAME }] })
    const conflict = await t.run(INPUTS)
    expect(conflict.code).toBe(1)
    const error = conflict.annotations.filter((a) => a.level === 'error')
    expect(error).toHaveLength(1)
    expect(error[0].message).toContain(
      `an artifact named ${ZIP_NAME} already exists in this workflow run`
    )
    expect(error[0].message).toContain('`overwrite: true`')
    expect(error[0].message).toContain('${{ github.run_attempt }}')
    expect(error[0].message).toContain('(409) Conflict')
    expect(fs.existsSync(conflict.outputs['zip-path'])).toBe(true)
    expect(conflict.outputs['artifact-id']).toBe('')
    expect(conflict.summary).toContain('upload failed: an artifact named')
    expect(t.fake.calls()).toEqual(['CreateArtifact'])

    const old = t.fake.artifacts[0].id
    const again = await t.run({ ...INPUTS, overwrite: 'true' })
    expect(again.code, again.stdout).toBe(0)
    expect(t.fake.calls().slice(1)).toEqual([
      'ListArtifacts',
      'DeleteArtifact',
      'CreateArtifact',
      'FinalizeArtifact'
    ])
    expect(t.fake.artifacts).toHaveLength(1)
    expect(t.fake.artifacts[0].id).not.toBe(old)
    expect(t.fake.artifacts[0].bytes.equals(fs.readFileSync(again.outputs['zip-path']))).toBe(true)
    expect(again.outputs['artifact-id']).toBe(String(t.fake.artifacts[0].id))

    // Nothing to overwrite yet: the lookup finds nothing and the upload goes ahead.
    const fresh = await t.run({ ...INPUTS, overwrite: 'true', 'artifact-name': 'fresh' })
    expect(fresh.code).toBe(0)
    expect(t.fake.calls().slice(5)).toEqual(['ListArtifacts', 'CreateArtifact', 'FinalizeArtifact'])
  })

  test('a 500 is retried by the client and the upload then succeeds', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, SITE, { failTimes: 1 })
    const r = await t.run(INPUTS)
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toContain('Attempt 1 of 5 failed with error: Failed request: (500)')
    expect(t.fake.calls()).toEqual(['CreateArtifact', 'CreateArtifact', 'FinalizeArtifact'])
    expect(r.outputs['artifact-digest']).toBe(r.outputs.sha256)
  })

  test(
    'a service that keeps failing: a clear error after the client gives up, in bounded time',
    { timeout: 75_000 },
    async ({ expect, onTestFinished }) => {
      const t = await setup(onTestFinished, SITE, { failAlways: true })
      const r = await t.run(INPUTS, {}, 70_000)
      expect(r.signal).toBeNull()
      expect(r.code).toBe(1)
      expect(r.durationMs).toBeLessThan(60_000)
      const error = r.annotations.filter((a) => a.level === 'error')
      expect(error).toHaveLength(1)
      expect(error[0].message).toMatch(
        /^artifact upload of 20171228_1\.0\.0\.0\.zip failed: Failed to CreateArtifact: Failed to make request after 5 attempts/
      )
      expect(t.fake.calls()).toEqual(Array(5).fill('CreateArtifact'))
      expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)
    }
  )

  test(
    'a connection reset: a clear error at once (the client does not retry network errors), zip kept',
    { timeout: 30_000 },
    async ({ expect, onTestFinished }) => {
      const t = await setup(onTestFinished, SITE, { resetTimes: 1 })
      const r = await t.run(INPUTS, {}, 25_000)
      expect(r.signal).toBeNull()
      expect(r.code).toBe(1)
      expect(r.durationMs).toBeLessThan(20_000)
      const error = r.annotations.filter((a) => a.level === 'error')
      expect(error).toHaveLength(1)
      expect(error[0].message).toMatch(
        /^artifact upload of 20171228_1\.0\.0\.0\.zip failed: .*(ECONNRESET|socket hang up|Network)/i
      )
      expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)
    }
  )

  test(
    'an artifact service that never answers: upload-timeout ends the upload, the step fails in bounded time, zip kept',
    { timeout: 40_000 },
    async ({ expect, onTestFinished }) => {
      const t = await setup(onTestFinished, SITE, { hangTwirp: true })
      const r = await t.run({ ...INPUTS, 'upload-timeout': '2' }, {}, 35_000)
      expect(r.signal).toBeNull() // ended by itself, not killed by the harness
      expect(r.code).toBe(1)
      // 2 s of upload-timeout and at most 1 s of grace for the abandoned request, plus the package work.
      expect(r.durationMs).toBeLessThan(15_000)
      expect(t.fake.calls()).toEqual(['CreateArtifact']) // the request was made and never answered
      const error = r.annotations.filter((a) => a.level === 'error')
      expect(error).toHaveLength(1)
      expect(error[0].message).toMatch(
        /^artifact upload of 20171228_1\.0\.0\.0\.zip did not finish within 2 s \(upload-timeout: 2\);/
      )
      expect(error[0].message).toContain('Raise `upload-timeout`')
      expect(error[0].message).toContain(r.outputs['zip-path'])
      expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)
      expect(r.outputs.sha256).toBe(sha256(fs.readFileSync(r.outputs['zip-path'])))
      expect(r.outputs['artifact-id']).toBe('')
      expect(r.summary).not.toBe('')
    }
  )

  test('a slow artifact service within upload-timeout: the upload waits for it and succeeds', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, SITE, { delayMs: 500 })
    const r = await t.run({ ...INPUTS, 'upload-timeout': '30' })
    expect(r.code, r.stdout).toBe(0)
    expect(t.fake.calls()).toEqual(['CreateArtifact', 'FinalizeArtifact'])
    expect(r.outputs['artifact-id']).toBe(String(t.fake.artifacts[0].id))
  })

  test('bad upload-timeout values fail the step naming the input and the fix, before anything is written; empty is the default', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    for (const value of ['0', '-1', 'abc', '1.5', '432001', '600s']) {
      const r = await t.run({ ...INPUTS, 'upload-timeout': value })
      expect(r.code, JSON.stringify(value)).toBe(1)
      expect(r.annotations.map((a) => a.level)).toEqual(['error'])
      expect(r.annotations[0].message).toBe(
        `Input "upload-timeout": expected a whole number of seconds from 1 to 432000 (the default is 600), got "${value.trim()}"; ` +
          'set e.g. `upload-timeout: 1200`, or leave it out'
      )
      expect(r.outputs).toEqual({})
      expect(fs.readdirSync(r.runnerTemp)).toEqual([])
    }
    expect(t.fake.requests).toEqual([])
    // Empty, or only spaces, is the default, as for every other input.
    for (const [i, value] of ['', '   '].entries()) {
      const r = await t.run({ ...INPUTS, 'upload-timeout': value, 'artifact-name': `default-${i}` })
      expect(r.code, r.stdout).toBe(0)
      expect(r.outputs['artifact-id']).not.toBe('')
    }
  })
})

describe('action.yml', () => {
  const meta = actionMetadata()

  test('runs the committed bundle on node24, with branding', ({ expect }) => {
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(meta.raw).toMatch(/^name: 'H5 Offline Package \(mPaaS\)'$/m)
    expect(meta.raw).toMatch(/^branding:\n {2}icon: '[a-z-]+'\n {2}color: '[a-z-]+'$/m)
  })

  test('declares exactly the inputs the Action reads, each with a description stating its default', ({
    expect
  }) => {
    expect(meta.inputs.map((i) => i.name).sort()).toEqual([...INPUT_NAMES].sort())
    for (const input of meta.inputs) {
      if (input.required) expect(input.description, input.name).toMatch(/Required\./)
      else expect(input.description, input.name).toMatch(/Default: /)
    }
  })

  test('declares exactly the outputs the Action writes', async ({ expect, onTestFinished }) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-action-meta-'))
    onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }))
    writeTree(path.join(root, 'ws/site'), SITE)
    const r = await runAction({
      node: process.execPath,
      workspace: path.join(root, 'ws'),
      inputs: { ...INPUTS, 'upload-artifact': 'false' }
    })
    expect(r.code).toBe(0)
    expect(meta.outputs.map((o) => o.name).sort()).toEqual(Object.keys(r.outputs).sort())
    for (const o of meta.outputs) expect(o.description, o.name).not.toBe('')
  })
})

function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  fs.mkdirSync(dir, { recursive: true })
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, data)
  }
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}
