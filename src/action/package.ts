import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { makeOutputDir, removeEmptyDirs } from '../core/output-path.js'
import { sourceDateEpoch } from '../core/source-date.js'
import type { ResolvedConfig } from '../core/config.js'
import { extensionOf, packPackage } from '../engine/pack.js'
import { validatePackage, type Validation } from '../engine/validate.js'
import type { ActionInputs } from './inputs.js'
import type { OutputPlan } from './output.js'
import type { TypeRow } from './summary.js'

export interface ZipInfo {
  path: string
  sha256: string
  bytes: number
  files: number
}

export interface BuiltPackage {
  result: Validation
  sourceKind: 'directory' | 'zip'
  /** The zip, when one was written (no errors, or `fail-on: never`). */
  zip?: ZipInfo
  /** Where the zip is, or would have been: the JSON report goes next to it. */
  target: string
  notWritten?: string
  byType: Record<string, TypeRow>
}

/**
 * A directory is validated and packed in one pass by the engine; a zip is validated and, when it passes, copied
 * to the output path as it is. The zip is written only when there are no errors, unless `fail-on: never`.
 */
export async function buildPackage(
  inputs: ActionInputs,
  config: ResolvedConfig,
  plan: OutputPlan,
  env: NodeJS.ProcessEnv
): Promise<BuiltPackage> {
  // An output in a folder that does not exist yet gets the folder, as `mkdir -p` would.
  const made = await makeOutputDir(plan.outDir, inputs.output ?? plan.outDir, 'out')
  try {
    return await buildInto(inputs, config, plan, env)
  } catch (e) {
    // Some problems show only once the source is read (a build output without package-id): nothing was written
    // then, and the folder made for it goes too.
    if (made) await removeEmptyDirs(plan.outDir, made)
    throw e
  }
}

async function buildInto(
  inputs: ActionInputs,
  config: ResolvedConfig,
  { explicit, outDir, zipSource }: OutputPlan,
  env: NodeJS.ProcessEnv
): Promise<BuiltPackage> {
  const force = config.failOn === 'never'
  const finalName = (id: string | undefined) =>
    explicit ?? path.join(outDir, defaultZipName(id, config.version, inputs.artifactName))
  if (zipSource) {
    const result = await validatePackage(inputs.location, config)
    const target = finalName(result.pkg.id)
    const byType = rawByType(result)
    if (result.counts.error > 0 && !force)
      return { result, sourceKind: 'zip', target, byType, notWritten: notWritten(result) }
    if (path.resolve(target) !== path.resolve(inputs.location))
      await fs.copyFile(inputs.location, target)
    const zip = {
      path: target,
      sha256: await sha256File(target),
      bytes: (await fs.stat(target)).size,
      files: result.pkg.files.length
    }
    return { result, sourceKind: 'zip', zip, target, byType }
  }

  const out = explicit ?? path.join(outDir, `.h5-offline-${randomBytes(6).toString('hex')}.zip`)
  const packed = await packPackage(inputs.location, config, {
    out,
    force,
    mtime: sourceDateEpoch(env)
  })
  const target = finalName(packed.pkg.id)
  if (!packed.zip)
    return {
      result: packed,
      sourceKind: 'directory',
      target,
      byType: rawByType(packed),
      notWritten: notWritten(packed)
    }
  if (out !== target) await fs.rename(out, target)
  const { sha256, bytes, files, byType } = packed.zip
  return {
    result: packed,
    sourceKind: 'directory',
    zip: { path: target, sha256, bytes, files },
    target,
    byType
  }
}

/** `<artifact-name>.zip` when an artifact name is given (the artifact is named after the file), else `<id>[_<version>].zip`. */
export function defaultZipName(
  id: string | undefined,
  version: string | undefined,
  artifactName: string | undefined
): string {
  if (artifactName) return `${artifactName}.zip`
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-')
  return `${safe(id ?? 'package')}${version ? `_${safe(version)}` : ''}.zip`
}

export function reportPathFor(zipPath: string): string {
  return `${zipPath.replace(/\.zip$/i, '')}.report.json`
}

function notWritten(result: Validation): string {
  const n = result.counts.error
  return `${n} error${n === 1 ? '' : 's'} (fix them, or set fail-on: never to write the zip anyway)`
}

/** Sizes by file type from the package listing, for a zip given as input (its compressed sizes are not known). */
function rawByType(result: Validation): Record<string, TypeRow> {
  const byType: Record<string, TypeRow> = {}
  for (const f of result.pkg.files) {
    const row = (byType[extensionOf(f.path) || '(none)'] ??= { files: 0, bytes: 0 })
    row.files++
    row.bytes += f.size
  }
  return byType
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
