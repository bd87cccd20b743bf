import fs from 'node:fs'

/**
 * What the run is about, read from the runner's environment and the event payload (the same sources as
 * `@actions/github`'s `context`, without loading Octokit at start).
 */
export interface RunContext {
  eventName: string
  repo?: { owner: string; repo: string }
  /** The REST API base URL; set by the runner, absent outside one. */
  apiUrl?: string
  serverUrl: string
  runId?: string
  /** The commit to report on: the pull request's head (not the merge commit), else GITHUB_SHA. */
  headSha?: string
  pullRequest?: {
    number: number
    /** The head branch lives in another repository: the token is read-only whatever `permissions:` says. */
    fork: boolean
  }
  /** The release of a `release` event. */
  release?: ReleasePayload
  /** The tag pushed (`v1.2.3` for `refs/tags/v1.2.3`), on a tag push. */
  tag?: string
}

export interface ReleasePayload {
  id: number
  tag_name: string
  upload_url: string
  html_url?: string
  draft?: boolean
  /** Set by GitHub when release immutability is on and the release is published. */
  immutable?: boolean
  assets?: Array<{ id: number; name: string; browser_download_url?: string }>
}

interface EventPayload {
  pull_request?: {
    number?: number
    head?: { sha?: string; repo?: { full_name?: string } | null }
  }
  release?: ReleasePayload
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  let payload: EventPayload = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload
    } catch {
      payload = {}
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const repository = owner && repo ? { owner, repo } : undefined
  const pr = payload.pull_request
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const headRepo = pr?.head?.repo?.full_name
  const ref = env.GITHUB_REF ?? ''
  return {
    eventName,
    repo: repository,
    apiUrl: env.GITHUB_API_URL || undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID || undefined,
    headSha: pr?.head?.sha || env.GITHUB_SHA || undefined,
    pullRequest:
      pr && typeof pr.number === 'number'
        ? {
            number: pr.number,
            // A deleted fork has `repo: null`: still not this repository.
            fork:
              pr.head?.repo === null ||
              (headRepo !== undefined &&
                headRepo.toLowerCase() !== env.GITHUB_REPOSITORY?.toLowerCase())
          }
        : undefined,
    release: eventName === 'release' && payload.release ? payload.release : undefined,
    tag: ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined
  }
}

/** The link to this workflow run, for comments. */
export function runUrl(ctx: RunContext): string | undefined {
  if (!ctx.repo || !ctx.runId) return undefined
  return `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${ctx.runId}`
}

/**
 * The MDS version for a release tag: `v1.2.3` → `1.2.3.0`, `v1.2.3.4` → `1.2.3.4`, `v1.2` → `1.2.0.0` (MDS
 * versions have four numeric parts; missing parts are 0). The `v` is required, as the `v*` tag filter implies;
 * anything else (a suffix such as `-beta`, five parts, no `v`) is refused with the tag named.
 */
export function versionFromTag(tag: string): string {
  const m = /^v(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag)
  if (!m) {
    throw new Error(
      `the tag "${tag}" is not a version tag: expected v<major>.<minor>[.<patch>[.<build>]] such as v1.2.3 ` +
        '(→ 1.2.3.0); set the version input to package it under another tag'
    )
  }
  return [m[1], m[2], m[3] ?? '0', m[4] ?? '0'].map((p) => String(Number(p))).join('.')
}

/** The tag this run is for, when it is for a release: a `release` event, or a push of a `v*` tag. */
export function releaseTag(ctx: RunContext): string | undefined {
  if (ctx.release) return ctx.release.tag_name
  if (ctx.eventName === 'push' && ctx.tag?.startsWith('v')) return ctx.tag
  return undefined
}
