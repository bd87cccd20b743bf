import path from 'node:path'
import { z } from 'zod'
import {
  configSchema,
  mergeConfigInputs,
  parseConfig,
  type ConfigInput,
  type ResolvedConfig
} from '../core/config.js'
import { findConfigFile, readConfigFile } from '../core/config-file.js'
import { UsageError } from '../core/errors.js'
import { separatorHint } from '../core/output-path.js'
import { parseRuleSettings } from '../core/rule-settings.js'

/**
 * Every input of action.yml. Inputs arrive as strings (`INPUT_<NAME>`, hyphens kept); one schema turns them into
 * the engine's configuration plus the Action's own options, and names the input in every error.
 */
export const INPUT_NAMES = [
  'path',
  'package-type',
  'package-id',
  'app-id',
  'workspace',
  'environment',
  'host',
  'prefix',
  'bucket',
  'main-entry',
  'version',
  'config',
  'rules',
  'include',
  'exclude',
  'check-references',
  'global-package',
  'keep-junk',
  'allow-sensitive',
  'fail-on',
  'output',
  'upload-artifact',
  'artifact-name',
  'retention-days',
  'overwrite',
  'upload-timeout',
  'annotations',
  'github-token',
  'check-run',
  'sarif',
  'compare-to',
  'pr-comment',
  'size-budget',
  'release-upload',
  'delta-out'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** The input that sets each configuration key, so an engine error names what the user wrote in `with:`. */
export const INPUT_FOR_KEY: Readonly<Record<string, InputName>> = {
  type: 'package-type',
  id: 'package-id',
  appId: 'app-id',
  workspace: 'workspace',
  environment: 'environment',
  host: 'host',
  prefix: 'prefix',
  bucket: 'bucket',
  mainEntry: 'main-entry',
  version: 'version',
  rules: 'rules',
  include: 'include',
  exclude: 'exclude',
  checkReferences: 'check-references',
  globalPackage: 'global-package',
  keepJunk: 'keep-junk',
  allowSensitive: 'allow-sensitive',
  failOn: 'fail-on',
  budgets: 'size-budget'
}

/** The CLI flags engine messages mention, and the inputs that do the same here. */
const INPUT_FOR_FLAG: Readonly<Record<string, string>> = {
  '--id': 'package-id',
  '--app-id': 'app-id',
  '--workspace': 'workspace',
  '--host': 'host',
  '--rule': 'rules',
  '--no-refs': 'check-references: false',
  '--main-entry': 'main-entry',
  '--force': 'fail-on: never',
  '--global-package': 'global-package',
  '--allow-sensitive': 'allow-sensitive',
  '--keep-junk': 'keep-junk',
  '--type': 'package-type',
  '--prefix': 'prefix',
  '--bucket': 'bucket',
  // Settings without an input: the config file's key.
  '--version-dir': '"versionDir" in the config file',
  '--info-plist': '"infoPlist" in the config file',
  '--layout': '"layout" in the config file',
  '--entry-dir': '"entryDir" in the config file'
}

/**
 * Engine text (a finding's message, a rule's fix) in the Action's terms: the CLI flags it mentions become the
 * inputs (or config keys) that do the same, so an annotation does not ask for a flag the step has no way to pass.
 */
export function inActionTerms(text: string): string {
  return text.replace(/--[a-z][a-z-]*/g, (flag) =>
    Object.hasOwn(INPUT_FOR_FLAG, flag) ? INPUT_FOR_FLAG[flag]! : flag
  )
}

const shape = configSchema.shape
const enumOf = <T extends string>(s: { unwrap(): { options: readonly T[] } }) => s.unwrap().options

/** Empty means "not given": the config file or the engine default applies. */
const optionalText = z.string().transform((s) => (s === '' ? undefined : s))

function oneOf<T extends string>(values: readonly T[]) {
  return z.string().transform((s, ctx): T | undefined => {
    if (s === '') return undefined
    if ((values as readonly string[]).includes(s)) return s as T
    ctx.addIssue({ code: 'custom', message: `expected one of ${values.join('|')}, got "${s}"` })
    return z.NEVER
  })
}

/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` takes them. */
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']
const bool = z.string().transform((s, ctx): boolean | undefined => {
  if (s === '') return undefined
  if (TRUE.includes(s)) return true
  if (FALSE.includes(s)) return false
  ctx.addIssue({ code: 'custom', message: `expected true or false, got "${s}"` })
  return z.NEVER
})

/** One item per line; blank lines and `#` comments are skipped. */
const lines = z.string().transform((s) => {
  const items = s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  return items.length ? items : undefined
})

const ruleLines = lines.transform((items, ctx) => {
  if (!items) return undefined
  try {
    return parseRuleSettings(items, 'rules')
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^rules: /, '') })
    return z.NEVER
  }
})

