import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ResolvedConfig } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import { trackTemp, untrackTemp } from '../core/temp-files.js'
import { assertOutputPath, assertOutsidePackage, folderProblem } from '../core/output-path.js'
import { cmp, type Finding } from '../core/findings.js'
import { buildPackageModel, type PackageFile } from '../core/layout.js'
import type { PackageSource } from '../core/source.js'
import {
  createReferenceScanner,
  createValidateExtractor,
  loadGlobalUrls,
  scanReferences,
  SCAN_BACKLOG_LIMIT,
  type ReferenceScan,
  type ReferenceScanner
} from '../refs/scan.js'
import { createExtractor, type Extractor } from '../refs/extractor.js'
import { contentRules, packageRules } from '../rules/index.js'
import { zippedBudgetFinding } from '../rules/size-budget.js'
import { isDroppedByPacker } from '../rules/util.js'
import { directoryInputs, isCompressedMedia } from '../zip/entries.js'
import { writeZip, type ZipInput, type ZipResult } from '../zip/writer.js'
import { openPackageSource } from './open-source.js'
import { checkRuleSettings, runRules } from './run-rules.js'
import { allRules, result, type Validation } from './validate.js'

/** Input bytes the zip writer may hold across entries being deflated; measured: 16 MiB is as fast as 32 on two cores. */
const ZIP_BYTES_IN_FLIGHT = 16 * 1024 * 1024

/** Files up to this size are read in one call rather than streamed (the writer deflates them in one call too). */
const READ_AT_ONCE = 64 * 1024
/**
 * Files the reference scan parses are read in one call up to this size: the scan then gets the writer's own
 * buffer, where streaming kept the chunks for it and then a copy assembled from them (twice the file; large tree:
 * 18 MiB less at peak). Past the writer's in-memory limit the entry is still spilled while it is deflated.
 */
const SCANNED_READ_AT_ONCE = 32 * 1024 * 1024

/** A fixed, ordinary date so that zips from the same files are byte-identical on every machine. */
export const DEFAULT_MTIME = new Date(Date.UTC(2000, 0, 1))

export interface PackOptions {
  out: string
  /** Write even when there are errors (sensitive files are still left out). */
  force?: boolean
  mtime?: Date
  concurrency?: number
}

export interface TypeStats {
  files: number
  bytes: number
  zipped: number
}

export interface PackedZip {
  path: string
  sha256: string
  bytes: number
  files: number
  /** Raw and zipped bytes by file extension, for reports. */
  byType: Record<string, TypeStats>
}

export interface PackResult extends Validation {
  zip?: PackedZip
}

/**
 * Validates, then writes the upload zip in one read of every file: the bytes that are deflated are the bytes
 * the reference scan parses. The zip goes to a staging file next to `out` and is renamed only if the
 * finished validation allows it, so a refused or failed run leaves nothing at `out`.
 */
export async function packPackage(
  location: string,
  config: ResolvedConfig,
  options: PackOptions
): Promise<PackResult> {
  checkRuleSettings(config, allRules)
  // Its worker starts while the package is listed; the scanner that gets it closes it, else the finally below.
  const extractor = config.checkReferences ? createExtractor({ handOver: true }) : undefined
  try {
    return await packWith(location, config, options, extractor)
  } finally {
    await extractor?.close()
  }
}

async function packWith(
  location: string,
  config: ResolvedConfig,
  options: PackOptions,
  extractor: Extractor | undefined
): Promise<PackResult> {
  const source = await openPackageSource(location, config)
  try {
    if (source.kind === 'zip') {
      throw new UsageError(
        `pack takes a directory; ${location} is a zip (run validate on it instead)`,
        location
      )
    }
    await assertOutsidePackage(options.out, location, 'out')
    const pkg = buildPackageModel(source, config)
    const ctx = { config, pkg }
    let findings = await runRules(packageRules, ctx)
    if (findings.some((f) => f.severity === 'error') && !options.force) {
      if (!extractor) return result(pkg, findings)
      // Refused before the zip pass, where pack scans references: scan them as validate does, so that one run
      // reports all that validate would (a pull request gets the ref-* findings now, not after the first fix).
      await extractor.close()
      const refs = await scanReferences(pkg, source, config, createValidateExtractor(pkg))
      // not push(...): a big site's findings are more than a call takes arguments
      findings = findings.concat(await runRules(contentRules, { ...ctx, refs }))
      return result(pkg, findings, refs)
    }

    const globalUrls =
      config.checkReferences && config.globalPackage
        ? await loadGlobalUrls(config.globalPackage, config)
        : undefined
    // The scanner gets each file's bytes once the entry is written, when the writer is done with them.
    const scanner = extractor && createReferenceScanner(pkg, config, globalUrls, extractor)
    const packed = pkg.files.filter(
      (f) => !isDroppedByPacker(pkg, f.path, config.keepJunk, config.allowSensitive)
    )
    const staging = path.join(
      path.dirname(path.resolve(options.out)),
      `.${path.basename(options.out)}.${randomBytes(4).toString('hex')}.staging`
    )
    await assertWritableDir(options.out)
    const byType: Record<string, TypeStats> = {}
    let zip: ZipResult
    // tracked from before the writer renames its temp file to it (see temp-files.ts)
    trackTemp(staging)
    try {
      zip = await writeZip(staging, zipInputs(packed, source, scanner), {
        mtime: options.mtime ?? DEFAULT_MTIME,
        concurrency: options.concurrency,
        maxBytesInFlight: ZIP_BYTES_IN_FLIGHT,
        ...scannerHooks(scanner, byType)
      })
    } catch (e) {
      untrackTemp(staging)
      await scanner?.finish().catch(() => {})
      throw outputError(e, options.out, staging)
    }
    let refs: ReferenceScan | undefined
    try {
      refs = await scanner?.finish()
      if (refs) findings = findings.concat(await runRules(contentRules, { ...ctx, refs }))
      const budget = zippedBudgetFinding(config, zip.bytes)
      if (budget && config.rules[budget.rule] !== 'off') findings.push(withSeverity(budget, config))
      const refused = findings.some((f) => f.severity === 'error') && !options.force
      if (refused) {
        await fs.rm(staging, { force: true })
        return result(pkg, findings, refs)
      }
      await fs.rename(staging, options.out)
    } catch (e) {
      await fs.rm(staging, { force: true })
      throw e
    } finally {
      untrackTemp(staging)
    }
    return {
      ...result(pkg, findings, refs),
      zip: { path: options.out, sha256: zip.sha256, bytes: zip.bytes, files: zip.files, byType }
    }
  } finally {
    await source.close()
  }
}

