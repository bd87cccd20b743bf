import { describe, expect, test } from 'vitest'
import {
  apiMessage,
  ApiTimeoutError,
  githubClient,
  statusOf,
  type RequestPolicy
} from '../src/action/github.js'
import { startFakeGitHub, type FakeGitHubOptions } from './helpers/fake-github-api.js'

/*
 * The request hook of the Action's API client (retries and timeouts), run in-process: the real Octokit from
 * @actions/github against the loopback GitHub API, with a short policy so the waits stay small. The end-to-end
 * suites run the same hook with the Action's own policy (3 attempts, 1 s and 2 s, 60 s per attempt).
 */

const FAST: RequestPolicy = {
  attempts: 3,
  backoffMs: [50, 100],
  maxRetryAfterMs: 300,
  timeoutMs: 500,
  bytesPerExtraSecond: 100_000
}
const REPO = { owner: 'octo', repo: 'repo' }

async function client(
  onFinished: (fn: () => Promise<void>) => void,
  options: FakeGitHubOptions,
  policy: RequestPolicy = FAST
) {
  const gh = await startFakeGitHub(options)
  onFinished(() => gh.close())
  gh.addRelease({ tag_name: 'v1', draft: false })
  return { gh, octokit: await githubClient('ghs_test', gh.url, policy) }
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the request to fail')
}

describe('the API client: retries and timeouts', () => {
  test('5xx answers are retried with backoff until one succeeds', async ({ onTestFinished }) => {
    const { gh, octokit } = await client(onTestFinished, { fail5xx: { status: 502, times: 2 } })
    const started = performance.now()
    const res = await octokit.rest.repos.listReleases(REPO)
    expect(res.status).toBe(200)
    expect(gh.calls()).toEqual(Array(3).fill('GET /repos/octo/repo/releases'))
    expect(performance.now() - started).toBeGreaterThanOrEqual(140) // 50 + 100 ms of backoff
  })

  test('a 5xx every time: the last answer after the attempts, counted in the message', async ({
    onTestFinished
  }) => {
    const { gh, octokit } = await client(onTestFinished, {
      fail5xx: { status: 503, times: 'always' }
    })
    const e = await failure(octokit.rest.repos.listReleases(REPO))
    expect(statusOf(e)).toBe(503)
    expect(apiMessage(e)).toBe('HTTP 503: Service Unavailable (after 3 attempts)')
    expect(gh.requests).toHaveLength(3)
  })

  test('a 4xx is never retried', async ({ onTestFinished }) => {
    const { gh, octokit } = await client(onTestFinished, { checksStatus: 403 })
    const e = await failure(
      octokit.rest.checks.create({ ...REPO, name: 'x', head_sha: 'c'.repeat(40) })
    )
    expect(apiMessage(e)).toBe('HTTP 403: Resource not accessible by integration')
    expect(gh.requests).toHaveLength(1)
  })

  test('Retry-After is honoured up to the cap', async ({ onTestFinished }) => {
    const { gh, octokit } = await client(onTestFinished, {
      fail5xx: { status: 503, times: 1, retryAfter: '120' }
    })
    const started = performance.now()
    await octokit.rest.repos.listReleases(REPO)
    const waited = performance.now() - started
    expect(gh.requests).toHaveLength(2)
    expect(waited).toBeGreaterThanOrEqual(290) // the 300 ms cap, not 120 s and not the 50 ms backoff
    expect(waited).toBeLessThan(5_000)
  })

  test('a connection reset is retried; the network error is not shown as an HTTP status', async ({
    onTestFinished
  }) => {
    const once = await client(onTestFinished, { reset: { times: 1 } })
    expect((await once.octokit.rest.repos.listReleases(REPO)).status).toBe(200)
    expect(once.gh.requests).toHaveLength(2)

    const always = await client(onTestFinished, { reset: { times: 99 } })
    const e = await failure(always.octokit.rest.repos.listReleases(REPO))
    expect(always.gh.requests).toHaveLength(3)
    expect(apiMessage(e)).not.toMatch(/HTTP 500/)
    expect(apiMessage(e)).toMatch(/ECONNRESET|other side closed|socket/i)
    expect(apiMessage(e)).toMatch(/\(after 3 attempts\)$/)
  })

  test('an API that never answers: each request ends at the timeout with a clear error, not retried', async ({
    onTestFinished
  }) => {
    const { gh, octokit } = await client(onTestFinished, { hang: /check-runs/ })
    const started = performance.now()
    const e = await failure(
      octokit.rest.checks.create({ ...REPO, name: 'x', head_sha: 'c'.repeat(40) })
    )
    const took = performance.now() - started
    expect(e).toBeInstanceOf(ApiTimeoutError)
    expect(statusOf(e)).toBeUndefined()
    expect(apiMessage(e)).toBe(
      'no answer from the GitHub API within 0.5 s (POST /repos/octo/repo/check-runs)'
    )
    expect(took).toBeGreaterThanOrEqual(450)
    expect(took).toBeLessThan(3_000)
    expect(gh.requests).toHaveLength(1)
    // Other requests of the same client are unaffected.
    expect((await octokit.rest.repos.listReleases(REPO)).status).toBe(200)
  })

  test('a request with a body gets a second more per bytesPerExtraSecond bytes', async ({
    onTestFinished
  }) => {
    const { gh, octokit } = await client(onTestFinished, { hang: /^POST \/uploads\// })
    const release = gh.releaseJson(gh.releases[0]) as { id: number; upload_url: string }
    const data = Buffer.alloc(150_000) // 2 extra seconds at 100,000 bytes a second
    const started = performance.now()
    const e = await failure(
      octokit.rest.repos.uploadReleaseAsset({
        ...REPO,
        release_id: release.id,
        name: 'big.zip',
        url: release.upload_url,
        data: data as unknown as string,
        headers: { 'content-type': 'application/zip', 'content-length': data.length }
      })
    )
    const took = performance.now() - started
    expect(apiMessage(e)).toBe(
      `no answer from the GitHub API within 2.5 s (POST /uploads/repos/octo/repo/releases/${release.id}/assets)`
    )
    expect(took).toBeGreaterThanOrEqual(2_400)
    expect(took).toBeLessThan(6_000)
  })
})
