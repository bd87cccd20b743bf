import type { Counts, FailOn, Finding } from '../core/findings.js'
import { isFailing } from '../core/findings.js'
import { annotationText } from './annotations.js'
import type { RunContext } from './context.js'
import { apiMessage, statusOf, type Octokit } from './github.js'
import type { AnnotationTarget } from './paths.js'

/** The check run's name; distinctive, because GITHUB_TOKEN check runs land in an arbitrary check suite. */
export const CHECK_NAME = 'H5 offline package'
/** The Checks API takes at most 50 annotations per request; later requests append. */
export const ANNOTATIONS_PER_REQUEST = 50
/** `output.summary` and `output.text` each allow at most 65,535 characters (a 422 otherwise). */
export const CHECK_SUMMARY_LIMIT = 65_535
const MESSAGE_LIMIT = 4_000
const TITLE_LIMIT = 255

export type Conclusion = 'success' | 'failure' | 'neutral'

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'failure' | 'warning' | 'notice'
  title: string
  message: string
}

export interface CheckRunPlan {
  conclusion: Conclusion
  title: string
  summary: string
  annotations: CheckAnnotation[]
}

/** failure when fail-on fails the step; success with no errors and no warnings; neutral otherwise. */
export function conclusionFor(counts: Counts, failOn: FailOn): Conclusion {
  if (isFailing(counts, failOn)) return 'failure'
  return counts.error + counts.warning === 0 ? 'success' : 'neutral'
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const

/**
 * Every finding as a check-run annotation. The Checks API requires a path: findings about the whole package (or
 * a package outside the workspace) are put on the package's own path (`.` when it is outside the repository).
 */
export function planCheckRun(input: {
  findings: readonly Finding[]
  counts: Counts
  failOn: FailOn
  /** The step fails whatever the findings (a failed upload): one verdict on the check run and in its summary. */
  failed?: boolean
  summary: string
  fileOf(f: Finding): AnnotationTarget
  packageLabel: string
}): CheckRunPlan {
  const { counts } = input
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`
  const title = clip(
    `${input.packageLabel}: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.notice, 'notice')}`,
    TITLE_LIMIT
  )
  return {
    conclusion: input.failed ? 'failure' : conclusionFor(counts, input.failOn),
    title,
    summary: clip(input.summary, CHECK_SUMMARY_LIMIT),
    annotations: input.findings.map((f) => toCheckAnnotation(f, input.fileOf(f)))
  }
}

function toCheckAnnotation(f: Finding, { file, own }: AnnotationTarget): CheckAnnotation {
  const line = own && file && f.line !== undefined ? Math.max(1, f.line) : 1
  const message = annotationText(f, { file, own })
  const a: CheckAnnotation = {
    path: file ?? '.',
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[f.severity],
    title: clip(f.rule, TITLE_LIMIT),
    message: clip(message, MESSAGE_LIMIT)
  }
  // Columns are allowed only on a one-line range.
  if (own && file && f.line !== undefined && f.column !== undefined) {
    a.start_column = Math.max(1, f.column)
    a.end_column = a.start_column
  }
  return a
}

export interface PostedCheckRun {
  id: number
  url: string
  requests: number
}

/**
 * Creates the check run on the head commit with the first 50 annotations (in progress), appends the rest 50 at a
 * time with `checks.update`, and completes it with the conclusion on the last request. Throws on any API error,
 * with the check run (if created) completed as well as the error allows.
 */
export async function postCheckRun(
  octokit: Octokit,
  ctx: RunContext,
  plan: CheckRunPlan
): Promise<PostedCheckRun> {
  const { owner, repo } = ctx.repo!
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < plan.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(plan.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  if (!batches.length) batches.push([])
  const output = (annotations: CheckAnnotation[]) => ({
    title: plan.title,
    summary: plan.summary,
    ...(annotations.length && { annotations })
  })
  const done = (last: boolean) =>
    last
      ? {
          status: 'completed' as const,
          conclusion: plan.conclusion,
          completed_at: new Date().toISOString()
        }
      : { status: 'in_progress' as const }

  const created = await octokit.rest.checks.create({
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: ctx.headSha!,
    ...done(batches.length === 1),
    output: output(batches[0])
  })
  const id = created.data.id
  let requests = 1
  try {
    for (let i = 1; i < batches.length; i++) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        ...done(i === batches.length - 1),
        output: output(batches[i])
      })
      requests++
    }
  } catch (e) {
    // Do not leave a check run spinning: complete it, saying the annotations are incomplete.
    await octokit.rest.checks
      .update({
        owner,
        repo,
        check_run_id: id,
        status: 'completed',
        conclusion: plan.conclusion,
        output: {
          title: plan.title,
          summary: clip(
            `Not every annotation could be posted (${apiMessage(e)}); the job summary lists every finding.\n\n${plan.summary}`,
            CHECK_SUMMARY_LIMIT
          )
        }
      })
      .catch(() => undefined)
    throw e
  }
  return { id, url: created.data.html_url ?? '', requests }
}

/** Why a check run could not be posted, in words a workflow author can act on. */
export function explainCheckRunError(e: unknown): string {
  const status = statusOf(e)
  const what = apiMessage(e)
  if (status === 403)
    return (
      `the token may not create check runs (${what}): add \`permissions: checks: write\` to the job; pull ` +
      'requests from forks and Dependabot get a read-only token whatever the workflow says'
    )
  if (status === 404)
    return `the API did not find the repository or the commit (${what}): github-token may be a token for another repository`
  if (status === 401) return `the token was refused (${what}): check the github-token input`
  return `the Checks API failed (${what})`
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const note = '\n… (cut: see the job summary)'
  return s.slice(0, max - note.length) + note
}