const retentionDays = z.string().transform((s, ctx): number | undefined => {
  if (s === '' || s === '0') return undefined
  if (/^\d+$/.test(s) && Number(s) <= 400) return Number(s)
  ctx.addIssue({
    code: 'custom',
    message: `expected a whole number of days from 1 to 400 (0 for the repository's default), got "${s}"`
  })
  return z.NEVER
})

/** The longest `upload-timeout`: 5 days, the longest a job may run (on a self-hosted runner). */
export const MAX_UPLOAD_TIMEOUT = 432_000
/** The default of `upload-timeout`, as action.yml states it. */
export const DEFAULT_UPLOAD_TIMEOUT = 600
/**
 * Seconds, a whole number from 1. Empty (e.g. `${{ vars.UPLOAD_TIMEOUT }}` with the variable unset, or a run
 * outside a runner) means the default, as for every other input.
 */
const uploadTimeout = z.string().transform((s, ctx): number => {
  if (s === '') return DEFAULT_UPLOAD_TIMEOUT
  if (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= MAX_UPLOAD_TIMEOUT) return Number(s)
  ctx.addIssue({
    code: 'custom',
    message:
      `expected a whole number of seconds from 1 to ${MAX_UPLOAD_TIMEOUT} (the default is ${DEFAULT_UPLOAD_TIMEOUT}), got "${s}"; ` +
      'set e.g. `upload-timeout: 1200`, or leave it out'
  })
  return z.NEVER
})

/** Characters the artifact service refuses in a name. */
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\r\n\\/]/
const artifactName = z.string().transform((s, ctx): string | undefined => {
  if (s === '') return undefined
  const name = s.replace(/\.zip$/i, '')
  if (name === '' || ARTIFACT_NAME_FORBIDDEN.test(name)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" is not a valid artifact name: it may not be empty or contain " : < > | * ? \\ / or line breaks`
    })
    return z.NEVER
  }
  return name
})

/** `auto`, `true` or `false` (the YAML spellings of the booleans too). */
const autoBool = z.string().transform((s, ctx): 'auto' | boolean => {
  if (s === '' || s === 'auto') return 'auto'
  if (TRUE.includes(s)) return true
  if (FALSE.includes(s)) return false
  ctx.addIssue({ code: 'custom', message: `expected auto, true or false, got "${s}"` })
  return z.NEVER
})

const BUDGET_KEYS = ['total', 'file', 'zipped'] as const
/** `total=5MB`, `file=1MB`, `zipped=2MB`, one per line; the sizes are checked by the engine's schema. */
const sizeBudget = lines.transform((items, ctx) => {
  if (!items) return undefined
  const out: Partial<Record<(typeof BUDGET_KEYS)[number], string>> = {}
  for (const item of items) {
    const m = /^([a-z]+)\s*[=:]\s*(.+)$/.exec(item)
    if (!m || !(BUDGET_KEYS as readonly string[]).includes(m[1])) {
      ctx.addIssue({
        code: 'custom',
        message: `"${item}" is not total=<size>, file=<size> or zipped=<size> (e.g. zipped=2MB)`
      })
      return z.NEVER
    }
    out[m[1] as (typeof BUDGET_KEYS)[number]] = m[2].trim()
  }
  return out
})

/**
 * A path the step writes to. A backslash there is part of one file name on a Linux or macOS runner: `build\\win.zip`
 * would become a file of that name in the workspace, not win.zip in build/.
 */
const outputPath = z.string().transform((s, ctx): string | undefined => {
  if (s === '') return undefined
  if (separatorHint(s)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${s}" has a backslash${separatorHint(s)}: write ${JSON.stringify(s.replace(/\\/g, '/'))}`
    })
    return z.NEVER
  }
  return s
})

