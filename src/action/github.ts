import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/**
 * Octokit from `@actions/github`, loaded on first use only (it brings undici and the REST endpoint tables), against
 * `GITHUB_API_URL` (github.com, GHES, or a test server).
 */
export async function githubClient(token: string, apiUrl: string): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github')
  // Only baseUrl: `request` would replace (not merge with) the proxy-aware fetch that @actions/github sets.
  return getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') })
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** The API's own message (`Resource not accessible by integration`), else the error's. */
export function apiMessage(e: unknown): string {
  const data = (e as { response?: { data?: unknown } } | null)?.response?.data
  const fromApi =
    data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : undefined
  const status = statusOf(e)
  const message = fromApi ?? (e as Error | null)?.message ?? String(e)
  return status ? `HTTP ${status}: ${message}` : message
}

/** Whether the API said the name is taken (`errors: [{ code: 'already_exists' }]`). */
export function isAlreadyExists(e: unknown): boolean {
  const data = (e as { response?: { data?: { errors?: Array<{ code?: string }> } } } | null)
    ?.response?.data
  return statusOf(e) === 422 && Boolean(data?.errors?.some((x) => x.code === 'already_exists'))
}
