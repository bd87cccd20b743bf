import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback stand-in for the Actions results service, speaking the protocol the real `@actions/artifact`
 * client speaks (Twirp JSON for the artifact service, Azure block-blob PUTs for the bytes), so tests run the
 * real client unmodified. Every answer, errors included, is JSON: the client parses all bodies and treats a
 * parse failure as retryable.
 */

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface StoredArtifact {
  id: number
  name: string
  mimeType?: string
  expiresAt?: string
  version?: number
  /** The finalized bytes, assembled from the blocks in block-list order. */
  bytes: Buffer
  sha256: string
  /** What FinalizeArtifact declared. */
  declaredSize?: string
  declaredHash?: string
  contentType?: string
  createdAt: string
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** The answer was held back (delayMs). */
  delayed?: boolean
}

export interface FakeOptions {
  /** Answer CreateArtifact with 409 when the name already exists in the run (what the service does). Default true. */
  conflictOnDuplicate?: boolean
  /** Answer the next N Twirp calls with 500. */
  failTimes?: number
  /** Answer every Twirp call with 500. */
  failAlways?: boolean
  /** Drop the connection (a TCP reset) on the next N Twirp calls instead of answering. */
  resetTimes?: number
  /** Never answer Twirp calls (the request is read, then left open until close): a service that hangs. */
  hangTwirp?: boolean
  /** Answer every Twirp call only after this many milliseconds: a slow service. */
  delayMs?: number
  /** Artifacts already in the run (e.g. from an earlier step or attempt). */
  existing?: Array<{ name: string; bytes?: Buffer }>
}

export interface FakeResultsService {
  /** For ACTIONS_RESULTS_URL. */
  url: string
  /** For ACTIONS_RUNTIME_TOKEN; requests without it get 401. */
  token: string
  runBackendId: string
  jobBackendId: string
  options: FakeOptions
  artifacts: StoredArtifact[]
  requests: RecordedRequest[]
  /** Twirp method names in call order. */
  calls(): string[]
  close(): Promise<void>
}

/** A JWT the client accepts: it only decodes the payload and reads `Actions.Results:<run>:<job>` from `scp`. */
export function fakeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}` })}.sig`
}

interface Pending {
  name: string
  mimeType?: string
  expiresAt?: string
  version?: number
  blocks: Map<string, Buffer>
  committed?: Buffer
  contentType?: string
}

