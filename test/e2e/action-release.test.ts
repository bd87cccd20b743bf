import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { versionFromTag } from '../../src/action/context.js'
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions
} from '../helpers/fake-github-api.js'
import { nodeBinaries } from '../helpers/node24.js'
import { ACTION_ENTRY, runAction, type ActionRun } from '../helpers/run-action.js'

/*
 * Release-tag packaging end to end: the committed bundle, its real Octokit against a loopback GitHub API whose
 * releases carry an `upload_url` pointing back at it (as GHES's do), on a `release` event and on a `v*` tag push.
 */

if (!fs.existsSync(ACTION_ENTRY))
  throw new Error('dist/index.js is missing: run npm run build first')

const SITE = {
  'index.html': '<!doctype html>\n<html><body><script src="./app.js"></script></body></html>\n',
  'app.js': "console.log('release')\n"
}
const INPUTS = {
  path: 'site',
  'package-id': '20171228',
  'main-entry': '/www/index.html',
  'release-upload': 'true',
  'upload-artifact': 'false',
  'check-run': 'false' // a check run on a tag's commit is covered by the pull-request suite
}

describe('the version a release tag gives (versionFromTag)', () => {
  test.each([
    ['v1.2.3', '1.2.3.0'],
    ['v1.2.3.4', '1.2.3.4'],
    ['v1.2', '1.2.0.0'],
    ['v10.0.07', '10.0.7.0']
  ])('%s → %s', (tag, version) => {
    expect(versionFromTag(tag)).toBe(version)
  })

  test.each(['1.2.3', 'v1', 'v1.2.3.4.5', 'v1.2.3-beta', 'release-1.2', 'v1.x'])(
    '%s is refused, naming the tag',
    (tag) => {
      expect(() => versionFromTag(tag)).toThrow(`the tag "${tag}" is not a version tag`)
    }
  )
})

interface Setup {
  gh: FakeGitHub
  workspace: string
  /** Runs on a `release` event for the release, or on a push of `tag`. */
  run(
    inputs: Record<string, string>,
    on: { release: ReturnType<FakeGitHub['addRelease']> } | { tag: string }
  ): Promise<ActionRun>
}

