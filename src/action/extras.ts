import * as core from '@actions/core'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FailOn, Finding } from '../core/findings.js'
import { writeFileAtomic } from '../core/output-path.js'
import { sourceDateEpoch } from '../core/source-date.js'
import {
  deltaNotes,
  diffToJson,
  diffZips,
  formatDiffMarkdown,
  writeDeltaZip,
  type DeltaZip,
  type PackageDiff
} from '../diff/index.js'
import {
  omittedMessage,
  repositoryRoot,
  sarifLocator,
  sarifOmitted,
  toSarif
} from '../report/sarif.js'
import { plural } from '../report/text.js'
import { postCheckRun, planCheckRun, explainCheckRunError, CHECK_NAME } from './checks.js'
import { commentBody, explainCommentError, upsertComment } from './comment.js'
import { fetchBaseline, parseCompareTo } from './compare.js'
import { releaseTag, runUrl, type RunContext } from './context.js'
import { githubClient, type Octokit } from './github.js'
import type { ActionInputs } from './inputs.js'
import type { BuiltPackage } from './package.js'
import type { AnnotationTarget } from './paths.js'
import { md } from './summary.js'
import { findRelease, ReleaseError, uploadReleaseAssets, type AssetFile } from './release.js'

/**
 * The pull-request and release extras around the core pipeline: SARIF, the diff against `compare-to`, the check
 * run, the sticky comment and the release assets. None of the reports can fail the step: what cannot be posted
 * becomes a notice (collected here and emitted by main after the findings' annotations, whose slots it reserves).
 * Only the release upload, which is a deliverable, fails the step when it fails.
 */

export interface OwnNotice {
  title: string
  message: string
}

export class Notices {
  readonly list: OwnNotice[] = []
  add(title: string, message: string): void {
    this.list.push({ title, message })
    core.info(`${title}: ${message}`)
  }
}

/** One lazily created API client for the run, or the reason there is none. */
export class GitHubSession {
  private client?: Promise<Octokit>
  constructor(
    private readonly inputs: ActionInputs,
    readonly ctx: RunContext
  ) {}

  /** Why the API cannot be used here (no token, not on a runner, no repository), or undefined when it can. */
  unavailable(): string | undefined {
    if (!this.inputs.githubToken) return 'github-token is empty'
    if (!this.ctx.apiUrl) return 'GITHUB_API_URL is not set (not running on a GitHub runner?)'
    if (!this.ctx.repo) return 'GITHUB_REPOSITORY is not set'
    return undefined
  }

  octokit(): Promise<Octokit> {
    this.client ??= githubClient(this.inputs.githubToken!, this.ctx.apiUrl!)
    return this.client
  }
}

/** Writes the SARIF file; returns a note when it had to leave findings out (see SARIF_MAX_RESULTS). */
export async function writeSarif(
  built: BuiltPackage,
  file: string,
  location: string,
  workspace: string
): Promise<string | undefined> {
  const root = repositoryRoot(location, workspace)
  const sarif = toSarif(built.result.findings, {
    root,
    locate: sarifLocator(built.result.pkg, location, built.sourceKind, root)
  })
  // A folder that does not exist yet is made, as for `output`.
  await fs.mkdir(path.dirname(file), { recursive: true })
  await writeFileAtomic(file, JSON.stringify(sarif, null, 2) + '\n')
  const omitted = sarifOmitted(built.result.findings.length)
  return omitted > 0 ? omittedMessage(built.result.findings.length, omitted) : undefined
}

export type DiffOutcome =
  | { status: 'diffed'; diff: PackageDiff; markdown: string; jsonPath: string; baseline: string }
  | { status: 'skipped'; reason: string }

/** The diff of the new zip against `compare-to`, written as `<zip>.diff.json` next to the zip. */
export async function compareWithBaseline(
  built: BuiltPackage,
  inputs: ActionInputs,
  gh: GitHubSession,
  workspace: string,
  tempDir: string,
  maxBytes: number
): Promise<DiffOutcome> {
  if (!built.zip) return { status: 'skipped', reason: 'no zip was written to compare' }
  const spec = parseCompareTo(inputs.compareTo!, workspace)
  const baseline = await fetchBaseline(spec, {
    ctx: gh.ctx,
    tempDir,
    token: inputs.githubToken,
    octokit: async () => (gh.unavailable() ? undefined : gh.octokit()),
    maxBytes
  })
  if (baseline.status === 'skipped') return baseline
  let diff: PackageDiff
  try {
    diff = await diffZips(baseline.path, built.zip.path)
  } catch (e) {
    return {
      status: 'skipped',
      reason: `${baseline.label} could not be read as a zip: ${(e as Error).message}`
    }
  } finally {
    // Only the diff reads the baseline (the delta zip is made from the new zip); RUNNER_TEMP outlives the step.
    if (baseline.tempDir) await fs.rm(baseline.tempDir, { recursive: true, force: true })
  }
  diff.old.path = baseline.label
  const jsonPath = `${built.zip.path.replace(/\.zip$/i, '')}.diff.json`
  await fs.writeFile(jsonPath, JSON.stringify(diffToJson(diff), null, 2) + '\n')
  return {
    status: 'diffed',
    diff,
    markdown: formatDiffMarkdown(diff),
    jsonPath,
    baseline: baseline.label
  }
}

