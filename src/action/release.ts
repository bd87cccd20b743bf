import fs from 'node:fs/promises'
import path from 'node:path'
import type { ReleasePayload, RunContext } from './context.js'
import { apiMessage, isAlreadyExists, serverFault, statusOf, type Octokit } from './github.js'

/** Thrown with a message meant for the workflow author; it fails the step. */
export class ReleaseError extends Error {
  override name = 'ReleaseError'
}

export interface AssetFile {
  path: string
  contentType: string
}

export interface UploadedAsset {
  name: string
  id: number
  url: string
  /** An asset of the same name was deleted first (`overwrite: true`). */
  replaced: boolean
}

const IMMUTABLE_ADVICE =
  'Assets can be added only while a release is a draft when release immutability is on. Create the release as a ' +
  'draft (e.g. `gh release create "$TAG" --draft` in an earlier step, or a draft from the Releases page), let this ' +
  'step attach the assets on the tag push (release-upload: true finds the draft by its tag), then publish it.'

/**
 * The release to attach to: the event's on a `release` event, else the release of the pushed tag. A tag's release
 * is looked up by tag, then among the releases (which include drafts, which the by-tag endpoint does not return).
 */
export async function findRelease(octokit: Octokit, ctx: RunContext): Promise<ReleasePayload> {
  if (ctx.release) return ctx.release
  const tag = ctx.tag!
  const repo = ctx.repo!
  try {
    return (await octokit.rest.repos.getReleaseByTag({ ...repo, tag })).data as ReleasePayload
  } catch (e) {
    if (statusOf(e) !== 404)
      throw new ReleaseError(
        `Could not look up the release of tag ${tag}: ${apiMessage(e)}.${serverFault(e)}`
      )
  }
  const releases = await octokit.rest.repos.listReleases({ ...repo, per_page: 100 })
  const draft = releases.data.find((r) => r.tag_name === tag)
  if (draft) return draft as ReleasePayload
  throw new ReleaseError(
    `There is no release for the tag ${tag}, so there is nothing to attach the zip to. Create one first (e.g. ` +
      '`gh release create "$TAG" --draft` in an earlier step, with `permissions: contents: write`).'
  )
}

/** GitHub renames asset names with other characters (a space becomes a dot): use the name it will store. */
export function assetName(file: string): string {
  return path.basename(file).replace(/[^A-Za-z0-9._+-]/g, '.')
}

/**
 * Uploads each file as an asset of the release, at the release's own `upload_url` (so GHES and test servers
 * work). An asset of the same name is replaced when `overwrite` is true (delete, then upload; a 422
 * `already_exists` from a concurrent upload is deleted and retried once) and refused otherwise.
 */
export async function uploadReleaseAssets(
  octokit: Octokit,
  ctx: RunContext,
  release: ReleasePayload,
  files: AssetFile[],
  overwrite: boolean
): Promise<UploadedAsset[]> {
  const repo = ctx.repo!
  const where = `release ${release.tag_name}`
  if (release.immutable && !release.draft)
    throw new ReleaseError(
      `Cannot upload to the ${where}: it is published and immutable. ${IMMUTABLE_ADVICE}`
    )
  const listAssets = () =>
    octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      ...repo,
      release_id: release.id,
      per_page: 100
    })
  const existing = await listAssets().catch((e: unknown) => {
    throw new ReleaseError(
      `Could not list the assets of the ${where}: ${apiMessage(e)}.${serverFault(e)}`
    )
  })
  const uploaded: UploadedAsset[] = []
  for (const file of files) {
    const name = assetName(file.path)
    const data = await fs.readFile(file.path)
    let replaced = false
    const same = existing.find((a) => a.name === name)
    if (same) {
      if (!overwrite)
        throw new ReleaseError(
          `The ${where} already has an asset named ${name}. Set overwrite: true to replace it, or give the zip ` +
            'another name (output or artifact-name).'
        )
      await remove(octokit, ctx, same.id, name, where)
      replaced = true
    }
    const upload = () =>
      octokit.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: release.id,
        name,
        url: release.upload_url,
        data: data as unknown as string,
        headers: { 'content-type': file.contentType, 'content-length': data.length }
      })
    let res
    try {
      res = await upload()
    } catch (e) {
      if (isImmutable(e))
        throw new ReleaseError(
          `Cannot upload ${name} to the ${where}: ${apiMessage(e)}. ${IMMUTABLE_ADVICE}`
        )
      if (!isAlreadyExists(e))
        throw new ReleaseError(
          `Could not upload ${name} to the ${where}: ${apiMessage(e)}.${serverFault(e)}`
        )
      if (!overwrite)
        throw new ReleaseError(
          `The ${where} already has an asset named ${name} (uploaded meanwhile by another job). Set overwrite: ` +
            'true to replace it.'
        )
      // Another job uploaded the same name between our listing and our upload: delete it and try once more.
      const raced = (await listAssets()).find((a) => a.name === name)
      if (raced) await remove(octokit, ctx, raced.id, name, where)
      replaced = true
      try {
        res = await upload()
      } catch (e2) {
        throw new ReleaseError(
          `Could not upload ${name} to the ${where} (after replacing it): ${apiMessage(e2)}`
        )
      }
    }
    uploaded.push({ name, id: res.data.id, url: res.data.browser_download_url, replaced })
  }
  return uploaded
}

async function remove(
  octokit: Octokit,
  ctx: RunContext,
  assetId: number,
  name: string,
  where: string
): Promise<void> {
  try {
    await octokit.rest.repos.deleteReleaseAsset({ ...ctx.repo!, asset_id: assetId })
  } catch (e) {
    if (isImmutable(e))
      throw new ReleaseError(
        `Cannot replace ${name} on the ${where}: ${apiMessage(e)}. ${IMMUTABLE_ADVICE}`
      )
    throw new ReleaseError(
      `Could not delete the existing asset ${name} from the ${where}: ${apiMessage(e)}`
    )
  }
}

function isImmutable(e: unknown): boolean {
  return statusOf(e) === 422 && /immutable/i.test(apiMessage(e))
}
