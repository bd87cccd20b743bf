import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/** How API requests are retried and bounded; the defaults are what the Action uses. */
export interface RequestPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** The wait before each retry (the last one repeats); a `Retry-After` answer replaces it. */
  backoffMs: readonly number[]
  /** The longest `Retry-After` honoured. */
  maxRetryAfterMs: number
  /** Each attempt's limit, from sending the request to the end of the answer. */
  timeoutMs: number
  /** A request with a body (a release asset) gets 1 s more per this many bytes, so a big zip on a slow link fits. */
  bytesPerExtraSecond: number
}

export const REQUEST_POLICY: RequestPolicy = {
  attempts: 3,
  backoffMs: [1_000, 2_000],
  maxRetryAfterMs: 5_000,
  timeoutMs: 60_000,
  bytesPerExtraSecond: 100_000
}

/** A release asset download's limit, the same as a `compare-to` URL's. */
export const DOWNLOAD_TIMEOUT_MS = 300_000

/**
 * Octokit from `@actions/github`, loaded on first use only (it brings undici and the REST endpoint tables), against
 * `GITHUB_API_URL` (github.com, GHES, or a test server), with every request bounded by `policy` (see
 * {@link boundRequests}).
 */
export async function githubClient(
  token: string,
  apiUrl: string,
  policy: RequestPolicy = REQUEST_POLICY
): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github')
  // Only baseUrl: `request` would replace (not merge with) the proxy-aware fetch that @actions/github sets.
  const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') })
  boundRequests(octokit, policy)
  return octokit
}

/** Thrown when an attempt got no complete answer within the policy's timeout; never retried. */
export class ApiTimeoutError extends Error {
  override name = 'ApiTimeoutError'
}

/**
 * A request hook: each attempt gets a timeout, longer for a request with a big body and for a download (an
 * `AbortSignal` on `options.request.signal`, so the proxy-aware fetch stays), and 5xx answers and network errors are retried `attempts - 1` times with backoff (`Retry-After`
 * honoured up to `maxRetryAfterMs`). A 4xx is never retried, nor a timeout (a server that does not answer in a
 * minute rarely does on the next try, and the job should not wait minutes more). The error given up on carries
 * `attempts`, which {@link apiMessage} reports.
 */
export function boundRequests(octokit: Octokit, policy: RequestPolicy): void {
  octokit.hook.wrap('request', async (request, options) => {
    const parsed = octokit.request.endpoint.parse(options)
    const what = describe(parsed)
    const body = parsed.body as unknown
    const bytes = Buffer.isBuffer(body) || typeof body === 'string' ? Buffer.byteLength(body) : 0
    // A download of a release asset (compare-to: latest-release) may take as long as a compare-to URL's.
    const download = parsed.headers.accept === 'application/octet-stream'
    const limitMs =
      Math.max(policy.timeoutMs, download ? DOWNLOAD_TIMEOUT_MS : 0) +
      Math.ceil(bytes / policy.bytesPerExtraSecond) * 1000
    const own = options.request?.signal as AbortSignal | undefined
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(limitMs)
      // Set on `options` itself, not a copy: the hooks inside this one (the token's) were bound to this object.
      options.request = {
        ...options.request,
        signal: own ? AbortSignal.any([own, timeout]) : timeout
      }
      try {
        return await request(options)
      } catch (e) {
        if (timeout.aborted && !own?.aborted) {
          throw new ApiTimeoutError(
            `no answer from the GitHub API within ${limitMs / 1000} s (${what})`,
            { cause: e }
          )
        }
        const retry = retryable(e)
        if (!retry || attempt >= policy.attempts) {
          if (attempt > 1 && e && typeof e === 'object')
            (e as { attempts?: number }).attempts = attempt
          throw e
        }
        const after = retryAfterMs(e, policy.maxRetryAfterMs)
        const wait =
          after ?? policy.backoffMs[Math.min(attempt - 1, policy.backoffMs.length - 1)] ?? 0
        core.info(
          `GitHub API: ${what} failed (${apiMessage(e)}); retrying in ${wait / 1000} s ` +
            `(attempt ${attempt + 1} of ${policy.attempts})`
        )
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  })
}

/** `POST /repos/octo/repo/check-runs`: the method and path the request went to (no host, no query). */
function describe({ method, url }: { method: string; url: string }): string {
  try {
    return `${method} ${new URL(url).pathname}`
  } catch {
    return `${method} ${url}`
  }
}

/** 5xx answers and network errors (which Octokit reports as a 500 without a response); never a 4xx. */
function retryable(e: unknown): boolean {
  const status = statusOf(e)
  if (status === undefined || status < 500) return false
  if ((e as { name?: string }).name === 'AbortError') return false
  return true
}

/** `Retry-After` in seconds or as an HTTP date, capped; undefined when absent or unreadable. */
function retryAfterMs(e: unknown, max: number): number | undefined {
  const header = (e as { response?: { headers?: Record<string, string | undefined> } } | null)
    ?.response?.headers?.['retry-after']
  if (!header) return undefined
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header) * 1000
    : Date.parse(header) - Date.now()
  if (!Number.isFinite(seconds)) return undefined
  return Math.min(Math.max(0, seconds), max)
}

/** Whether the error came with an HTTP answer (a network error is a status-500 RequestError without one). */
function answered(e: unknown): boolean {
  return Boolean((e as { response?: unknown } | null)?.response)
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * The API's own message (`HTTP 403: Resource not accessible by integration`), else the error's; a network error is
 * not shown as an HTTP status (Octokit gives it 500), and retries are counted.
 */
export function apiMessage(e: unknown): string {
  const data = (e as { response?: { data?: unknown } } | null)?.response?.data
  const fromApi =
    data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : undefined
  const status = answered(e) ? statusOf(e) : undefined
  const message = fromApi ?? (e as Error | null)?.message ?? String(e)
  const attempts = (e as { attempts?: unknown } | null)?.attempts
  const tries = typeof attempts === 'number' && attempts > 1 ? ` (after ${attempts} attempts)` : ''
  return `${status ? `HTTP ${status}: ${message}` : message}${tries}`
}

/**
 * For a failure that is GitHub's, not the workflow's (a 5xx after the retries, a network error, a timeout): advice
 * to re-run, to put after the message; empty otherwise.
 */
export function serverFault(e: unknown): string {
  const status = statusOf(e)
  return status === undefined || status >= 500
    ? ' The GitHub API failed or did not answer (not a problem with the workflow): re-run the job.'
    : ''
}

/** Whether the API said the name is taken (`errors: [{ code: 'already_exists' }]`). */
export function isAlreadyExists(e: unknown): boolean {
  const data = (e as { response?: { data?: { errors?: Array<{ code?: string }> } } } | null)
    ?.response?.data
  return statusOf(e) === 422 && Boolean(data?.errors?.some((x) => x.code === 'already_exists'))
}
