import type { Counts } from '../core/findings.js'
import { formatBytes, formatDelta, formatPercent } from '../diff/format.js'
import type { RunContext } from './context.js'
import { apiMessage, statusOf, type Octokit } from './github.js'
import { md } from './summary.js'

/** The hidden marker that finds our comment again, so each run updates one comment instead of adding one. */
export const COMMENT_MARKER = '<!-- h5-offline-action -->'
/** An issue comment holds at most 65,536 characters. */
const COMMENT_LIMIT = 65_000

/** A second marker per package, so a matrix of packages keeps one comment each. */
export function packageMarker(packageId: string | undefined): string {
  return `<!-- h5-offline-action package=${(packageId ?? 'none').replace(/[^A-Za-z0-9_.-]/g, '_')} -->`
}

export interface CommentInput {
  packageId?: string
  failed: boolean
  counts: Counts
  zip?: { bytes: number; sha256: string }
  /** The diff against `compare-to`, in Markdown, and the zip size before. */
  diff?: { markdown: string; oldBytes: number; baseline: string }
  /** Why there is no diff, when compare-to was given. */
  noDiff?: string
  runUrl?: string
  checkRunUrl?: string
}

export function commentBody(c: CommentInput): string {
  const id = c.packageId ? md(c.packageId) : '(no ID)'
  const { error, warning, notice } = c.counts
  const verdict = c.failed
    ? `❌ H5 offline package ${id}: failed`
    : error + warning
      ? `⚠️ H5 offline package ${id}: passed with ${error ? 'errors' : 'warnings'}`
      : `✅ H5 offline package ${id}: passed`
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`
  const lines = [COMMENT_MARKER, packageMarker(c.packageId), `### ${verdict}`, '']
  lines.push(`${n(error, 'error')}, ${n(warning, 'warning')}, ${n(notice, 'notice')}.`, '')
  if (c.zip) {
    let size = `Zip: **${formatBytes(c.zip.bytes)}** (${c.zip.bytes.toLocaleString('en-US')} bytes)`
    if (c.diff) {
      const delta = c.zip.bytes - c.diff.oldBytes
      const pct = formatPercent(delta, c.diff.oldBytes)
      size += `, ${formatDelta(delta)}${pct ? ` (${pct})` : ''} against ${md(c.diff.baseline)}`
    }
    lines.push(size, '')
  } else {
    lines.push('No zip was written.', '')
  }
  if (c.noDiff) lines.push(`_No diff: ${md(c.noDiff)}_`, '')
  const links = [
    c.checkRunUrl && `[check run](${c.checkRunUrl})`,
    c.runUrl && `[workflow run and job summary](${c.runUrl})`
  ].filter(Boolean)
  const tail = links.length ? `\n${links.join(' · ')}\n` : ''
  let body = lines.join('\n') + '\n'
  if (c.diff) {
    const room = COMMENT_LIMIT - body.length - tail.length - 100
    body +=
      c.diff.markdown.length <= room
        ? c.diff.markdown
        : `${c.diff.markdown.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, '')}\n\n_The diff is cut here; the job summary has it whole._\n`
  }
  return body + tail
}

export interface PostedComment {
  action: 'created' | 'updated'
  id: number
  url: string
}

/**
 * Finds our comment with both markers on the pull request (paging through every comment) and updates it, or
 * creates it. Throws on an API error. The markers are no proof: anyone can paste them into a comment, which must
 * not then be overwritten. So only a comment written by a bot (GITHUB_TOKEN and app tokens comment as one) is
 * taken over, or, for a personal token, one by the token's own user: asked for (`GET /user`) only when a comment
 * with the markers was written by a user, and refused to app tokens, which then post a new comment.
 */
export async function upsertComment(
  octokit: Octokit,
  ctx: RunContext,
  body: string,
  packageId: string | undefined
): Promise<PostedComment> {
  const { owner, repo } = ctx.repo!
  const issue_number = ctx.pullRequest!.number
  const mine = packageMarker(packageId)
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number,
    per_page: 100
  })
  const marked = comments.filter((c) => c.body?.includes(COMMENT_MARKER) && c.body.includes(mine))
  let existing = marked.find((c) => c.user?.type === 'Bot')
  if (!existing && marked.some((c) => c.user?.type === 'User')) {
    const self = await octokit.rest.users.getAuthenticated().then(
      (res) => res.data.login,
      () => undefined
    )
    if (self) existing = marked.find((c) => c.user?.type === 'User' && c.user.login === self)
  }
  if (existing) {
    const res = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body
    })
    return { action: 'updated', id: res.data.id, url: res.data.html_url }
  }
  const res = await octokit.rest.issues.createComment({ owner, repo, issue_number, body })
  return { action: 'created', id: res.data.id, url: res.data.html_url }
}

export function explainCommentError(e: unknown): string {
  if (statusOf(e) === 403)
    return (
      `the token may not comment (${apiMessage(e)}): add \`permissions: pull-requests: write\` to the job; pull ` +
      'requests from forks and Dependabot get a read-only token'
    )
  return `the API failed (${apiMessage(e)})`
}
