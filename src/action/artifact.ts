import * as core from '@actions/core'
import fs from 'node:fs/promises'
import path from 'node:path'

export type UploadOutcome =
  | { status: 'uploaded'; name: string; id: number; url: string; digest: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; message: string }

export interface UploadRequest {
  zip: { path: string; sha256: string }
  /** The artifact is `<name>.zip`; without a name it is the zip's own file name. */
  name?: string
  retentionDays?: number
  overwrite: boolean
  /** The whole upload (the delete for `overwrite` included) must finish within this many seconds (`upload-timeout`). */
  timeoutSeconds: number
  /** Where to stage a copy when the zip's file name differs from the artifact's. */
  tempDir: string
}

/** The runner gives these to JavaScript actions only; without them there is nowhere to upload to. */
export function hasRuntimeToken(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
}

export function notUploaded(reason: string): UploadOutcome {
  return { status: 'skipped', reason }
}

/**
 * Uploads the zip as it is (`skipArchive`), so users download the package itself rather than a zip in a zip.
 * With `skipArchive` the service names the artifact after the file, so the file is staged under the artifact
 * name when they differ. `@actions/artifact` (and the Azure SDK under it) is loaded only here, never at start.
 * Without a runtime token (a local run) the upload is skipped with a notice.
 */
export async function uploadZip(
  req: UploadRequest,
  env: NodeJS.ProcessEnv
): Promise<UploadOutcome> {
  if (!hasRuntimeToken(env)) {
    const missing = !env.ACTIONS_RUNTIME_TOKEN ? 'ACTIONS_RUNTIME_TOKEN' : 'ACTIONS_RESULTS_URL'
    const reason = `${missing} is not set (the runner sets it for JavaScript actions; is this a local run?)`
    core.notice(`Artifact upload skipped: ${reason}. The zip is at ${req.zip.path}`, {
      title: 'No artifact'
    })
    return notUploaded(reason)
  }
  const fileName = req.name ? `${req.name}.zip` : path.basename(req.zip.path)
  const uploadPath =
    path.basename(req.zip.path) === fileName
      ? req.zip.path
      : await stage(req.zip.path, fileName, req.tempDir)
  try {
    return await uploadFile(req, env, fileName, uploadPath)
  } finally {
    // The staged copy (a link, or a copy as big as the zip) is ours: RUNNER_TEMP is emptied only after the job.
    if (uploadPath !== req.zip.path)
      await fs.rm(path.dirname(uploadPath), { recursive: true, force: true })
  }
}

async function uploadFile(
  req: UploadRequest,
  env: NodeJS.ProcessEnv,
  fileName: string,
  uploadPath: string
): Promise<UploadOutcome> {
  // The client's Twirp calls have no timeout of their own (only a stall timer on the blob upload), so the whole
  // upload is raced against upload-timeout. A request still hanging after that is abandoned; the entry point ends
  // the process once the step's work is done, so it cannot keep the job alive.
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), req.timeoutSeconds * 1000)
  })
  let res: { id?: number; digest?: string } | 'expired'
  try {
    res = await Promise.race([upload(req, fileName, uploadPath), expired])
  } catch (e) {
    return { status: 'failed', message: explainUploadError(fileName, e as Error) }
  } finally {
    clearTimeout(timer)
  }
  if (res === 'expired') {
    return {
      status: 'failed',
      message:
        `artifact upload of ${fileName} did not finish within ${req.timeoutSeconds} s (upload-timeout: ` +
        `${req.timeoutSeconds}); the artifact service is slow or not answering. The zip is kept at ${req.zip.path} ` +
        '(the `zip-path` output). Raise `upload-timeout` (seconds) if the upload needs longer, or re-run the job.'
    }
  }
  const id = res.id ?? 0
  const url = artifactUrl(env, id)
  const digest = res.digest ?? ''
  core.info(`Uploaded the artifact ${fileName} (ID ${id})${url ? `: ${url}` : ''}`)
  if (digest && digest !== req.zip.sha256) {
    core.warning(
      `The uploaded artifact's digest ${digest} differs from the zip's SHA-256 ${req.zip.sha256}`
    )
  }
  return { status: 'uploaded', name: fileName, id, url, digest }
}

/** Delete for `overwrite` (a failure there is only logged), then upload. */
async function upload(
  req: UploadRequest,
  fileName: string,
  uploadPath: string
): Promise<{ id?: number; digest?: string }> {
  const { DefaultArtifactClient, ArtifactNotFoundError } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  if (req.overwrite) {
    try {
      await client.deleteArtifact(fileName)
      core.info(`Deleted the existing artifact ${fileName} (overwrite: true)`)
    } catch (e) {
      if (e instanceof ArtifactNotFoundError) core.info(`No artifact ${fileName} to overwrite yet`)
      else
        core.info(
          `Could not delete the artifact ${fileName} before uploading: ${(e as Error).message}`
        )
    }
  }
  return client.uploadArtifact(fileName, [uploadPath], path.dirname(uploadPath), {
    skipArchive: true,
    retentionDays: req.retentionDays
  })
}

async function stage(zipPath: string, fileName: string, tempDir: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tempDir, 'h5-offline-artifact-'))
  const staged = path.join(dir, fileName)
  try {
    await fs.link(zipPath, staged)
  } catch {
    await fs.copyFile(zipPath, staged)
  }
  return staged
}

function explainUploadError(fileName: string, e: Error): string {
  const message = e.message ?? String(e)
  if (/\(409\)/.test(message)) {
    return (
      `an artifact named ${fileName} already exists in this workflow run (an earlier step, another matrix job, or an ` +
      'earlier attempt of a re-run uploaded it). Set `overwrite: true` to replace it, or give each upload its own ' +
      '`artifact-name`, e.g. `artifact-name: h5-${{ matrix.name }}-${{ github.run_attempt }}`. ' +
      `(${message})`
    )
  }
  if (e.name === 'GHESNotSupportedError') {
    return `artifact upload of ${fileName} failed: ${message} Set \`upload-artifact: false\` there and use the \`zip-path\` output.`
  }
  return `artifact upload of ${fileName} failed: ${message}`
}

/** The link upload-artifact prints: `<server>/<owner>/<repo>/actions/runs/<run id>/artifacts/<artifact id>`. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string {
  const repo = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repo || !runId || !id) return ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${repo}/actions/runs/${runId}/artifacts/${id}`
}
