import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { UsageError } from '../core/errors.js'
import type { Counts } from '../core/findings.js'
import { uploadZip, type UploadOutcome } from './artifact.js'
import { describeUsageError, parseInputs, resolveActionConfig, type ActionInputs } from './inputs.js'
import type { BuiltPackage } from './package.js'
import { relativeToWorkspace } from './paths.js'

/**
 * The Action: inputs → validate and pack (engine) → JSON report → log, annotations → artifact → job summary →
 * outputs → the step's result. Every failure ends in one `core.setFailed`.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let inputs: ActionInputs | undefined
  try {
    const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
    inputs = parseInputs((name) => core.getInput(name), workspace)
    core.debug(`inputs read ${Math.round(performance.now())} ms after the process started`)
    if (inputs.githubToken) core.setSecret(inputs.githubToken)
    const config = resolveActionConfig(inputs, workspace)
    const tempDir = env.RUNNER_TEMP || os.tmpdir()
    const { buildPackage, reportPathFor, toJsonReport, formatText, isFailing, sourceFileResolver, planAnnotations, emitAnnotations, buildSummary } =
      await import('./pipeline.js')

    const built = await buildPackage(inputs, config, tempDir, env)
    const { result } = built
    const reportPath = reportPathFor(built.target)
    const report = toJsonReport({ ...result, zip: built.zip && { ...built.zip, byType: {} } })
    await fs.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n')
    logReport(built, formatText)

    const failed = isFailing(result.counts, config.failOn)
    const uploading = Boolean(built.zip && inputs.uploadArtifact)
    const tokenMissing = uploading && !(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL)
    const summaryFile = env.GITHUB_STEP_SUMMARY
    if (inputs.annotations) {
      const fileOf = sourceFileResolver(result.pkg, inputs.location, built.sourceKind, workspace)
      const reserved: Partial<Counts> = { error: failed || uploading ? 1 : 0, notice: tokenMissing ? 1 : 0 }
      const completeListIn = summaryFile ? 'The job summary' : 'The step log'
      emitAnnotations(planAnnotations(result.findings, { fileOf, reserved, completeListIn }))
    }

    let artifact: UploadOutcome = { status: 'skipped', reason: built.zip ? 'upload-artifact is false' : 'no zip was written' }
    if (built.zip && inputs.uploadArtifact) {
      artifact = await uploadZip(
        { zipPath: built.zip.path, name: inputs.artifactName, retentionDays: inputs.retentionDays, overwrite: inputs.overwrite, tempDir },
        env
      )
      if (artifact.status === 'skipped') {
        core.notice(`Artifact upload skipped: ${artifact.reason}. The zip is at ${built.zip.path}`, { title: 'No artifact' })
      }
      if (artifact.status === 'uploaded') core.info(`Uploaded the artifact ${artifact.name}${artifact.url ? `: ${artifact.url}` : ''}`)
      if (artifact.status === 'uploaded' && artifact.digest && artifact.digest !== built.zip.sha256) {
        core.warning(`The uploaded artifact's digest ${artifact.digest} differs from the zip's SHA-256 ${built.zip.sha256}`)
      }
    }

    if (summaryFile) {
      const summary = buildSummary({
        outcome: result,
        version: config.version,
        failOn: config.failOn,
        failed: failed || artifact.status === 'failed',
        zip: built.zip,
        notWritten: built.notWritten,
        byType: built.byType,
        reportPath: relativeToWorkspace(reportPath, workspace) ?? reportPath,
        artifact
      })
      await fs.appendFile(summaryFile, summary)
    }

    setOutputs(built, reportPath, artifact)

    const problems: string[] = []
    if (failed) problems.push(failureMessage(built, config.failOn))
    if (artifact.status === 'failed') problems.push(artifact.message)
    if (problems.length) core.setFailed(problems.join('\n'))
  } catch (e) {
    core.setFailed(describeError(e, inputs))
  }
}

function setOutputs(built: BuiltPackage, reportPath: string, artifact: UploadOutcome): void {
  const { result, zip } = built
  const outputs: Record<string, string | number> = {
    'zip-path': zip?.path ?? '',
    sha256: zip?.sha256 ?? '',
    size: zip?.bytes ?? '',
    'file-count': zip?.files ?? result.pkg.files.length,
    'package-id': result.pkg.id ?? '',
    'package-type': result.pkg.type,
    errors: result.counts.error,
    warnings: result.counts.warning,
    'report-path': reportPath,
    'artifact-id': artifact.status === 'uploaded' ? artifact.id : '',
    'artifact-url': artifact.status === 'uploaded' ? artifact.url : '',
    'artifact-digest': artifact.status === 'uploaded' ? artifact.digest : ''
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value))
}

function failureMessage(built: BuiltPackage, failOn: string): string {
  const { error, warning } = built.result.counts
  const counts = `${error} error${error === 1 ? '' : 's'} and ${warning} warning${warning === 1 ? '' : 's'}`
  const zip = built.zip ? 'the zip was written' : 'no zip was written'
  return `H5 offline package ${built.result.pkg.id ?? '(no ID)'}: ${counts} (fail-on: ${failOn}); ${zip}. The annotations and the job summary list the findings.`
}

/**
 * The text report in the log, inside `::stop-commands::` so that no file name in it can be read as a workflow
 * command (the runner trims leading spaces before looking for `::`).
 */
function logReport(built: BuiltPackage, formatText: typeof import('./pipeline.js').formatText): void {
  const { counts } = built.result
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`
  core.startGroup(`Findings: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.notice, 'notice')}`)
  const token = randomBytes(16).toString('hex')
  core.info(`::stop-commands::${token}`)
  core.info(formatText(built.zip ? { ...built.result, zip: { ...built.zip, byType: {} } } : built.result, { color: false }).trimEnd())
  core.info(`::${token}::`)
  core.endGroup()
}

function describeError(e: unknown, inputs: ActionInputs | undefined): string {
  if (e instanceof UsageError) {
    if (inputs && e.subject === inputs.location) return `Input "path": ${e.message}`
    return describeUsageError(e)
  }
  const err = e as NodeJS.ErrnoException
  return `${err?.message ?? String(e)}${err?.code ? ` (${err.code})` : ''}`
}