describe.concurrent.each(nodeBinaries())('release-upload on $label', (node) => {
  async function setup(
    onFinished: (fn: () => Promise<void> | void) => void,
    options: FakeGitHubOptions = {}
  ): Promise<Setup> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-action-release-'))
    const workspace = path.join(root, 'ws')
    for (const [name, data] of Object.entries(SITE)) {
      fs.mkdirSync(path.join(workspace, 'site'), { recursive: true })
      fs.writeFileSync(path.join(workspace, 'site', name), data)
    }
    const gh = await startFakeGitHub(options)
    onFinished(async () => {
      await gh.close()
      fs.rmSync(root, { recursive: true, force: true })
    })
    let n = 0
    return {
      gh,
      workspace,
      run(inputs, on) {
        const eventFile = path.join(root, `event-${++n}.json`)
        const release = 'release' in on
        fs.writeFileSync(
          eventFile,
          JSON.stringify(
            release
              ? { action: 'published', release: gh.releaseJson(on.release) }
              : { ref: `refs/tags/${on.tag}`, head_commit: { id: 'd'.repeat(40) } }
          )
        )
        const tag = release ? on.release.tag_name : on.tag
        return runAction({
          node: node.path,
          workspace,
          inputs: { ...INPUTS, ...inputs },
          env: {
            GITHUB_API_URL: gh.url,
            GITHUB_EVENT_NAME: release ? 'release' : 'push',
            GITHUB_EVENT_PATH: eventFile,
            GITHUB_REF: `refs/tags/${tag}`,
            GITHUB_REF_NAME: tag
          }
        })
      }
    }
  }

  test('a release event: version from the tag, zip and report attached at upload_url, release-asset-url', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const release = t.gh.addRelease({ tag_name: 'v1.2.3', draft: false })
    const r = await t.run({}, { release })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(path.basename(r.outputs['zip-path'])).toBe('20171228_1.2.3.0.zip')
    expect(r.stdout).toContain('Version 1.2.3.0, from the tag v1.2.3')
    const names = t.gh.releases[0].assets.map((a) => a.name)
    expect(names).toEqual(['20171228_1.2.3.0.zip', '20171228_1.2.3.0.report.json'])
    const zip = t.gh.releases[0].assets[0]
    expect(zip.data.equals(fs.readFileSync(r.outputs['zip-path']))).toBe(true)
    expect(zip.content_type).toBe('application/zip')
    expect(r.outputs['release-asset-url']).toBe(
      `${t.gh.url}/download/${zip.id}/20171228_1.2.3.0.zip`
    )
    // Uploads went to the release's upload_url, not uploads.github.com.
    expect(t.gh.calls().filter((c) => c.startsWith('POST'))).toEqual([
      `POST /uploads/repos/octo/repo/releases/${release.id}/assets`,
      `POST /uploads/repos/octo/repo/releases/${release.id}/assets`
    ])
    expect(r.summary).toContain('Release v1.2.3:')
  })

  test('a release upload that fails fails the check run too, posted after it', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const release = t.gh.addRelease({
      tag_name: 'v2.0.1',
      draft: false,
      assets: [
        { name: '20171228_2.0.1.0.zip', content_type: 'application/zip', data: Buffer.from('old') }
      ]
    })
    const r = await t.run({ 'check-run': 'true' }, { release })
    expect(r.code).toBe(1)
    expect(t.gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure'])
    expect(r.summary).toContain('❌')
  })

  test('an asset of the same name: refused with advice without overwrite; deleted then uploaded with it', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const release = t.gh.addRelease({
      tag_name: 'v2.0.0',
      draft: false,
      assets: [
        { name: '20171228_2.0.0.0.zip', content_type: 'application/zip', data: Buffer.from('old') }
      ]
    })
    const oldId = release.assets[0].id

    const refused = await t.run({}, { release })
    expect(refused.code).toBe(1)
    const error = refused.annotations.filter((a) => a.level === 'error')
    expect(error).toHaveLength(1)
    expect(error[0].message).toContain(
      'The release v2.0.0 already has an asset named 20171228_2.0.0.0.zip. Set overwrite: true to replace it'
    )
    expect(t.gh.calls().some((c) => c.startsWith('POST') || c.startsWith('DELETE'))).toBe(false)
    expect(refused.outputs['release-asset-url']).toBe('')

    const replaced = await t.run({ overwrite: 'true' }, { release })
    expect(replaced.code, replaced.stdout).toBe(0)
    const writes = t.gh.calls().filter((c) => !c.startsWith('GET'))
    expect(writes).toEqual([
      `DELETE /repos/octo/repo/releases/assets/${oldId}`,
      `POST /uploads/repos/octo/repo/releases/${release.id}/assets`,
      `POST /uploads/repos/octo/repo/releases/${release.id}/assets`
    ])
    const zip = t.gh.releases[0].assets.find((a) => a.name === '20171228_2.0.0.0.zip')!
    expect(zip.data.equals(fs.readFileSync(replaced.outputs['zip-path']))).toBe(true)
    expect(replaced.stdout).toContain('Attached 20171228_2.0.0.0.zip to release v2.0.0 (replaced)')
  })

  test('a concurrent upload of the same name (422 already_exists): deleted and retried once with overwrite', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { raceOnUpload: ['20171228_3.1.0.0.zip'] })
    const release = t.gh.addRelease({ tag_name: 'v3.1', draft: false })
    const r = await t.run({ overwrite: 'true' }, { release })
    expect(r.code, r.stdout).toBe(0)
    const writes = t.gh.calls().filter((c) => !c.startsWith('GET'))
    expect(writes[0]).toBe(`POST /uploads/repos/octo/repo/releases/${release.id}/assets`)
    expect(writes[1]).toMatch(/^DELETE \/repos\/octo\/repo\/releases\/assets\/\d+$/)
    expect(writes[2]).toBe(`POST /uploads/repos/octo/repo/releases/${release.id}/assets`)
    const zip = t.gh.releases[0].assets.find((a) => a.name === '20171228_3.1.0.0.zip')!
    expect(zip.data.equals(fs.readFileSync(r.outputs['zip-path']))).toBe(true)
  })

  test('an immutable release: the 422 becomes advice to attach to a draft; flagged immutable, nothing is tried', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, { uploadImmutable: true })
    const release = t.gh.addRelease({ tag_name: 'v1.0.0', draft: false })
    const r = await t.run({}, { release })
    expect(r.code).toBe(1)
    const [error] = r.annotations.filter((a) => a.level === 'error')
    expect(error.message).toContain(
      'Cannot upload 20171228_1.0.0.0.zip to the release v1.0.0: HTTP 422: Cannot upload assets to an immutable release'
    )
    expect(error.message).toContain('Create the release as a draft')
    expect(r.outputs['zip-path']).not.toBe('') // the zip itself was made

    const flagged = t.gh.addRelease({ tag_name: 'v1.0.1', draft: false, immutable: true })
    const before = t.gh.requests.length
    const r2 = await t.run({}, { release: flagged })
    expect(r2.code).toBe(1)
    expect(r2.annotations.find((a) => a.level === 'error')?.message).toContain(
      'it is published and immutable'
    )
    // Only the lookup-free path: no upload and no delete was attempted.
    expect(t.gh.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([])
  })

  test('the upload answering 503 every time: 3 attempts, a clear error in bounded time, the zip kept', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, {
      fail5xx: { status: 503, times: 'always', match: /^POST \/uploads\// }
    })
    const release = t.gh.addRelease({ tag_name: 'v1.2.3', draft: false })
    const r = await t.run({}, { release })
    expect(r.signal).toBeNull()
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(20_000) // 1 s + 2 s of backoff
    const uploads = t.gh.calls().filter((c) => c.startsWith('POST'))
    expect(uploads).toEqual(
      Array(3).fill(`POST /uploads/repos/octo/repo/releases/${release.id}/assets`)
    )
    const errors = r.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toBe(
      'Could not upload 20171228_1.2.3.0.zip to the release v1.2.3: HTTP 503: Service Unavailable (after 3 attempts). ' +
        'The GitHub API failed or did not answer (not a problem with the workflow): re-run the job.'
    )
    expect(t.gh.releases[0].assets).toEqual([])
    expect(r.outputs['release-asset-url']).toBe('')
    expect(fs.existsSync(r.outputs['zip-path'])).toBe(true)
  })

  test('the releases API answering 502 once, then working: retried, the assets are attached', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished, {
      fail5xx: { status: 502, times: 1, match: /\/releases\//, retryAfter: '0' }
    })
    const release = t.gh.addRelease({ tag_name: 'v1.2.4', draft: false })
    const r = await t.run({}, { release })
    expect(r.code, r.stdout).toBe(0)
    // The asset listing failed once and was retried at once (Retry-After: 0).
    const listing = `GET /repos/octo/repo/releases/${release.id}/assets`
    expect(t.gh.calls().slice(0, 2)).toEqual([listing, listing])
    expect(r.stdout).toContain(
      `GitHub API: ${listing} failed (HTTP 502: Server Error); retrying in 0 s`
    )
    expect(t.gh.releases[0].assets.map((a) => a.name)).toEqual([
      '20171228_1.2.4.0.zip',
      '20171228_1.2.4.0.report.json'
    ])
  })

  test('a v* tag push: the release found by tag (a draft too), version from the tag; a bad tag names itself', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const draft = t.gh.addRelease({ tag_name: 'v1.2', draft: true })
    const r = await t.run({}, { tag: 'v1.2' })
    expect(r.code, r.stdout).toBe(0)
    expect(path.basename(r.outputs['zip-path'])).toBe('20171228_1.2.0.0.zip')
    expect(t.gh.calls()).toContain('GET /repos/octo/repo/releases/tags/v1.2') // 404: drafts are not found by tag
    expect(t.gh.calls()).toContain('GET /repos/octo/repo/releases')
    expect(t.gh.releases[0].assets.map((a) => a.name)).toContain('20171228_1.2.0.0.zip')
    expect(r.outputs['release-asset-url']).toContain(`/download/`)
    expect(draft.id).toBe(t.gh.releases[0].id)

    const explicit = await t.run({ version: '9.9.9.9', overwrite: 'true' }, { tag: 'v1.2' })
    expect(explicit.code, explicit.stdout).toBe(0)
    expect(path.basename(explicit.outputs['zip-path'])).toBe('20171228_9.9.9.9.zip')

    const bad = await t.run({}, { tag: 'v1.2.3-beta' })
    expect(bad.code).toBe(1)
    expect(bad.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input "version": the tag "v1\.2\.3-beta" is not a version tag/)
    ])
  })

  test('release-upload on a run that is not for a release: a notice, nothing attached, the step passes', async ({
    expect,
    onTestFinished
  }) => {
    const t = await setup(onTestFinished)
    const r = await t.run({}, { tag: 'nightly' })
    expect(r.code, r.stdout).toBe(0)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'No release upload',
        message: expect.stringContaining('neither for a release event nor for a push of a v* tag')
      })
    )
    expect(t.gh.requests).toEqual([])
  })
})