export async function startFakeResultsService(
  options: FakeOptions = {}
): Promise<FakeResultsService> {
  const runBackendId = 'b1d8d7f0-0000-4000-8000-00000000run1'
  const jobBackendId = 'b1d8d7f0-0000-4000-8000-00000000job1'
  const token = fakeRuntimeToken(runBackendId, jobBackendId)
  const opts: FakeOptions = { conflictOnDuplicate: true, ...options }
  const artifacts: StoredArtifact[] = []
  const requests: RecordedRequest[] = []
  const pending = new Map<string, Pending>()
  let nextId = 1000
  let failuresLeft = opts.failTimes ?? 0
  let resetsLeft = opts.resetTimes ?? 0

  for (const e of opts.existing ?? []) {
    const bytes = e.bytes ?? Buffer.from('earlier upload')
    artifacts.push({
      id: nextId++,
      name: e.name,
      bytes,
      sha256: sha256(bytes),
      createdAt: new Date().toISOString()
    })
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const record: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks)
      }
      requests.push(record)
      try {
        if (url.pathname.startsWith(TWIRP))
          return twirp(url.pathname.slice(TWIRP.length), record, req, res)
        if (url.pathname.startsWith('/blob/')) return blob(url, record, res)
        json(res, 404, { code: 'not_found', msg: `no route for ${req.method} ${url.pathname}` })
      } catch (e) {
        json(res, 500, { code: 'internal', msg: (e as Error).message })
      }
    })
  })

  function twirp(
    method: string,
    r: RecordedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse
  ) {
    if (req.method !== 'POST') return json(res, 405, { code: 'bad_route', msg: 'POST only' })
    if (req.headers.authorization !== `Bearer ${token}`)
      return json(res, 401, { code: 'unauthenticated', msg: 'bad token' })
    if (opts.hangTwirp) return
    if (opts.delayMs && !r.delayed) {
      r.delayed = true
      const timer = setTimeout(() => twirp(method, r, req, res), opts.delayMs)
      res.on('close', () => clearTimeout(timer))
      return
    }
    if (resetsLeft > 0) {
      resetsLeft--
      // resetAndDestroy sends an RST, which the client sees as ECONNRESET.
      return req.socket.resetAndDestroy()
    }
    if (opts.failAlways || failuresLeft > 0) {
      failuresLeft = Math.max(0, failuresLeft - 1)
      return json(res, 500, {
        code: 'internal',
        msg: 'the fake results service is failing on purpose'
      })
    }
    const body = JSON.parse(r.body.toString('utf8') || '{}') as Record<string, unknown>
    if (
      body.workflow_run_backend_id !== runBackendId ||
      body.workflow_job_run_backend_id !== jobBackendId
    ) {
      if (method !== 'DeleteArtifact')
        return json(res, 400, {
          code: 'invalid_argument',
          msg: 'backend IDs do not match the token'
        })
    }
    const name = String(body.name ?? '')
    switch (method) {
      case 'CreateArtifact': {
        if (opts.conflictOnDuplicate && artifacts.some((a) => a.name === name)) {
          return json(res, 409, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run'
          })
        }
        const key = `${runBackendId}/${encodeURIComponent(name)}`
        pending.set(key, {
          name,
          mimeType: body.mime_type as string | undefined,
          expiresAt: body.expires_at as string | undefined,
          version: body.version as number | undefined,
          blocks: new Map()
        })
        const { port } = server.address() as AddressInfo
        return json(res, 200, {
          ok: true,
          signed_upload_url: `http://127.0.0.1:${port}/blob/${key}?sv=2025-01-05&sr=b&sig=FAKESIG`
        })
      }
      case 'FinalizeArtifact': {
        const key = `${runBackendId}/${encodeURIComponent(name)}`
        const p = pending.get(key)
        if (!p?.committed)
          return json(res, 404, { code: 'not_found', msg: `no committed upload for ${name}` })
        pending.delete(key)
        const id = nextId++
        artifacts.push({
          id,
          name,
          mimeType: p.mimeType,
          expiresAt: p.expiresAt,
          version: p.version,
          bytes: p.committed,
          sha256: sha256(p.committed),
          declaredSize: body.size as string | undefined,
          declaredHash: body.hash as string | undefined,
          contentType: p.contentType,
          createdAt: new Date().toISOString()
        })
        return json(res, 200, { ok: true, artifact_id: String(id) })
      }
      case 'ListArtifacts': {
        const filter = body.name_filter as string | undefined
        const list = artifacts
          .filter((a) => filter === undefined || a.name === filter)
          .map((a) => ({
            workflow_run_backend_id: runBackendId,
            workflow_job_run_backend_id: jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.bytes.length),
            created_at: a.createdAt,
            digest: `sha256:${a.sha256}`
          }))
        return json(res, 200, { artifacts: list })
      }
      case 'DeleteArtifact': {
        const i = artifacts.findIndex((a) => a.name === name)
        if (i === -1) return json(res, 404, { code: 'not_found', msg: `no artifact ${name}` })
        const [gone] = artifacts.splice(i, 1)
        return json(res, 200, { ok: true, artifact_id: String(gone.id) })
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` })
    }
  }

  /** Azure Put Block (`comp=block`) and Put Block List (`comp=blocklist`); both answer 201 as Azure does. */
  function blob(url: URL, r: RecordedRequest, res: http.ServerResponse) {
    if (url.searchParams.get('sig') !== 'FAKESIG')
      return json(res, 403, { code: 'AuthenticationFailed', msg: 'bad signature' })
    const key = url.pathname.slice('/blob/'.length)
    const p = pending.get(key)
    if (!p) return json(res, 404, { code: 'BlobNotFound', msg: `no pending upload at ${key}` })
    const comp = url.searchParams.get('comp')
    const common = {
      'x-ms-request-id': `req-${r.query.blockid ?? 'list'}`,
      'x-ms-version': '2025-01-05',
      date: new Date().toUTCString()
    }
    if (comp === 'block') {
      p.blocks.set(url.searchParams.get('blockid') ?? '', r.body)
      res.writeHead(201, {
        ...common,
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0'
      })
      return res.end()
    }
    if (comp === 'blocklist') {
      const ids = [
        ...r.body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)
      ].map((m) => m[1])
      const missing = ids.filter((id) => !p.blocks.has(id))
      if (missing.length)
        return json(res, 400, {
          code: 'InvalidBlockList',
          msg: `unknown blocks ${missing.join(',')}`
        })
      p.committed = Buffer.concat(ids.map((id) => p.blocks.get(id)!))
      p.contentType = r.headers['x-ms-blob-content-type'] as string | undefined
      res.writeHead(201, {
        ...common,
        etag: `"0x${sha256(p.committed).slice(0, 16)}"`,
        'last-modified': new Date().toUTCString(),
        'content-length': '0'
      })
      return res.end()
    }
    if (comp === null && r.method === 'PUT') {
      p.committed = r.body
      p.contentType = r.headers['x-ms-blob-content-type'] as string | undefined
      res.writeHead(201, { ...common, etag: '"0x1"', 'content-length': '0' })
      return res.end()
    }
    return json(res, 400, { code: 'UnsupportedQueryParameter', msg: `comp=${comp}` })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    runBackendId,
    jobBackendId,
    options: opts,
    artifacts,
    requests,
    calls: () =>
      requests.filter((r) => r.path.startsWith(TWIRP)).map((r) => r.path.slice(TWIRP.length)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function json(res: http.ServerResponse, status: number, body: object) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}
