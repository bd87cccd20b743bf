import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'vitest'
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions
} from '../helpers/fake-github-api.js'
import { listZip } from '../../src/diff/diff.js'
import { nodeBinaries } from '../helpers/node24.js'
import { sarifValidator } from '../helpers/sarif-schema.js'
import { ACTION_ENTRY, ROOT, runAction, type ActionRun } from '../helpers/run-action.js'

/*
 * The pull-request extras end to end: the committed bundle in a child process, its real Octokit (from
 * @actions/github) talking to a loopback GitHub API (GITHUB_API_URL), with the event payload a runner would
 * write. Nothing of ours is mocked.
 */

if (!fs.existsSync(ACTION_ENTRY))
  throw new Error('dist/index.js is missing: run npm run build first')

const HEAD_SHA = 'c'.repeat(40)
const INPUTS = { path: 'site', 'package-id': '20171228', 'main-entry': '/www/index.html' }

const PAGE = [
  '<!doctype html>',
  '<html>',
  '<head></head>',
  '<body>',
  '<script src="./app.js"></script>',
  '</body>',
  '</html>',
  ''
].join('\n')

/** One error (a broken reference on line 5) and 119 warnings (names with a space): 120 findings. */
function site120(): Record<string, string> {
  const files: Record<string, string> = { 'index.html': PAGE.replace('./app.js', './missing.js') }
  for (let i = 1; i <= 119; i++) files[`img/a b${i}.txt`] = 'x'
  return files
}

const CLEAN = {
  'index.html': PAGE.replace('./app.js', './app.3f2a1c.js'),
  'app.3f2a1c.js': "console.log('v1')\n"
}

function prEvent(fork: boolean) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: {
        sha: HEAD_SHA,
        ref: 'feature',
        repo: { full_name: fork ? 'someone/repo-fork' : 'octo/repo' }
      },
      base: { ref: 'main', repo: { full_name: 'octo/repo' } }
    },
    repository: { full_name: 'octo/repo', name: 'repo', owner: { login: 'octo' } }
  }
}

interface Setup {
  workspace: string
  gh: FakeGitHub
  writeFiles(files: Record<string, string>): void
  run(
    inputs: Record<string, string>,
    opts?: { fork?: boolean; env?: Record<string, string> }
  ): Promise<ActionRun>
}