/** The incremental zip (`delta-out`): needs a diff; a failure to write it fails the step (the user asked for a file). */
export async function writeDelta(
  built: BuiltPackage,
  inputs: ActionInputs,
  diff: DiffOutcome | undefined,
  notices: Notices
): Promise<DeltaZip | undefined> {
  if (!inputs.deltaOut) return undefined
  if (!diff || diff.status !== 'diffed' || !built.zip) {
    notices.add(
      'No delta zip',
      `delta-out: nothing written, ${!inputs.compareTo ? 'it needs compare-to (the package to make the delta from)' : diff?.status === 'skipped' ? `there is no diff (${diff.reason})` : 'no zip was written'}.`
    )
    return undefined
  }
  const delta = await writeDeltaZip(
    built.zip.path,
    diff.diff,
    inputs.deltaOut,
    sourceDateEpoch(process.env)
  )
  const { notes, warning } = deltaNotes(delta)
  core.info(
    `Delta zip ${delta.path}: ${plural(delta.files, 'added or changed file')}, ${plural(delta.removed, 'path')} in removed.txt` +
      notes.map((n) => `; ${n}`).join('')
  )
  if (warning) core.warning(`delta-out: ${warning}.`)
  return delta
}

export type CheckOutcome =
  | { status: 'posted'; url: string; annotations: number; requests: number }
  | { status: 'skipped' }
  | { status: 'failed'; reason: string }

/**
 * The check run with every finding, where the token may write checks. `auto` skips quietly where there is no API
 * to talk to (not a runner, no token); a fork pull request is skipped with a notice, as its token is read-only.
 */
export async function reportCheckRun(args: {
  built: BuiltPackage
  inputs: ActionInputs
  gh: GitHubSession
  failOn: FailOn
  /** The step fails for another reason than the findings (the artifact upload): the check run says so too. */
  failed: boolean
  summary: string
  fileOf(f: Finding): AnnotationTarget
  notices: Notices
}): Promise<CheckOutcome> {
  const { inputs, gh, notices } = args
  if (inputs.checkRun === false) return { status: 'skipped' }
  const why = gh.unavailable() ?? (gh.ctx.headSha ? undefined : 'GITHUB_SHA is not set')
  if (why) {
    if (inputs.checkRun === true)
      notices.add(
        'No check run',
        `check-run: true, but ${why}; findings are annotated from the step instead.`
      )
    return { status: 'skipped' }
  }
  if (gh.ctx.pullRequest?.fork) {
    const reason =
      'this pull request comes from a fork, and its token is read-only (checks: write cannot be granted)'
    notices.add(
      'No check run',
      `${reason}; the findings are annotated from the step (at most 10 per severity) and listed in full in the job summary.`
    )
    return { status: 'failed', reason }
  }
  const pkg = args.built.result.pkg
  const plan = planCheckRun({
    findings: inputs.annotations ? args.built.result.findings : [],
    counts: args.built.result.counts,
    failOn: args.failOn,
    failed: args.failed,
    summary: args.summary,
    fileOf: args.fileOf,
    packageLabel: `Package ${pkg.id ?? '(no ID)'}`
  })
  try {
    const posted = await postCheckRun(await gh.octokit(), gh.ctx, plan)
    core.info(
      `Check run "${CHECK_NAME}" posted with ${plan.annotations.length} annotation${plan.annotations.length === 1 ? '' : 's'} in ${posted.requests} request${posted.requests === 1 ? '' : 's'}${posted.url ? `: ${posted.url}` : ''}`
    )
    return {
      status: 'posted',
      url: posted.url,
      annotations: plan.annotations.length,
      requests: posted.requests
    }
  } catch (e) {
    const reason = explainCheckRunError(e)
    notices.add(
      'No check run',
      `The check run could not be posted: ${reason}. The findings are annotated from the step instead (at most 10 per severity); the job summary lists them all.`
    )
    return { status: 'failed', reason }
  }
}

export type CommentOutcome =
  | { status: 'posted'; action: 'created' | 'updated'; url: string }
  | { status: 'skipped' }