const compareTo = z.string().transform((s, ctx): string | undefined => {
  if (s === '') return undefined
  if (/^https?:\/\//i.test(s) && !URL.canParse(s)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a valid URL` })
    return z.NEVER
  }
  return s
})

const inputSchema = z.object({
  path: z
    .string()
    .min(1, 'required: the package directory or .zip file, relative to the workspace'),
  'package-type': oneOf(enumOf(shape.type)),
  'package-id': optionalText,
  'app-id': optionalText,
  workspace: optionalText,
  environment: oneOf(enumOf(shape.environment)),
  host: optionalText,
  prefix: z.string(),
  bucket: optionalText,
  'main-entry': optionalText,
  version: optionalText,
  config: optionalText,
  rules: ruleLines,
  include: lines,
  exclude: lines,
  'check-references': bool,
  'global-package': optionalText,
  'keep-junk': bool,
  'allow-sensitive': lines,
  'fail-on': oneOf(enumOf(shape.failOn)),
  output: outputPath,
  'upload-artifact': bool.transform((b) => b ?? true),
  'artifact-name': artifactName,
  'retention-days': retentionDays,
  overwrite: bool.transform((b) => b ?? false),
  'upload-timeout': uploadTimeout,
  annotations: bool.transform((b) => b ?? true),
  'github-token': optionalText,
  'check-run': autoBool,
  sarif: outputPath,
  'compare-to': compareTo,
  'pr-comment': autoBool,
  'size-budget': sizeBudget,
  'release-upload': bool.transform((b) => b ?? false),
  'delta-out': outputPath
})

type ParsedInputs = z.output<typeof inputSchema>

export interface ActionInputs {
  /** The package directory or zip, absolute. */
  location: string
  /** The config file to read, absolute (the `config` input, else `h5offline.config.json` in the workspace). */
  configFile?: string
  /** Settings given as inputs; they override the config file. */
  settings: Partial<ConfigInput>
  /** Which inputs were given (non-empty), so errors can tell an input from a config-file key. */
  given: ReadonlySet<InputName>
  /** Where to write the zip, absolute; undefined for the default under RUNNER_TEMP. */
  output?: string
  /** The output names a folder (it ends in `/`): the zip gets its default name inside it. */
  outputIsFolder: boolean
  uploadArtifact: boolean
  /** Without `.zip`: the artifact is `<artifact-name>.zip`. */
  artifactName?: string
  retentionDays?: number
  overwrite: boolean
  /** Seconds the whole artifact upload may take. */
  uploadTimeout: number
  annotations: boolean
  githubToken?: string
  /** Post a check run with every finding: `auto` tries where it can, `true` says why when it cannot. */
  checkRun: 'auto' | boolean
  /** Where to write the SARIF file, absolute. */
  sarif?: string
  /** A zip path (relative to the workspace), an http(s) URL, or `latest-release`. */
  compareTo?: string
  /** The sticky pull-request comment: `auto` on pull requests where the token may write. */
  prComment: 'auto' | boolean
  releaseUpload: boolean
  /** Where to write the delta zip (added and changed files plus removed.txt), absolute; needs compare-to. */
  deltaOut?: string
}

export type ReadInput = (name: InputName) => string

