import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback stand-in for the parts of the GitHub REST API the Action calls, answered the way GitHub answers them
 * (status codes, bodies, pagination `Link` headers, the release `upload_url` URI template), so the real Octokit from
 * `@actions/github` runs unmodified against it with `GITHUB_API_URL` pointing here. Only our own fake: no GitHub
 * code is imitated beyond the documented wire format.
 */

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion?: string
  output: { title?: string; summary?: string }
  annotations: Array<Record<string, unknown>>
  /** Annotations per request, in order (create, then each update). */
  batches: number[]
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
}

export interface FakeAsset {
  id: number
  name: string
  content_type: string
  data: Buffer
}

export interface FakeRelease {
  id: number
  tag_name: string
  draft: boolean
  prerelease?: boolean
  /** Release immutability: assets cannot be added or deleted once published. */
  immutable?: boolean
  assets: FakeAsset[]
}

export interface GitHubRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export interface FakeGitHubOptions {
  /** Answer check-run calls with this status (403: a read-only token, as on fork PRs). */
  checksStatus?: number
  /** Answer comment writes with this status. */
  commentsStatus?: number
  /** Answer the release-asset upload with 422 "Cannot upload assets to an immutable release", whatever the release says. */
  uploadImmutable?: boolean
  /** The first upload of each of these names meets an asset uploaded meanwhile by "another job" (a 422 already_exists). */
  raceOnUpload?: string[]
  /**
   * Answer with a server error (502, 503…) instead of the real answer: the first `times` matching requests, or all
   * of them. `match` is tested against "METHOD /path" (e.g. /check-runs/, /releases/); every request without it.
   */
  fail5xx?: { status: number; times: number | 'always'; match?: RegExp; retryAfter?: string }
  /** Drop the connection (a TCP reset) on the first `times` requests matching `match` (every request without it). */
  reset?: { times: number; match?: RegExp }
  /** Never answer the requests whose "METHOD /path" matches (left open until close): an API that hangs. */
  hang?: RegExp
  /**
   * The token is a personal one of this user: comments are written as them, and `GET /user` names them. Without it
   * the token is GITHUB_TOKEN: comments are by github-actions[bot], and `GET /user` is a 403, as GitHub answers an
   * installation token.
   */
  tokenUser?: string
}

export interface FakeGitHub {
  /** For GITHUB_API_URL. */
  url: string
  options: FakeGitHubOptions
  requests: GitHubRequest[]
  checkRuns: FakeCheckRun[]
  comments: Map<number, FakeComment[]>
  releases: FakeRelease[]
  /** Adds a release; `latest` marks it as the repository's latest. */
  addRelease(
    r: Omit<FakeRelease, 'id' | 'assets'> & { assets?: Array<Omit<FakeAsset, 'id'>> }
  ): FakeRelease
  /** The JSON GitHub sends for a release (as in a `release` event payload). */
  releaseJson(r: FakeRelease): Record<string, unknown>
  /** "METHOD /path" of every request, in order. */
  calls(): string[]
  close(): Promise<void>
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: GitHubRequest[] = []
  const checkRuns: FakeCheckRun[] = []
  const comments = new Map<number, FakeComment[]>()
  const releases: FakeRelease[] = []
  const raced = new Set<string>()
  let resetsLeft = options.reset?.times ?? 0
  let failuresLeft = options.fail5xx?.times === 'always' ? Infinity : (options.fail5xx?.times ?? 0)
  let nextId = 1000
  let url = ''
  const OWNER_REPO = '([^/]+)/([^/]+)'

