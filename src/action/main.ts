import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { UsageError } from '../core/errors.js'
import { withoutToolFiles } from '../core/tool-files.js'
import { isFailing } from '../core/findings.js'
import { hasRuntimeToken, notUploaded, uploadZip, type UploadOutcome } from './artifact.js'
import { readRunContext, releaseTag, versionFromTag } from './context.js'
import {
  describeUsageError,
  parseInputs,
  resolveActionConfig,
  type ActionInputs
} from './inputs.js'
import { checkPathInputs } from './output.js'
import type { BuiltPackage } from './package.js'

/**
 * The Action: inputs → validate and pack (the engine) → JSON report, SARIF → log → artifact → diff against
 * `compare-to` → check run (or annotations from the step) → PR comment → release assets → job summary → outputs →
 * the step's result. Reports that cannot be posted become notices; every failure ends in one `core.setFailed`.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let inputs: ActionInputs | undefined
  try {
    const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
    inputs = parseInputs((name) => core.getInput(name), workspace)
    core.debug(`inputs read ${Math.round(performance.now())} ms after the process started`)
    if (inputs.githubToken) core.setSecret(inputs.githubToken)
    const ctx = readRunContext(env)
    let config = resolveActionConfig(inputs, workspace)
    config = withoutToolFiles(config, inputs.location, [
      inputs.configFile,
      config.infoPlist && path.resolve(workspace, config.infoPlist)
    ])
    const tag = inputs.releaseUpload ? releaseTag(ctx) : undefined
    if (tag && config.version === undefined) {
      try {
        config = { ...config, version: versionFromTag(tag) }
      } catch (e) {
        throw new UsageError((e as Error).message, 'version')
      }
      core.info(`Version ${config.version}, from the tag ${tag}`)
    }
    const tempDir = env.RUNNER_TEMP || os.tmpdir()
    // Checked before the work: found at the end, a bad path failed the step after the zip was uploaded and the
    // check run had been posted as passed.
    const plan = await checkPathInputs(inputs, config, tempDir, env, workspace)
    const p = await import('./pipeline.js')

    const built = await p.buildPackage(inputs, config, plan, env)
    const reportPath = await p.writeJsonReport(built)
    p.logFindings(built, config.failOn)
    const failed = isFailing(built.result.counts, config.failOn)
    const problems: string[] = []
    if (failed) {
      const listedIn = {
        annotations: inputs.annotations,
        summary: Boolean(env.GITHUB_STEP_SUMMARY)
      }
      problems.push(failureMessage(built, config.failOn, listedIn))
    }

    if (inputs.sarif) {
      try {
        const leftOut = await p.writeSarif(built, inputs.sarif, inputs.location, workspace)
        core.info(`SARIF written to ${inputs.sarif}`)
        if (leftOut) core.notice(leftOut, { title: 'SARIF results left out' })
      } catch (e) {
        problems.push(`Input "sarif": cannot write ${inputs.sarif}: ${(e as Error).message}`)
      }
    }
    const upload = Boolean(built.zip && inputs.uploadArtifact)
    const artifact = upload
      ? await uploadZip(
          {
            zip: built.zip!,
            name: inputs.artifactName,
            retentionDays: inputs.retentionDays,
            overwrite: inputs.overwrite,
            timeoutSeconds: inputs.uploadTimeout,
            tempDir
          },
          env
        )
      : notUploaded(built.zip ? 'upload-artifact is false' : 'no zip was written')
    if (artifact.status === 'failed') problems.push(artifact.message)

    const notices = new p.Notices()
    for (const key of built.result.pkg.ignoredPatterns ?? [])
      notices.add(
        'Input not applied',
        `Input "${key}" does not apply to a zip: ${inputs.location} is checked and uploaded whole. Give the build folder as path to leave files out.`
      )
    for (const u of built.result.pkg.unmatchedPatterns ?? [])
      notices.add(
        'Pattern matched nothing',
        u.key === 'allowSensitive'
          ? `Input "allow-sensitive": ${JSON.stringify(u.pattern)} names no file in ${inputs.location} (an exact path in the package or in the path folder), so it allows nothing.`
          : `Input "${u.key}": ${JSON.stringify(u.pattern)} matches no file in ${inputs.location}, so it selects or leaves out nothing.`
      )
    const gh = new p.GitHubSession(inputs, ctx)
    const diff = inputs.compareTo
      ? await p.compareWithBaseline(built, inputs, gh, workspace, tempDir, config.limits.bytes)
      : undefined
    if (diff?.status === 'skipped')
      notices.add('No diff', `compare-to: ${inputs.compareTo}: ${diff.reason}.`)

    let delta: Awaited<ReturnType<typeof p.writeDelta>>
    try {
      delta = await p.writeDelta(built, inputs, diff, notices)
    } catch (e) {
      problems.push(`Input "delta-out": cannot write ${inputs.deltaOut}: ${(e as Error).message}`)
    }

    // Before the check run and the comment, so that they say failed when the step will.
    const release = inputs.releaseUpload
      ? await p.uploadToRelease({
          built,
          inputs,
          gh,
          reportPath,
          diffPath: diff?.status === 'diffed' ? diff.jsonPath : undefined,
          notices
        })
      : undefined
    if (release?.status === 'failed') problems.push(release.message)

    const fileOf = p.sourceFileResolver(
      built.result.pkg,
      inputs.location,
      built.sourceKind,
      workspace
    )
    const summaryOptions = {
      version: config.version,
      failOn: config.failOn,
      // Whatever fails the step (findings, the upload, the release assets, a file not written) fails them too.
      failed: problems.length > 0,
      artifact,
      reportPath,
      workspace
    }
    const check = await p.reportCheckRun({
      built,
      inputs,
      gh,
      failOn: config.failOn,
      failed: summaryOptions.failed,
      summary: p.summaryMarkdown(
        built,
        { ...summaryOptions, extra: p.extraSections(diff) },
        60_000
      ),
      fileOf,
      notices
    })
    const comment = await p.reportComment({
      built,
      inputs,
      gh,
      failed: summaryOptions.failed,
      diff,
      checkRunUrl: check.status === 'posted' ? check.url : undefined,
      notices
    })

    // The findings as annotations from the step, unless the check run has them all; the slots of the step's own
    // failure and notices are kept free so the runner does not drop them.
    if (inputs.annotations && check.status !== 'posted') {
      const reserved = {
        error: failed || upload || problems.length ? 1 : 0,
        notice: (upload && !hasRuntimeToken(env) ? 1 : 0) + notices.list.length
      }
      p.annotate(built, {
        location: inputs.location,
        workspace,
        reserved,
        hasSummary: Boolean(env.GITHUB_STEP_SUMMARY)
      })
    }
    for (const n of notices.list) core.notice(n.message, { title: n.title })

    if (env.GITHUB_STEP_SUMMARY) {
      await p.writeJobSummary(env.GITHUB_STEP_SUMMARY, built, {
        ...summaryOptions,
        failed: summaryOptions.failed || problems.length > 0,
        extra: p.extraSections(diff, check, comment, release)
      })
    }
    setOutputs(built, reportPath, artifact)
    // Like the others, set every time (empty when there is no value), so `steps.<id>.outputs` is predictable.
    const extras: Record<string, string | undefined> = {
      'sarif-path': inputs.sarif,
      'check-run-url': check.status === 'posted' ? check.url : undefined,
      'size-delta':
        diff?.status === 'diffed' ? String(diff.diff.new.bytes - diff.diff.old.bytes) : undefined,
      'diff-path': diff?.status === 'diffed' ? diff.jsonPath : undefined,
      'release-asset-url': release?.status === 'uploaded' ? release.assets[0]?.url : undefined,
      'delta-path': delta?.path
    }
    for (const [name, value] of Object.entries(extras)) core.setOutput(name, value ?? '')

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

function failureMessage(
  built: BuiltPackage,
  failOn: string,
  listedIn: { annotations: boolean; summary: boolean }
): string {
  const { error, warning } = built.result.counts
  const counts = `${error} error${error === 1 ? '' : 's'} and ${warning} warning${warning === 1 ? '' : 's'}`
  const zip = built.zip ? 'the zip was written' : 'no zip was written'
  const places = [
    'the log above',
    ...(listedIn.annotations ? ['the annotations'] : []),
    ...(listedIn.summary ? ['the job summary'] : [])
  ]
  const where =
    places.length > 1 ? `${places.slice(0, -1).join(', ')} and ${places.at(-1)}` : places[0]
  return (
    `H5 offline package ${built.result.pkg.id ?? '(no ID)'}: ${counts} (fail-on: ${failOn}); ${zip}. ` +
    `${where[0]!.toUpperCase()}${where.slice(1)} list the findings.`
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