/** Parses the raw input strings. Every problem is reported at once, each line naming its input. */
export function parseInputs(read: ReadInput, workspace: string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, read(name)]))
  const result = inputSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `Input "${String(issue.path[0])}": ${issue.message}`
    )
    throw new UsageError(problems.join('\n'), String(result.error.issues[0]?.path[0]))
  }
  const v: ParsedInputs = result.data
  const fromWorkspace = (p: string | undefined) =>
    p === undefined ? undefined : path.resolve(workspace, p)
  const settings: Partial<ConfigInput> = {
    type: v['package-type'],
    id: v['package-id'],
    appId: v['app-id'],
    workspace: v.workspace,
    environment: v.environment,
    host: v.host,
    // `prefix: ''` is meaningful (no folders between host and app), so only an absent input is "not given".
    prefix: raw.prefix === '' ? undefined : v.prefix,
    bucket: v.bucket,
    mainEntry: v['main-entry'],
    version: v.version,
    rules: v.rules as ConfigInput['rules'],
    include: v.include,
    exclude: v.exclude,
    checkReferences: v['check-references'],
    globalPackage: fromWorkspace(v['global-package']),
    keepJunk: v['keep-junk'],
    allowSensitive: v['allow-sensitive'],
    failOn: v['fail-on'],
    budgets: v['size-budget']
  }
  return {
    location: path.resolve(workspace, v.path),
    configFile: findConfigFile(fromWorkspace(v.config), workspace),
    settings,
    given: new Set(INPUT_NAMES.filter((name) => raw[name] !== '')),
    output: fromWorkspace(v.output),
    outputIsFolder: /[\\/]$/.test(v.output ?? ''),
    uploadArtifact: v['upload-artifact'],
    artifactName: v['artifact-name'],
    retentionDays: v['retention-days'],
    overwrite: v.overwrite,
    uploadTimeout: v['upload-timeout'],
    annotations: v.annotations,
    githubToken: v['github-token'],
    checkRun: v['check-run'],
    sarif: fromWorkspace(v.sarif),
    compareTo: v['compare-to'],
    prComment: v['pr-comment'],
    releaseUpload: v['release-upload'],
    deltaOut: fromWorkspace(v['delta-out'])
  }
}

/** The config file under the inputs, checked by the engine's schema; errors name the input or the file's key. */
export function resolveActionConfig(inputs: ActionInputs, workspace: string): ResolvedConfig {
  const fromFile = inputs.configFile ? readConfigFile(inputs.configFile) : undefined
  const where = (keyPath: PropertyKey[]): string => {
    const key = String(keyPath[0])
    const input = Object.hasOwn(INPUT_FOR_KEY, key) ? INPUT_FOR_KEY[key] : undefined
    const detail = keyPath.length > 1 ? ` (${keyPath.slice(1).map(String).join('.')})` : ''
    if (input && (inputs.given.has(input) || !inputs.configFile)) return `Input "${input}"${detail}`
    const file = inputs.configFile
      ? path.relative(workspace, inputs.configFile) || inputs.configFile
      : 'configuration'
    return `${file}: "${keyPath.map(String).join('.')}"`
  }
  return parseConfig(mergeConfigInputs(fromFile, inputs.settings), where)
}

/**
 * An engine UsageError in the Action's terms: its subject becomes the input name, and the CLI flags its message
 * mentions become the inputs that do the same.
 */
export function describeUsageError(e: UsageError): string {
  const message = inActionTerms(e.message)
  if (message.startsWith('Input "')) return message
  const subject =
    e.subject === undefined ? undefined : (INPUT_FOR_KEY[e.subject] ?? inputNamed(e.subject))
  return subject ? `Input "${subject}": ${message}` : message
}

function inputNamed(subject: string): InputName | undefined {
  if ((INPUT_NAMES as readonly string[]).includes(subject)) return subject as InputName
  return subject === 'out' ? 'output' : undefined
}