/** Files plus one entry per folder that holds them (the ID folder is then the zip's one top-level entry). */
function zipInputs(
  files: PackageFile[],
  source: PackageSource,
  scanner: ReferenceScanner | undefined
): ZipInput[] {
  const inputs = directoryInputs(files.map((f) => f.path))
  const readSync = source.readSync
  for (const f of files) {
    const scanned = scanner?.wants(f.path) ?? false
    inputs.push({
      name: f.path,
      kind: 'file',
      size: f.size,
      compress: !isCompressedMedia(f.path),
      open: () =>
        scanned ? afterBacklog(scanner!, () => source.open(f.source)) : source.open(f.source),
      ...(readSync &&
        f.size <= (scanned ? SCANNED_READ_AT_ONCE : READ_AT_ONCE) && {
          read: () =>
            scanned && scanner!.backlog > SCAN_BACKLOG_LIMIT
              ? scanner!.below(SCAN_BACKLOG_LIMIT).then(() => readSync(f.source))
              : readSync(f.source)
        })
    })
  }
  return inputs.sort((a, b) => cmp(a.name, b.name))
}

/**
 * Deflate outruns the reference scan when both share two cores; text files wait to be read until the scan has
 * caught up, so unscanned text cannot pile up in memory.
 */
function afterBacklog(scanner: ReferenceScanner, open: () => Readable): Readable {
  if (scanner.backlog <= SCAN_BACKLOG_LIMIT) return open()
  return Readable.from(
    (async function* () {
      await scanner.below(SCAN_BACKLOG_LIMIT)
      yield* open()
    })()
  )
}

function scannerHooks(scanner: ReferenceScanner | undefined, byType: Record<string, TypeStats>) {
  const pending = new Map<string, Buffer[]>()
  return {
    onChunk(input: ZipInput, chunk: Buffer) {
      if (!scanner?.wants(input.name)) return
      let chunks = pending.get(input.name)
      if (!chunks) pending.set(input.name, (chunks = []))
      chunks.push(chunk)
    },
    onEntryDone(input: ZipInput, info: { compressedSize: number }) {
      const stats = (byType[extensionOf(input.name) || '(none)'] ??= {
        files: 0,
        bytes: 0,
        zipped: 0
      })
      stats.files++
      stats.bytes += input.size
      stats.zipped += info.compressedSize
      const chunks = pending.get(input.name)
      if (!chunks && !scanner?.wants(input.name)) return
      pending.delete(input.name)
      scanner!.add(
        input.name,
        chunks?.length === 1 ? chunks[0] : Buffer.concat(chunks ?? [], input.size)
      )
    }
  }
}

function withSeverity(f: Omit<Finding, 'severity'>, config: ResolvedConfig): Finding {
  const setting = config.rules[f.rule]
  return { ...f, severity: setting === undefined || setting === 'off' ? 'error' : setting }
}

export function extensionOf(p: string): string {
  const name = p.slice(p.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

async function assertWritableDir(out: string): Promise<void> {
  const why = await folderProblem(path.dirname(path.resolve(out)))
  if (why) throw new UsageError(`cannot write ${out}: ${why}; nothing was written`, 'out')
  // checked before the zip is written, not when the final rename replaces it
  await assertOutputPath(out, 'out')
}

/** Codes that only writing can cause: the error is about the output's disk, whichever entry was being spilled. */
const OUTPUT_FULL: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system'
}

/**
 * A full disk under the output reads as such (the writer may be spilling an entry, and would name it); a file
 * beside the output that cannot be created (a folder only root's access() passes, such as /sys) names the output,
 * not the temp file.
 */
function outputError(e: unknown, out: string, staging: string): unknown {
  const { code, path: failed } = (e ?? {}) as NodeJS.ErrnoException
  if (code && Object.hasOwn(OUTPUT_FULL, code)) {
    return Object.assign(
      new Error(`cannot write ${out}: ${OUTPUT_FULL[code]}; nothing was written`, { cause: e }),
      { code }
    )
  }
  if (code && failed?.startsWith(staging)) {
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `${code} in its folder`
    return new UsageError(`cannot write ${out}: ${why}; nothing was written`, 'out')
  }
  return e
}
