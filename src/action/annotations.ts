import * as core from '@actions/core'
import type { Counts, Finding, Severity } from '../core/findings.js'
import { fixFor, formatMessage, location, ruleDocsUrl } from '../report/messages.js'
import { inActionTerms } from './inputs.js'
import { visible } from '../report/text.js'
import type { AnnotationTarget } from './paths.js'

/** The runner shows at most this many annotations of each severity per step and drops the rest silently. */
export const ANNOTATIONS_PER_SEVERITY = 10

export interface Annotation {
  level: Severity
  message: string
  properties: core.AnnotationProperties
}

export interface AnnotationPlan {
  annotations: Annotation[]
  /** Findings left out because of the per-step limit, by severity. */
  omitted: Counts
}

export interface PlanOptions {
  /** Where to attach the finding in the repository. */
  fileOf(f: Finding): AnnotationTarget
  /** Slots the Action's own messages will take (the failure message is an error, a skipped upload a notice). */
  reserved?: Partial<Counts>
  /** Where the complete list is, for the "N more" notice. */
  completeListIn: string
}

/**
 * Errors first, at most 10 of each severity, minus the slots the Action needs for itself; when findings are left
 * out, one notice says how many and where to find them, and that notice's slot is kept free too.
 */
export function planAnnotations(findings: readonly Finding[], opts: PlanOptions): AnnotationPlan {
  const by: Record<Severity, Finding[]> = { error: [], warning: [], notice: [] }
  for (const f of findings) by[f.severity].push(f)
  const budget = (s: Severity) => Math.max(0, ANNOTATIONS_PER_SEVERITY - (opts.reserved?.[s] ?? 0))
  const overflow = (['error', 'warning', 'notice'] as const).some((s) => by[s].length > budget(s))
  const limit: Counts = {
    error: budget('error'),
    warning: budget('warning'),
    notice: Math.max(0, budget('notice') - (overflow ? 1 : 0))
  }
  const annotations: Annotation[] = []
  const omitted: Counts = { error: 0, warning: 0, notice: 0 }
  for (const level of ['error', 'warning', 'notice'] as const) {
    by[level].forEach((f, i) => {
      if (i < limit[level]) annotations.push(toAnnotation(f, opts.fileOf(f)))
      else omitted[level]++
    })
  }
  const more = omitted.error + omitted.warning + omitted.notice
  if (more > 0) {
    const parts = (['error', 'warning', 'notice'] as const)
      .filter((s) => omitted[s] > 0)
      .map((s) => `${omitted[s]} ${s}${omitted[s] === 1 ? '' : 's'}`)
    annotations.push({
      level: 'notice',
      message:
        `${more} more finding${more === 1 ? ' is' : 's are'} not shown as annotations (${parts.join(', ')}): ` +
        `a step shows at most ${ANNOTATIONS_PER_SEVERITY} errors, ${ANNOTATIONS_PER_SEVERITY} warnings and ` +
        `${ANNOTATIONS_PER_SEVERITY} notices. ${opts.completeListIn} lists every finding.`,
      properties: { title: 'More findings' }
    })
  }
  return { annotations, omitted }
}

function toAnnotation(f: Finding, { file, own }: AnnotationTarget): Annotation {
  const properties: core.AnnotationProperties = { title: f.rule }
  if (file) properties.file = file
  // The toolkit drops falsy values, and the runner counts from 1.
  if (file && own && f.line !== undefined) {
    properties.startLine = Math.max(1, f.line)
    if (f.column !== undefined) properties.startColumn = Math.max(1, f.column)
  }
  return { level: f.severity, message: annotationText(f, { file, own }), properties }
}

/**
 * A finding's annotation text, for the step and the check run alike: where (unless the annotation sits on the
 * finding's own line), the message and the fix in the Action's terms, and the rule's page. File names are shown
 * with control and bidi characters made visible; the toolkit or the API escapes the rest.
 */
export function annotationText(f: Finding, { file, own }: AnnotationTarget): string {
  const where = f.path && !(own && file) ? `${visible(location(f))}: ` : ''
  return [
    `${where}${visible(inActionTerms(formatMessage(f)))}`,
    inActionTerms(fixFor(f.rule)),
    ruleDocsUrl(f.rule)
  ]
    .filter(Boolean)
    .join('\n')
}

export function emitAnnotations(plan: AnnotationPlan): void {
  for (const a of plan.annotations) core[a.level](a.message, a.properties)
}