describe.concurrent.each(nodeBinaries())('pull-request extras on $label', (node) => {
  async function setup(
    onFinished: (fn: () => Promise<void> | void) => void,
    files: Record<string, string>,
    ghOptions: FakeGitHubOptions = {}
  ): Promise<Setup> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-action-pr-'))
    const workspace = path.join(root, 'ws')
    const writeFiles = (f: Record<string, string>) => {
      fs.rmSync(path.join(workspace, 'site'), { recursive: true, force: true })
      for (const [name, data] of Object.entries(f)) {
        const file = path.join(workspace, 'site', name)
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, data)
      }
    }
    writeFiles(files)
    const gh = await startFakeGitHub(ghOptions)
    onFinished(async () => {
      await gh.close()
      fs.rmSync(root, { recursive: true, force: true })
    })
    let n = 0
    return {
      workspace,
      gh,
      writeFiles,
      run(inputs, opts = {}) {
        const eventFile = path.join(root, `event-${++n}.json`)
        fs.writeFileSync(eventFile, JSON.stringify(prEvent(opts.fork ?? false)))
        return runAction({
          node: node.path,
          workspace,
          inputs: { 'upload-artifact': 'false', ...inputs },
          env: {
            GITHUB_API_URL: gh.url,
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_EVENT_PATH: eventFile,
            GITHUB_REF: 'refs/pull/7/merge',
            ...opts.env
          }
        })
      }
    }
  }

  test('120 findings: all reach one check run in 3 requests (50/50/20) on the head SHA, failure; SARIF is valid', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, site120())
    const r = await t.run({ ...INPUTS, sarif: 'out/h5.sarif', 'pr-comment': 'false' })
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.outputs.errors).toBe('1')
    expect(r.outputs.warnings).toBe('119')

    expect(t.gh.calls().filter((c) => c.includes('check-runs'))).toEqual([
      'POST /repos/octo/repo/check-runs',
      `PATCH /repos/octo/repo/check-runs/${t.gh.checkRuns[0]?.id}`,
      `PATCH /repos/octo/repo/check-runs/${t.gh.checkRuns[0]?.id}`
    ])
    expect(t.gh.checkRuns).toHaveLength(1)
    const run = t.gh.checkRuns[0]
    expect(run.batches).toEqual([50, 50, 20])
    expect(run.annotations).toHaveLength(120)
    expect(run.name).toBe('H5 offline package')
    expect(run.head_sha).toBe(HEAD_SHA) // the PR head, not GITHUB_SHA (the merge commit)
    expect(run.status).toBe('completed')
    expect(run.conclusion).toBe('failure')
    expect(run.output.title).toBe('Package 20171228: 1 error, 119 warnings, 0 notices')
    expect(run.output.summary!.length).toBeLessThanOrEqual(65535)
    expect(run.output.summary).toContain('ref-broken')
    // Each finding once, on its file, with the line where known; the 119 names all distinct.
    const error = run.annotations.find((a) => a.annotation_level === 'failure')
    expect(error).toMatchObject({
      path: 'site/index.html',
      start_line: 5,
      end_line: 5,
      title: 'ref-broken'
    })
    const warned = run.annotations
      .filter((a) => a.annotation_level === 'warning')
      .map((a) => a.path)
    expect(new Set(warned).size).toBe(119)
    expect(warned).toContain('site/img/a b42.txt')
    expect(
      t.gh.requests.every(
        (q) => q.headers.authorization === 'token ghs_faketoken0000000000000000000000000000'
      )
    ).toBe(true)

    // The check run has them all: the step itself only reports its failure, no 10-per-step truncation.
    expect(r.annotations.map((a) => a.level)).toEqual(['error'])
    expect(r.outputs['check-run-url']).toBe(`https://github.com/octo/repo/runs/${run.id}`)
    expect(r.summary).toContain('Check run: [H5 offline package]')
    expect(r.summary).toContain('(120 annotations)')
    // The token is masked: it appears only in the add-mask command itself.
    expect(r.stdout.split('\n').filter((l) => l.includes('ghs_faketoken'))).toEqual([
      '::add-mask::ghs_faketoken0000000000000000000000000000'
    ])

    // SARIF: written where asked, valid against the SARIF 2.1.0 schema, every finding with a location.
    const sarifPath = path.join(t.workspace, 'out/h5.sarif')
    expect(r.outputs['sarif-path']).toBe(sarifPath)
    const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'))
    const validate = sarifValidator()
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
    expect(sarif.runs[0].results).toHaveLength(120)
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'ref-broken',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'site/index.html', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5 }
          }
        }
      ]
    })
    const uris = sarif.runs[0].results.map(
      (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        x.locations[0].physicalLocation.artifactLocation.uri
    )
    expect(uris).toContain('site/img/a%20b42.txt')
  })

  test('a fork PR: no check run or comment attempted, notices say why, annotations from the step, fail-on decides', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, site120(), { checksStatus: 403, commentsStatus: 403 })
    const r = await t.run(INPUTS, { fork: true })
    expect(r.code).toBe(1) // fail-on: error and there is an error
    expect(t.gh.requests).toEqual([]) // a fork's token is read-only: nothing is tried
    const notices = r.annotations.filter((a) => a.level === 'notice')
    expect(notices.find((a) => a.title === 'No check run')?.message).toMatch(/fork.*read-only/)
    expect(notices.find((a) => a.title === 'No comment')?.message).toMatch(/fork/)
    // The fallback: workflow-command annotations within the runner's limits, the failure kept visible.
    expect(r.annotations.filter((a) => a.level === 'error').length).toBe(2) // the finding and the failure
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(notices.length).toBeLessThanOrEqual(10)
    expect(notices.find((a) => a.title === 'More findings')?.message).toMatch(/^109 more findings/)
    expect(r.outputs['check-run-url']).toBe('')

    const never = await t.run({ ...INPUTS, 'fail-on': 'never' }, { fork: true })
    expect(never.code).toBe(0) // reporting problems never fail the step
  })

  test('a token without checks: write (403): fallback to step annotations with a notice, the step still passes', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { ...CLEAN, 'x y.txt': 'x' }, { checksStatus: 403 })
    const r = await t.run({ ...INPUTS, 'pr-comment': 'false' })
    expect(r.code, r.stdout).toBe(0)
    expect(t.gh.calls()).toEqual(['POST /repos/octo/repo/check-runs'])
    const notice = r.annotations.find((a) => a.title === 'No check run')
    expect(notice?.message).toContain('HTTP 403: Resource not accessible by integration')
    expect(notice?.message).toContain('permissions: checks: write')
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'name-url-unsafe', file: 'site/x y.txt' })
    )
    expect(r.summary).toContain('Check run: not posted')
  })

  test('a 502 from the Checks API, once: retried after a second, the check run is posted with its annotations', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(
      onTestFinished,
      { ...CLEAN, 'x y.txt': 'x' },
      { fail5xx: { status: 502, times: 1, match: /check-runs/ } }
    )
    const r = await t.run({ ...INPUTS, 'pr-comment': 'false' })
    expect(r.code, r.stdout).toBe(0)
    // The fake saw the first attempt (answered 502) and the retry of the same request.
    expect(t.gh.calls()).toEqual([
      'POST /repos/octo/repo/check-runs',
      'POST /repos/octo/repo/check-runs'
    ])
    expect(t.gh.requests[1].body.equals(t.gh.requests[0].body)).toBe(true)
    expect(r.stdout).toMatch(
      /GitHub API: POST \/repos\/octo\/repo\/check-runs failed \(HTTP 502: Server Error\); retrying in 1 s \(attempt 2 of 3\)/
    )
    expect(t.gh.checkRuns).toHaveLength(1) // one check run, not two
    const run = t.gh.checkRuns[0]
    expect(run).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion: 'neutral' })
    expect(run.annotations).toEqual([
      expect.objectContaining({ path: 'site/x y.txt', annotation_level: 'warning' })
    ])
    expect(r.outputs['check-run-url']).toBe(`https://github.com/octo/repo/runs/${run.id}`)
    expect(r.annotations.filter((a) => a.title === 'No check run')).toEqual([])
  })

  test('the Checks API answering 503 every time: 3 attempts in bounded time, a notice naming HTTP 503, step annotations, fail-on decides', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, site120(), {
      fail5xx: { status: 503, times: 'always', match: /check-runs/ }
    })
    const r = await t.run({ ...INPUTS, 'pr-comment': 'false' })
    expect(r.signal).toBeNull()
    expect(r.durationMs).toBeLessThan(20_000) // 1 s + 2 s of backoff, not minutes
    expect(t.gh.calls()).toEqual(Array(3).fill('POST /repos/octo/repo/check-runs'))
    expect(t.gh.checkRuns).toEqual([])
    const notice = r.annotations.find((a) => a.title === 'No check run')
    expect(notice?.message).toContain(
      'the Checks API failed (HTTP 503: Service Unavailable (after 3 attempts))'
    )
    // The fallback, as for a 403: the findings from the step, and the step decided by fail-on alone.
    expect(r.code).toBe(1) // fail-on: error and there is an error
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(2) // the finding and the failure
    expect(r.annotations.filter((a) => a.level === 'error')[1].message).toMatch(
      /^H5 offline package 20171228: 1 error and 119 warnings \(fail-on: error\)/
    )
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(r.outputs['check-run-url']).toBe('')
    expect(r.summary).toContain('Check run: not posted')

    const never = await t.run({ ...INPUTS, 'pr-comment': 'false', 'fail-on': 'never' })
    expect(never.code).toBe(0) // a Checks API outage never fails the step by itself
  })

  test('the Checks API failing halfway (an update gives 503 three times): the check run is completed, not left spinning, and the step annotates', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, site120(), {
      fail5xx: { status: 503, times: 3, match: /^PATCH .*check-runs/ }
    })
    const r = await t.run({ ...INPUTS, 'pr-comment': 'false' })
    expect(r.signal).toBeNull()
    expect(r.durationMs).toBeLessThan(20_000)
    // Created with the first 50, the first update tried 3 times, then the completing update.
    expect(t.gh.calls()).toEqual([
      'POST /repos/octo/repo/check-runs',
      ...Array(4).fill('PATCH /repos/octo/repo/check-runs/' + t.gh.checkRuns[0]?.id)
    ])
    expect(t.gh.checkRuns).toHaveLength(1)
    const run = t.gh.checkRuns[0]
    expect(run.status).toBe('completed')
    expect(run.conclusion).toBe('failure')
    expect(run.annotations).toHaveLength(50)
    expect(run.output.summary).toMatch(/^Not every annotation could be posted \(HTTP 503/)
    const notice = r.annotations.find((a) => a.title === 'No check run')
    expect(notice?.message).toContain('HTTP 503')
    // The step reports the findings itself, within the runner's limits, and fail-on alone decides.
    expect(r.code).toBe(1)
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(r.outputs['check-run-url']).toBe('')
  })

  test('a connection reset on the Checks API: retried, the check run is posted', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, CLEAN, { reset: { times: 1, match: /check-runs/ } })
    const r = await t.run({ ...INPUTS, 'pr-comment': 'false' })
    expect(r.code, r.stdout).toBe(0)
    expect(t.gh.calls()).toEqual([
      'POST /repos/octo/repo/check-runs',
      'POST /repos/octo/repo/check-runs'
    ])
    expect(r.stdout).toMatch(
      /GitHub API: POST \/repos\/octo\/repo\/check-runs failed \(.+\); retrying in 1 s/
    )
    expect(t.gh.checkRuns).toHaveLength(1)
    expect(t.gh.checkRuns[0].conclusion).toBe('success')
  })

  test('a failed artifact upload fails the check run too: one verdict with the step and the summary', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, CLEAN)
    // A clean package whose upload fails (GHES has no artifact service of this kind): the step fails.
    const r = await t.run(
      { ...INPUTS, 'pr-comment': 'false', 'upload-artifact': 'true' },
      {
        env: {
          ACTIONS_RUNTIME_TOKEN: 'token',
          ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
          GITHUB_SERVER_URL: 'https://ghes.example.com'
        }
      }
    )
    expect(r.code, r.stdout).toBe(1)
    expect(r.outputs.errors).toBe('0')
    const run = t.gh.checkRuns[0]
    expect(run.conclusion).toBe('failure')
    expect(run.output.summary).toMatch(/^## ❌ H5 offline package 20171228: failed/)
  })

  test('the markers alone do not make a comment ours: one a person wrote is left alone, a new one is posted', async ({
    expect,
    onTestFinished
  }) => {
    const markers = '<!-- h5-offline-action -->\n<!-- h5-offline-action package=20171228 -->\n'
    const t = await setup(onTestFinished, CLEAN)
    // Quoted from the bot's comment by a reviewer, markers and all.
    const pasted = {
      id: 1,
      body: `${markers}> ✅ passed? not on my phone`,
      user: { login: 'human', type: 'User' }
    }
    t.gh.comments.set(7, [{ ...pasted, user: { ...pasted.user } }])
    const r = await t.run(INPUTS)
    expect(r.code, r.stdout).toBe(0)
    const comments = t.gh.comments.get(7)!
    expect(comments).toHaveLength(2)
    expect(comments[0]).toEqual(pasted)
    expect(comments[1].user).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    // GITHUB_TOKEN cannot say whose it is (403): the person's comment is not taken for ours.
    expect(t.gh.calls().filter((c) => /comments|\/user$/.test(c))).toEqual([
      'GET /repos/octo/repo/issues/7/comments',
      'GET /user',
      'POST /repos/octo/repo/issues/7/comments'
    ])

    // The next run updates the bot's comment, not the person's.
    const again = await t.run(INPUTS)
    expect(again.code, again.stdout).toBe(0)
    expect(t.gh.comments.get(7)).toHaveLength(2)
    expect(t.gh.comments.get(7)![0]).toEqual(pasted)
    expect(t.gh.calls().at(-1)).toBe(`PATCH /repos/octo/repo/issues/comments/${comments[1].id}`)
  })

  test('a personal token takes over the comment of its own user, never one of another person', async ({
    expect,
    onTestFinished
  }) => {
    const markers = '<!-- h5-offline-action -->\n<!-- h5-offline-action package=20171228 -->\n'
    const t = await setup(onTestFinished, CLEAN, { tokenUser: 'release-bot-account' })
    t.gh.comments.set(7, [
      { id: 1, body: `${markers}pasted`, user: { login: 'human', type: 'User' } },
      { id: 2, body: `${markers}old report`, user: { login: 'release-bot-account', type: 'User' } }
    ])
    const r = await t.run(INPUTS)
    expect(r.code, r.stdout).toBe(0)
    const comments = t.gh.comments.get(7)!
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toBe(`${markers}pasted`)
    expect(comments[1].body).toContain('✅ H5 offline package 20171228: passed')
    expect(t.gh.calls().filter((c) => /comments|\/user$/.test(c))).toEqual([
      'GET /repos/octo/repo/issues/7/comments',
      'GET /user',
      'PATCH /repos/octo/repo/issues/comments/2'
    ])
  })

  test('a sticky comment: created once, then updated in place with the diff against compare-to', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, CLEAN)
    // A comment by someone else on the PR stays untouched.
    t.gh.comments.set(7, [{ id: 1, body: 'LGTM', user: { login: 'human', type: 'User' } }])
    const first = await t.run({ ...INPUTS, output: 'base/' })
    expect(first.code, first.stdout).toBe(0)
    expect(t.gh.comments.get(7)).toHaveLength(2)
    const created = t.gh.comments.get(7)![1]
    expect(created.body.startsWith('<!-- h5-offline-action -->')).toBe(true)
    expect(created.body).toContain('✅ H5 offline package 20171228: passed')
    expect(created.body).toContain(`Zip: **`)
    expect(t.gh.checkRuns[0].conclusion).toBe('success')

    // The next push: a bigger app.js under a new hashed name, compared with the first run's zip.
    t.writeFiles({
      'index.html': PAGE.replace('./app.js', './app.9b8e7d.js'),
      'app.9b8e7d.js': `console.log('${'v2'.repeat(500)}')\n`
    })
    fs.renameSync(
      path.join(t.workspace, 'base/20171228.zip'),
      path.join(t.workspace, 'base/previous.zip')
    )
    const second = await t.run({
      ...INPUTS,
      'compare-to': 'base/previous.zip',
      'delta-out': 'delta/update.zip'
    })
    expect(second.code, second.stdout).toBe(0)
    const comments = t.gh.comments.get(7)!
    expect(comments).toHaveLength(2) // updated, not added
    expect(comments[0].body).toBe('LGTM')
    expect(comments[1].id).toBe(created.id)
    const body = comments[1].body
    expect(body).toContain('against previous.zip')
    expect(body).toContain('### Package diff')
    expect(body).toMatch(/Zip: \*\*[\d.]+ (B|KiB)\*\* \([\d,]+ bytes\), \+/)
    expect(t.gh.calls().filter((c) => c.includes('comments'))).toEqual([
      'GET /repos/octo/repo/issues/7/comments',
      'POST /repos/octo/repo/issues/7/comments',
      'GET /repos/octo/repo/issues/7/comments',
      `PATCH /repos/octo/repo/issues/comments/${created.id}`
    ])
    // The diff: the summary, the outputs and the JSON file agree.
    const diff = JSON.parse(fs.readFileSync(second.outputs['diff-path'], 'utf8'))
    expect(diff.changed.map((c: { path: string }) => c.path)).toEqual(['20171228/www/index.html'])
    expect(diff.renamed).toEqual([
      expect.objectContaining({
        from: '20171228/www/app.3f2a1c.js',
        path: '20171228/www/app.9b8e7d.js',
        by: 'hash-name',
        changed: true
      })
    ])
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
    expect(String(diff.delta.bytes)).toBe(second.outputs['size-delta'])
    expect(second.summary).toContain('_Compared with previous.zip._')
    // The check run's summary carries the diff too, not only the findings.
    const checkSummary = t.gh.checkRuns.at(-1)!.output.summary!
    expect(checkSummary).toContain('_Compared with previous.zip._')
    expect(checkSummary).toContain('### Package diff')
    // delta-out: the changed and renamed files plus removed.txt
    expect(second.outputs['delta-path']).toBe(path.join(t.workspace, 'delta/update.zip'))
    const delta = await listZip(second.outputs['delta-path'])
    expect([...delta.files.keys()].sort()).toEqual([
      '20171228/www/app.9b8e7d.js',
      '20171228/www/index.html',
      'removed.txt'
    ])
    expect(second.summary).toContain('### Package diff')
  })
  test('compare-to latest-release and a URL: the zip asset is fetched through the API, the diff and size-delta follow', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, CLEAN)
    const base = await t.run({
      ...INPUTS,
      output: 'base/',
      'check-run': 'false',
      'pr-comment': 'false'
    })
    expect(base.code, base.stdout).toBe(0)
    const baseZip = fs.readFileSync(base.outputs['zip-path'])
    t.gh.addRelease({
      tag_name: 'v1.0.0',
      draft: false,
      assets: [
        { name: 'notes.txt', content_type: 'text/plain', data: Buffer.from('notes') },
        { name: '20171228_1.0.0.0.zip', content_type: 'application/zip', data: baseZip }
      ]
    })
    t.writeFiles({ ...CLEAN, 'extra.css': 'body { color: red }\n' })

    // A GHES-style API base (`<server>/api/v3`): the token goes to URLs under it only.
    const ghes = { env: { GITHUB_API_URL: `${t.gh.url}/api/v3` } }
    const r = await t.run({ ...INPUTS, 'compare-to': 'latest-release', 'check-run': 'false' }, ghes)
    expect(r.code, r.stdout).toBe(0)
    const asset = t.gh.releases[0].assets[1]
    expect(t.gh.calls()).toContain('GET /repos/octo/repo/releases/latest')
    const download = t.gh.requests.find(
      (q) => q.path === `/repos/octo/repo/releases/assets/${asset.id}`
    )
    expect(download?.headers.accept).toBe('application/octet-stream')
    expect(Number(r.outputs['size-delta'])).toBe(Number(r.outputs.size) - baseZip.length)
    const diff = JSON.parse(fs.readFileSync(r.outputs['diff-path'], 'utf8'))
    expect(diff.added).toEqual([{ path: '20171228/www/extra.css', size: 20 }])
    expect(diff.counts).toMatchObject({
      added: 1,
      removed: 0,
      changed: 0,
      renamed: 0,
      unchanged: 2
    })
    expect(r.summary).toContain('_Compared with 20171228\\_1.0.0.0.zip \\(release v1.0.0\\)._')
    expect(t.gh.comments.get(7)?.[0].body).toContain(
      'against 20171228\\_1.0.0.0.zip \\(release v1.0.0\\)'
    )

    const byUrl = await t.run(
      {
        ...INPUTS,
        'compare-to': `${t.gh.url}/download/${asset.id}/20171228_1.0.0.0.zip`,
        'check-run': 'false',
        'pr-comment': 'false'
      },
      ghes
    )
    expect(byUrl.code, byUrl.stdout).toBe(0)
    expect(byUrl.outputs['size-delta']).toBe(r.outputs['size-delta'])
    // The downloaded baselines are deleted once diffed: RUNNER_TEMP outlives the step.
    for (const run of [r, byUrl])
      expect(fs.readdirSync(run.runnerTemp).filter((n) => n.includes('baseline'))).toEqual([])
    // Not under the API: no token sent along, though the origin is the same.
    const fetched = t.gh.requests.filter((q) => q.path.startsWith('/download/'))
    expect(fetched.map((q) => q.headers.authorization)).toEqual([undefined])

    // A baseline bigger than limits.bytes is not downloaded (past the limit): a notice, and no diff. (The limit
    // holds the site's own 138 bytes of files, which it caps too, and not the baseline zip.)
    fs.writeFileSync(
      path.join(t.workspace, 'tiny-limit.json'),
      JSON.stringify({ limits: { bytes: 200 } })
    )
    const tooBig = await t.run(
      {
        ...INPUTS,
        config: 'tiny-limit.json',
        'compare-to': `${t.gh.url}/download/${asset.id}/20171228_1.0.0.0.zip`,
        'check-run': 'false',
        'pr-comment': 'false'
      },
      ghes
    )
    expect(tooBig.code, tooBig.stdout).toBe(0)
    expect(tooBig.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'No diff',
        message: expect.stringMatching(
          /20171228_1\.0\.0\.0\.zip is larger than 200 B \(limits\.bytes/
        )
      })
    )
    expect(tooBig.outputs['size-delta']).toBe('')
    const tooBigAsset = await t.run(
      {
        ...INPUTS,
        config: 'tiny-limit.json',
        'compare-to': 'latest-release',
        'check-run': 'false',
        'pr-comment': 'false'
      },
      ghes
    )
    expect(tooBigAsset.annotations).toContainEqual(
      expect.objectContaining({
        title: 'No diff',
        message: expect.stringContaining('(release v1.0.0) is larger than 200 B (limits.bytes')
      })
    )

    // No baseline to be had: a notice, and the step still passes.
    const missing = await t.run({
      ...INPUTS,
      'compare-to': 'nope.zip',
      'check-run': 'false',
      'pr-comment': 'false'
    })
    expect(missing.code).toBe(0)
    expect(missing.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'No diff',
        message: expect.stringContaining('nope.zip is not a file')
      })
    )
    expect(missing.outputs['size-delta']).toBe('')
  })

  test('size-budget feeds the size-budget rule; a bad line names the input', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, CLEAN)
    const r = await t.run({
      ...INPUTS,
      'size-budget': 'file=10B\nzipped=100B',
      'check-run': 'false',
      'pr-comment': 'false'
    })
    expect(r.code).toBe(1)
    const budget = r.annotations.filter((a) => a.title === 'size-budget').map((a) => a.message)
    expect(budget.some((m) => m.includes('over the per-file budget of 10 bytes'))).toBe(true)

    const bad = await t.run({ ...INPUTS, 'size-budget': 'biggest=1MB' })
    expect(bad.code).toBe(1)
    expect(bad.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input "size-budget": "biggest=1MB" is not total=<size>/)
    ])
    const unit = await t.run({ ...INPUTS, 'size-budget': 'total=5 parsecs' })
    expect(unit.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input "size-budget" \(total\): "5 parsecs" is not a size/)
    ])
    expect(t.gh.requests).toEqual([])
  })
})

describe('the CLI and the SARIF schema', () => {
  test('h5-offline validate --sarif writes a file the schema accepts, names with %, # and non-ASCII included', ({
    expect
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-sarif-cli-'))
    try {
      const site = path.join(dir, 'site')
      fs.mkdirSync(site)
      fs.writeFileSync(path.join(site, 'index.html'), PAGE.replace('./app.js', './gone.js'))
      for (const name of ['100% #1.txt', '图片 1.png', 'a,b:c.txt'])
        fs.writeFileSync(path.join(site, name), 'x')
      const r = spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'dist/cli/index.js'),
          'validate',
          'site',
          '--id',
          '20171228',
          '--sarif',
          'r.sarif'
        ],
        { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } }
      )
      expect(r.status, r.stderr).toBe(1)
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'r.sarif'), 'utf8'))
      const validate = sarifValidator()
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
      const uris = sarif.runs[0].results.flatMap(
        (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          x.locations.map((l) => l.physicalLocation.artifactLocation.uri)
      )
      expect(uris).toContain('site/100%25%20%231.txt')
      expect(uris).toContain(`site/${encodeURIComponent('图片 1.png')}`)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