/** The sticky comment on a pull request: one per package, updated in place on every run. */
export async function reportComment(args: {
  built: BuiltPackage
  inputs: ActionInputs
  gh: GitHubSession
  failed: boolean
  diff?: DiffOutcome
  checkRunUrl?: string
  notices: Notices
}): Promise<CommentOutcome> {
  const { inputs, gh, notices } = args
  if (inputs.prComment === false) return { status: 'skipped' }
  if (!gh.ctx.pullRequest) {
    if (inputs.prComment === true)
      notices.add('No comment', 'pr-comment: true, but this run is not for a pull request.')
    return { status: 'skipped' }
  }
  const why = gh.unavailable()
  if (why) {
    if (inputs.prComment === true) notices.add('No comment', `pr-comment: true, but ${why}.`)
    return { status: 'skipped' }
  }
  if (gh.ctx.pullRequest.fork) {
    notices.add(
      'No comment',
      'This pull request comes from a fork, and its token is read-only: no comment was posted. The job summary has the same report.'
    )
    return { status: 'skipped' }
  }
  const { result, zip } = args.built
  const body = commentBody({
    packageId: result.pkg.id,
    failed: args.failed,
    counts: result.counts,
    zip,
    ...(args.diff?.status === 'diffed' && {
      diff: {
        markdown: args.diff.markdown,
        oldBytes: args.diff.diff.old.bytes,
        baseline: args.diff.baseline
      }
    }),
    ...(args.diff?.status === 'skipped' && { noDiff: args.diff.reason }),
    runUrl: runUrl(gh.ctx),
    checkRunUrl: args.checkRunUrl
  })
  try {
    const posted = await upsertComment(await gh.octokit(), gh.ctx, body, result.pkg.id)
    core.info(`Pull request comment ${posted.action}: ${posted.url}`)
    return { status: 'posted', action: posted.action, url: posted.url }
  } catch (e) {
    notices.add(
      'No comment',
      `The pull request comment could not be posted: ${explainCommentError(e)}.`
    )
    return { status: 'skipped' }
  }
}

export type ReleaseOutcome =
  | {
      status: 'uploaded'
      tag: string
      assets: Array<{ name: string; url: string; replaced: boolean }>
    }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; message: string }

/** The zip, the JSON report and the diff as assets of the release. A failure fails the step. */
export async function uploadToRelease(args: {
  built: BuiltPackage
  inputs: ActionInputs
  gh: GitHubSession
  reportPath: string
  diffPath?: string
  notices: Notices
}): Promise<ReleaseOutcome> {
  const { built, gh, notices } = args
  if (!releaseTag(gh.ctx)) {
    const reason = 'this run is neither for a release event nor for a push of a v* tag'
    notices.add('No release upload', `release-upload: true, but ${reason}; nothing was attached.`)
    return { status: 'skipped', reason }
  }
  if (!built.zip) return { status: 'skipped', reason: 'no zip was written' }
  const why = gh.unavailable()
  if (why) return { status: 'failed', message: `Cannot upload to the release: ${why}.` }
  const files: AssetFile[] = [
    { path: built.zip.path, contentType: 'application/zip' },
    { path: args.reportPath, contentType: 'application/json' },
    ...(args.diffPath ? [{ path: args.diffPath, contentType: 'application/json' }] : [])
  ]
  try {
    const octokit = await gh.octokit()
    const release = await findRelease(octokit, gh.ctx)
    const assets = await uploadReleaseAssets(octokit, gh.ctx, release, files, args.inputs.overwrite)
    for (const a of assets)
      core.info(
        `Attached ${a.name} to release ${release.tag_name}${a.replaced ? ' (replaced)' : ''}: ${a.url}`
      )
    return { status: 'uploaded', tag: release.tag_name, assets }
  } catch (e) {
    if (e instanceof ReleaseError) return { status: 'failed', message: e.message }
    return { status: 'failed', message: `Release upload failed: ${(e as Error).message}` }
  }
}

/**
 * The job summary's sections after the findings: the diff, then where the check run, comment and assets are. The
 * check run's summary has the diff only: it is posted before the comment and the assets.
 */
export function extraSections(
  diff: DiffOutcome | undefined,
  check?: CheckOutcome,
  comment?: CommentOutcome,
  release?: ReleaseOutcome
): string {
  const out: string[] = []
  if (diff?.status === 'diffed')
    out.push(`_Compared with ${md(diff.baseline)}._`, '', diff.markdown)
  else if (diff) out.push(`_No diff: ${md(diff.reason)}._`, '')
  const links: string[] = []
  if (check?.status === 'posted')
    links.push(
      `Check run: ${check.url ? `[H5 offline package](${check.url})` : 'H5 offline package'} (${check.annotations} annotation${check.annotations === 1 ? '' : 's'})`
    )
  else if (check?.status === 'failed') links.push(`Check run: not posted, ${md(check.reason)}`)
  if (comment?.status === 'posted')
    links.push(`Pull request comment: [${comment.action}](${comment.url})`)
  if (release?.status === 'uploaded')
    links.push(
      `Release ${md(release.tag)}: ${release.assets.map((a) => `[${md(a.name)}](${a.url})`).join(', ')}`
    )
  else if (release)
    links.push(
      `Release upload: ${md(release.status === 'failed' ? release.message : release.reason)}`
    )
  if (links.length) out.push('', ...links.map((l) => `- ${l}`), '')
  return out.join('\n')
}