  const assetJson = (a: FakeAsset) => ({
    id: a.id,
    name: a.name,
    content_type: a.content_type,
    size: a.data.length,
    state: 'uploaded',
    url: `${url}/repos/octo/repo/releases/assets/${a.id}`,
    browser_download_url: `${url}/download/${a.id}/${encodeURIComponent(a.name)}`
  })
  const releaseJson = (r: FakeRelease) => ({
    id: r.id,
    tag_name: r.tag_name,
    draft: r.draft,
    prerelease: r.prerelease ?? false,
    immutable: r.immutable ?? false,
    html_url: `https://github.com/octo/repo/releases/tag/${r.tag_name}`,
    upload_url: `${url}/uploads/repos/octo/repo/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson)
  })
  const published = () => releases.filter((r) => !r.draft && !r.prerelease)

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://localhost')
      // GHES serves the API under /api/v3; so does this fake, as well as at the root (github.com's layout).
      if (u.pathname.startsWith('/api/v3/')) u.pathname = u.pathname.slice('/api/v3'.length)
      const entry: GitHubRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks)
      }
      requests.push(entry)
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        if (body === undefined) {
          res.writeHead(status, headers).end()
          return
        }
        const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))
        res
          .writeHead(status, {
            'content-type': Buffer.isBuffer(body)
              ? 'application/octet-stream'
              : 'application/json; charset=utf-8',
            'content-length': String(data.length),
            ...headers
          })
          .end(data)
      }
      const notFound = () =>
        send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
      const line = `${entry.method} ${entry.path}`
      if (options.hang?.test(line)) return
      if (resetsLeft > 0 && (!options.reset?.match || options.reset.match.test(line))) {
        resetsLeft--
        return req.socket.resetAndDestroy()
      }
      const f = options.fail5xx
      if (f && failuresLeft > 0 && (!f.match || f.match.test(line))) {
        failuresLeft--
        const message = f.status === 502 ? 'Server Error' : 'Service Unavailable'
        return send(
          f.status,
          { message },
          f.retryAfter === undefined ? {} : { 'retry-after': f.retryAfter }
        )
      }
      if (
        !/^token \S+$/.test(String(req.headers.authorization ?? '')) &&
        !u.pathname.startsWith('/download/')
      )
        return send(401, { message: 'Requires authentication' })
      const json = () => JSON.parse(entry.body.toString('utf8') || '{}') as Record<string, unknown>
      const m = (re: string) => new RegExp(`^${re}$`).exec(u.pathname)
      let g: RegExpExecArray | null

      // A browser download URL (public, no token needed)
      if ((g = m('/download/(\\d+)/[^/]+')) && req.method === 'GET') {
        const asset = releases.flatMap((r) => r.assets).find((a) => a.id === Number(g![1]))
        return asset ? send(200, asset.data) : notFound()
      }

      // Check runs
      if ((g = m(`/repos/${OWNER_REPO}/check-runs`)) && req.method === 'POST') {
        if (options.checksStatus)
          return send(options.checksStatus, { message: 'Resource not accessible by integration' })
        const b = json()
        const output = (b.output ?? {}) as { title?: string; summary?: string; annotations?: [] }
        const run: FakeCheckRun = {
          id: nextId++,
          name: String(b.name),
          head_sha: String(b.head_sha),
          status: String(b.status ?? 'queued'),
          conclusion: b.conclusion as string | undefined,
          output: { title: output.title, summary: output.summary },
          annotations: [...(output.annotations ?? [])],
          batches: [output.annotations?.length ?? 0]
        }
        if (run.annotations.length > 50)
          return send(422, { message: 'Only 50 annotations are allowed per request' })
        checkRuns.push(run)
        return send(201, { id: run.id, html_url: `https://github.com/octo/repo/runs/${run.id}` })
      }
      if ((g = m(`/repos/${OWNER_REPO}/check-runs/(\\d+)`)) && req.method === 'PATCH') {
        if (options.checksStatus)
          return send(options.checksStatus, { message: 'Resource not accessible by integration' })
        const run = checkRuns.find((r) => r.id === Number(g![3]))
        if (!run) return notFound()
        const b = json()
        const output = (b.output ?? {}) as { title?: string; summary?: string; annotations?: [] }
        if ((output.annotations?.length ?? 0) > 50)
          return send(422, { message: 'Only 50 annotations are allowed per request' })
        if (b.status) run.status = String(b.status)
        if (b.conclusion) run.conclusion = String(b.conclusion)
        if (output.summary !== undefined)
          run.output = { title: output.title, summary: output.summary }
        run.annotations.push(...(output.annotations ?? []))
        run.batches.push(output.annotations?.length ?? 0)
        return send(200, { id: run.id, html_url: `https://github.com/octo/repo/runs/${run.id}` })
      }

      // The token's own user
      if (m('/user') && req.method === 'GET') {
        if (!options.tokenUser)
          return send(403, {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403'
          })
        return send(200, { login: options.tokenUser, id: 4242, type: 'User' })
      }

      // Issue comments
      if ((g = m(`/repos/${OWNER_REPO}/issues/(\\d+)/comments`))) {
        const list = comments.get(Number(g[3])) ?? []
        comments.set(Number(g[3]), list)
        if (req.method === 'GET') {
          const perPage = Number(entry.query.per_page ?? 30)
          const page = Number(entry.query.page ?? 1)
          const last = Math.max(1, Math.ceil(list.length / perPage))
          const link =
            page < last
              ? {
                  link: `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${url}${u.pathname}?per_page=${perPage}&page=${last}>; rel="last"`
                }
              : undefined
          return send(200, list.slice((page - 1) * perPage, page * perPage).map(commentJson), link)
        }
        if (req.method === 'POST') {
          if (options.commentsStatus)
            return send(options.commentsStatus, {
              message: 'Resource not accessible by integration'
            })
          const c: FakeComment = {
            id: nextId++,
            body: String(json().body),
            user: options.tokenUser
              ? { login: options.tokenUser, type: 'User' }
              : { login: 'github-actions[bot]', type: 'Bot' }
          }
          list.push(c)
          return send(201, commentJson(c))
        }
      }
      if ((g = m(`/repos/${OWNER_REPO}/issues/comments/(\\d+)`)) && req.method === 'PATCH') {
        if (options.commentsStatus)
          return send(options.commentsStatus, { message: 'Resource not accessible by integration' })
        const c = [...comments.values()].flat().find((x) => x.id === Number(g![3]))
        if (!c) return notFound()
        c.body = String(json().body)
        return send(200, commentJson(c))
      }

      // Releases
      if ((g = m(`/repos/${OWNER_REPO}/releases/latest`)) && req.method === 'GET') {
        const latest = published().at(-1)
        return latest ? send(200, releaseJson(latest)) : notFound()
      }
      if ((g = m(`/repos/${OWNER_REPO}/releases/tags/(.+)`)) && req.method === 'GET') {
        const r = releases.find((x) => !x.draft && x.tag_name === decodeURIComponent(g![3]))
        return r ? send(200, releaseJson(r)) : notFound()
      }
      if ((g = m(`/repos/${OWNER_REPO}/releases`)) && req.method === 'GET')
        return send(200, [...releases].reverse().map(releaseJson))
      if ((g = m(`/repos/${OWNER_REPO}/releases/(\\d+)/assets`)) && req.method === 'GET') {
        const r = releases.find((x) => x.id === Number(g![3]))
        return r ? send(200, r.assets.map(assetJson)) : notFound()
      }
      if ((g = m(`/repos/${OWNER_REPO}/releases/assets/(\\d+)`))) {
        const id = Number(g[3])
        const r = releases.find((x) => x.assets.some((a) => a.id === id))
        if (!r) return notFound()
        const asset = r.assets.find((a) => a.id === id)!
        if (req.method === 'GET') {
          if (req.headers.accept === 'application/octet-stream') return send(200, asset.data)
          return send(200, assetJson(asset))
        }
        if (req.method === 'DELETE') {
          if (r.immutable && !r.draft)
            return send(422, { message: 'Cannot delete assets of an immutable release' })
          r.assets = r.assets.filter((a) => a.id !== id)
          return send(204)
        }
      }
      if ((g = m(`/uploads/repos/${OWNER_REPO}/releases/(\\d+)/assets`)) && req.method === 'POST') {
        const r = releases.find((x) => x.id === Number(g![3]))
        if (!r) return notFound()
        const name = entry.query.name
        if (!name)
          return send(422, {
            message: 'Validation Failed',
            errors: [{ field: 'name', code: 'missing' }]
          })
        if (options.uploadImmutable || (r.immutable && !r.draft))
          return send(422, {
            message: 'Cannot upload assets to an immutable release',
            documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset'
          })
        if (options.raceOnUpload?.includes(name) && !raced.has(name)) {
          raced.add(name)
          r.assets.push({
            id: nextId++,
            name,
            content_type: 'application/zip',
            data: Buffer.from('other job')
          })
        }
        if (r.assets.some((a) => a.name === name))
          return send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]
          })
        const asset: FakeAsset = {
          id: nextId++,
          name,
          content_type: String(req.headers['content-type']),
          data: entry.body
        }
        r.assets.push(asset)
        return send(201, assetJson(asset))
      }
      return notFound()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    options,
    requests,
    checkRuns,
    comments,
    releases,
    addRelease(r) {
      const release: FakeRelease = {
        ...r,
        id: nextId++,
        assets: (r.assets ?? []).map((a) => ({ ...a, id: nextId++ }))
      }
      releases.push(release)
      return release
    },
    releaseJson,
    calls: () => requests.map((r) => `${r.method} ${r.path}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function commentJson(c: FakeComment) {
  return {
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.com/octo/repo/pull/7#issuecomment-${c.id}`
  }
}
