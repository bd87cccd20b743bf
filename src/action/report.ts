import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import type { Counts, FailOn } from '../core/findings.js'
import { toJsonReport } from '../report/json.js'
import { formatText } from '../report/text.js'
import { emitAnnotations, planAnnotations } from './annotations.js'
import type { UploadOutcome } from './artifact.js'
import { reportPathFor, type BuiltPackage } from './package.js'
import { relativeToWorkspace, sourceFileResolver } from './paths.js'
import { buildSummary, SUMMARY_LIMIT_BYTES } from './summary.js'

/** The CLI's JSON report (`--format json`), next to the zip, or where the zip would have been. */
export async function writeJsonReport(built: BuiltPackage): Promise<string> {
  const reportPath = reportPathFor(built.target)
  const report = toJsonReport({ ...built.result, zip: built.zip && { ...built.zip, byType: {} } })
  await fs.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n')
  return reportPath
}

/**
 * The CLI's text report in the log, inside `::stop-commands::` so that no file name in it can be read as a
 * workflow command (the runner trims leading spaces before looking for `::`).
 */
export function logFindings(built: BuiltPackage, failOn: FailOn): void {
  const { counts } = built.result
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`
  core.startGroup(
    `Findings: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.notice, 'notice')}`
  )
  const token = randomBytes(16).toString('hex')
  core.info(`::stop-commands::${token}`)
  const zip = built.zip && { ...built.zip, byType: {} }
  core.info(formatText({ ...built.result, zip }, { color: false, failOn }).trimEnd())
  core.info(`::${token}::`)
  core.endGroup()
}

export interface AnnotateOptions {
  location: string
  workspace: string
  /** Slots the step's own messages take (its failure is an error, a skipped upload a notice). */
  reserved: Partial<Counts>
  /** Whether there is a job summary to point at for the complete list. */
  hasSummary: boolean
}

export function annotate(built: BuiltPackage, opts: AnnotateOptions): void {
  const fileOf = sourceFileResolver(
    built.result.pkg,
    opts.location,
    built.sourceKind,
    opts.workspace
  )
  const completeListIn = opts.hasSummary ? 'The job summary' : 'The step log'
  emitAnnotations(
    planAnnotations(built.result.findings, { fileOf, reserved: opts.reserved, completeListIn })
  )
}

export interface SummaryOptions {
  version?: string
  failOn: FailOn
  failed: boolean
  artifact: UploadOutcome
  reportPath: string
  workspace: string
  /** Sections after the findings (the diff, links to the check run, comment and release). */
  extra?: string
}

export async function writeJobSummary(
  file: string,
  built: BuiltPackage,
  opts: SummaryOptions
): Promise<void> {
  await fs.appendFile(file, summaryMarkdown(built, opts))
}

/** The job summary's Markdown, within `limit` bytes with the extra sections; also the check run's summary. */
export function summaryMarkdown(
  built: BuiltPackage,
  opts: SummaryOptions,
  limit = SUMMARY_LIMIT_BYTES
): string {
  const extra = opts.extra ? `\n${opts.extra.trimEnd()}\n` : ''
  const room = limit - Buffer.byteLength(extra)
  const summary = buildSummary(
    {
      outcome: built.result,
      version: opts.version,
      failOn: opts.failOn,
      failed: opts.failed,
      zip: built.zip,
      notWritten: built.notWritten,
      byType: built.byType,
      reportPath: relativeToWorkspace(opts.reportPath, opts.workspace) ?? opts.reportPath,
      artifact: opts.artifact
    },
    room
  )
  return summary + extra
}
