import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { formatBytes } from '../core/bytes.js'
import { separatorHint } from '../core/output-path.js'
import type { RunContext } from './context.js'
import { apiMessage, DOWNLOAD_TIMEOUT_MS, statusOf, type Octokit } from './github.js'

/** What `compare-to` names: a zip in the workspace, a URL to a zip, or the zip asset of the latest release. */
export type CompareTo =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: URL }
  | { kind: 'latest-release' }

export function parseCompareTo(value: string, workspace: string): CompareTo {
  if (value === 'latest-release') return { kind: 'latest-release' }
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: new URL(value) }
  return { kind: 'path', path: path.resolve(workspace, value) }
}

export type Baseline =
  | {
      status: 'found'
      path: string
      label: string
      /** The folder it was downloaded to, to delete once it is read; none for a zip of the workspace. */
      tempDir?: string
    }
  | { status: 'skipped'; reason: string }

export interface BaselineOptions {
  ctx: RunContext
  tempDir: string
  token?: string
  /** Created on demand: only `latest-release` needs the API client. */
  octokit?: () => Promise<Octokit | undefined>
  /** The largest baseline zip fetched (`limits.bytes`): a URL could otherwise fill the runner's disk. */
  maxBytes: number
}

/**
 * Gets the zip to compare with onto the disk. Nothing here fails the step: a baseline that cannot be had is a
 * reason the diff is missing, reported as a notice by the caller.
 */
export async function fetchBaseline(spec: CompareTo, opts: BaselineOptions): Promise<Baseline> {
  try {
    switch (spec.kind) {
      case 'path': {
        const stat = await fsp.stat(spec.path).catch(() => undefined)
        if (!stat?.isFile()) return skipped(`${spec.path} is not a file${separatorHint(spec.path)}`)
        return { status: 'found', path: spec.path, label: path.basename(spec.path) }
      }
      case 'url':
        return await download(spec.url, opts)
      case 'latest-release':
        return await latestReleaseZip(opts)
    }
  } catch (e) {
    return skipped(apiMessage(e))
  }
}

function skipped(reason: string): Baseline {
  return { status: 'skipped', reason }
}

/**
 * Downloads a URL to a file. The token is sent only to URLs under the GitHub API base (an asset's API URL,
 * `…/releases/assets/<id>`, which then needs `Accept: application/octet-stream`), never elsewhere; fetch drops it
 * on a redirect to another origin (GitHub's signed storage URLs).
 */
async function download(url: URL, opts: BaselineOptions): Promise<Baseline> {
  const apiBase = opts.ctx.apiUrl?.replace(/\/+$/, '')
  // Under the API base, not merely on its host: GHES serves the API at <server>/api/v3 and downloads elsewhere.
  const toApi = apiBase !== undefined && url.href.startsWith(`${apiBase}/`)
  const headers: Record<string, string> = { 'user-agent': 'h5-offline-action' }
  if (toApi) {
    headers.accept = 'application/octet-stream'
    if (opts.token) headers.authorization = `token ${opts.token}`
  }
  const res = await fetch(url, {
    headers,
    redirect: 'follow',
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)
  })
  if (!res.ok || !res.body)
    return skipped(`GET ${redact(url)}: HTTP ${res.status} ${res.statusText}`)
  const tooBig = () => skipped(`${redact(url)} is larger than ${limitText(opts.maxBytes)}`)
  if (Number(res.headers.get('content-length')) > opts.maxBytes) {
    await res.body.cancel()
    return tooBig()
  }
  const file = path.join(
    await fsp.mkdtemp(path.join(opts.tempDir, 'h5-offline-baseline-')),
    'baseline.zip'
  )
  // The length header may be missing or wrong: the bytes are counted as they come.
  let received = 0
  const capped = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      received += chunk.length
      if (received > opts.maxBytes) throw new BaselineTooBig()
      yield chunk
    }
  }
  try {
    await pipeline(
      Readable.fromWeb(res.body as WebReadableStream),
      capped,
      fs.createWriteStream(file)
    )
  } catch (e) {
    await fsp.rm(path.dirname(file), { recursive: true, force: true })
    if (e instanceof BaselineTooBig) return tooBig()
    throw e
  }
  return { status: 'found', path: file, label: redact(url), tempDir: path.dirname(file) }
}

class BaselineTooBig extends Error {}

function limitText(bytes: number): string {
  return `${formatBytes(bytes)} (limits.bytes; raise it in the config file if the baseline is really that big)`
}

/** A URL without its query (signed URLs carry credentials there). */
function redact(url: URL): string {
  return `${url.origin}${url.pathname}`
}

async function latestReleaseZip(opts: BaselineOptions): Promise<Baseline> {
  const { ctx } = opts
  const octokit = await opts.octokit?.()
  if (!octokit || !ctx.repo)
    return skipped(
      'latest-release needs the GitHub API (GITHUB_API_URL, GITHUB_REPOSITORY and a token)'
    )
  let release
  try {
    release = (await octokit.rest.repos.getLatestRelease({ ...ctx.repo })).data
  } catch (e) {
    if (statusOf(e) === 404) return skipped('the repository has no published release yet')
    throw e
  }
  if (ctx.release && release.id === ctx.release.id)
    return skipped(
      `the latest release is this release (${release.tag_name}); give compare-to a zip or URL of the previous one`
    )
  const asset = release.assets.find((a) => a.name.toLowerCase().endsWith('.zip'))
  if (!asset) return skipped(`the latest release ${release.tag_name} has no .zip asset`)
  if (asset.size > opts.maxBytes)
    return skipped(
      `${asset.name} (release ${release.tag_name}) is larger than ${limitText(opts.maxBytes)}`
    )
  const res = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    ...ctx.repo,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' }
  })
  const file = path.join(
    await fsp.mkdtemp(path.join(opts.tempDir, 'h5-offline-baseline-')),
    asset.name.replace(/[^A-Za-z0-9._-]/g, '_')
  )
  await fsp.writeFile(file, Buffer.from(res.data as unknown as ArrayBuffer))
  return {
    status: 'found',
    path: file,
    label: `${asset.name} (release ${release.tag_name})`,
    tempDir: path.dirname(file)
  }
}
