import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { UsageError } from '../core/errors.js'
import { isFailing } from '../core/findings.js'
import { hasRuntimeToken, notUploaded, uploadZip, type UploadOutcome } from './artifact.js'
import {
  describeUsageError,
  parseInputs,
  resolveActionConfig,
  type ActionInputs
} from './inputs.js'
import type { BuiltPackage } from './package.js'

/**
 * The Action: inputs → validate and pack (the engine) → JSON report → log and annotations → artifact → job
 * summary → outputs → the step's result. Every failure ends in one `core.setFailed`.
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
    const { buildPackage, writeJsonReport, logFindings, annotate, writeJobSummary } =
      await import('./pipeline.js')

    const built = await buildPackage(inputs, config, tempDir, env)
    const reportPath = await writeJsonReport(built)
    logFindings(built)
    const failed = isFailing(built.result.counts, config.failOn)
    const upload = Boolean(built.zip && inputs.uploadArtifact)
    if (inputs.annotations) {
      const reserved = {
        error: failed || upload ? 1 : 0,
        notice: upload && !hasRuntimeToken(env) ? 1 : 0
      }
      annotate(built, {
        location: inputs.location,
        workspace,
        reserved,
        hasSummary: Boolean(env.GITHUB_STEP_SUMMARY)
      })
    }
    const artifact =
      built.zip && inputs.uploadArtifact
        ? await uploadZip(
            {
              zip: built.zip,
              name: inputs.artifactName,
              retentionDays: inputs.retentionDays,
              overwrite: inputs.overwrite,
              tempDir
            },
            env
          )
        : notUploaded(built.zip ? 'upload-artifact is false' : 'no zip was written')
    if (env.GITHUB_STEP_SUMMARY) {
      await writeJobSummary(env.GITHUB_STEP_SUMMARY, built, {
        version: config.version,
        failOn: config.failOn,
        failed: failed || artifact.status === 'failed',
        artifact,
        reportPath,
        workspace
      })
    }
    setOutputs(built, reportPath, artifact)

    const problems = [
      failed ? failureMessage(built, config.failOn) : '',
      artifact.status === 'failed' ? artifact.message : ''
    ].filter(Boolean)
    if (problems.length) core.setFailed(problems.join('\n'))
  } catch (e) {
    core.setFailed(describeError(e, inputs))
  }
}

function setOutputs(built: BuiltPackage, reportPath: string, artifact: UploadOutcome): void {
  const { result, zip } = built
  const uploaded = artifact.status === 'uploaded' ? artifact : undefined
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
    'artifact-id': uploaded?.id ?? '',
    'artifact-url': uploaded?.url ?? '',
    'artifact-digest': uploaded?.digest ?? ''
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value))
}

function failureMessage(built: BuiltPackage, failOn: string): string {
  const { error, warning } = built.result.counts
  const counts = `${error} error${error === 1 ? '' : 's'} and ${warning} warning${warning === 1 ? '' : 's'}`
  const zip = built.zip ? 'the zip was written' : 'no zip was written'
  return (
    `H5 offline package ${built.result.pkg.id ?? '(no ID)'}: ${counts} (fail-on: ${failOn}); ${zip}. ` +
    'The annotations and the job summary list the findings.'
  )
}

/** A problem with the inputs names the input; anything else keeps its message (and system error code). */
function describeError(e: unknown, inputs: ActionInputs | undefined): string {
  if (e instanceof UsageError) {
    if (inputs && e.subject !== undefined) {
      if (e.subject === inputs.location) return `Input "path": ${e.message}`
      if (e.subject === inputs.configFile && inputs.given.has('config'))
        return `Input "config": ${e.message}`
      if (e.subject === inputs.settings.globalPackage) return `Input "global-package": ${e.message}`
    }
    return describeUsageError(e)
  }
  const err = e as NodeJS.ErrnoException
  return `${err?.message ?? String(e)}${err?.code ? ` (${err.code})` : ''}`
}
