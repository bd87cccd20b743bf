import { parseArgs } from 'node:util'
import type { ConfigInput } from '../core/config.js'
import { UsageError } from '../core/errors.js'
import { parseRuleSettings } from '../core/rule-settings.js'
import { HELP, USAGE } from './help.js'

export interface CliCommand {
  command: 'validate' | 'pack' | 'rules'
  location?: string
  out?: string
  force: boolean
  format: 'text' | 'json'
  /** Also write the findings as SARIF 2.1.0 to this file. */
  sarif?: string
  configFile?: string
  /** Settings given as flags; they override the config file. */
  flags: Partial<ConfigInput>
}

const OPTIONS = {
  type: { type: 'string' },
  layout: { type: 'string' },
  id: { type: 'string' },
  'app-id': { type: 'string' },
  workspace: { type: 'string' },
  environment: { type: 'string' },
  host: { type: 'string' },
  prefix: { type: 'string' },
  bucket: { type: 'string' },
  'entry-dir': { type: 'string' },
  'version-dir': { type: 'string' },
  'main-entry': { type: 'string' },
  version: { type: 'string' },
  config: { type: 'string' },
  rule: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  sarif: { type: 'string' },
  'delta-out': { type: 'string' },
  'keep-junk': { type: 'boolean' },
  'allow-sensitive': { type: 'string', multiple: true },
  'global-package': { type: 'string' },
  refs: { type: 'boolean' },
  'no-refs': { type: 'boolean' },
  'info-plist': { type: 'string' },
  'ios-min-version': { type: 'string' },
  'budget-total': { type: 'string' },
  'budget-file': { type: 'string' },
  'budget-zipped': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Flag names for config keys, so config errors name the flag the user typed. */
export const FLAG_FOR_KEY: Record<string, string> = {
  appId: '--app-id',
  entryDir: '--entry-dir',
  versionDir: '--version-dir',
  mainEntry: '--main-entry',
  failOn: '--fail-on',
  keepJunk: '--keep-junk',
  allowSensitive: '--allow-sensitive',
  globalPackage: '--global-package',
  checkReferences: '--no-refs',
  infoPlist: '--info-plist',
  iosMinVersion: '--ios-min-version',
  rules: '--rule',
  'budgets.total': '--budget-total',
  'budgets.file': '--budget-file',
  'budgets.zipped': '--budget-zipped'
}

/** `h5-offline diff <old.zip> <new.zip>`: no package settings, only the output format. */
export interface DiffCommand {
  command: 'diff'
  oldZip: string
  newZip: string
  format: 'text' | 'json' | 'markdown'
  /** Also write the added and changed files plus removed.txt to this zip. */
  deltaOut?: string
}

/**
 * A flag that takes one value given twice with different values: parseArgs keeps the last, silently, and the first
 * (a second --global-package, an --id from a script overridden by hand) would be ignored without a word.
 */
function refuseRepeated(tokens: ReturnType<typeof parseArgs>['tokens']): void {
  const seen = new Map<string, string>()
  for (const t of tokens ?? []) {
    if (t.kind !== 'option' || t.value === undefined) continue
    const option = OPTIONS[t.name as keyof typeof OPTIONS] as { multiple?: boolean }
    if (option.multiple) continue
    const first = seen.get(t.name)
    if (first !== undefined && first !== t.value) {
      throw new UsageError(
        `--${t.name} was given twice ("${first}", then "${t.value}"): give it once`,
        `--${t.name}`
      )
    }
    seen.set(t.name, t.value)
  }
}

export type Command = 'validate' | 'pack' | 'diff' | 'rules'

/** `--help`, alone or after a command (whose own usage is shown first). */
export interface HelpCommand {
  command: 'help'
  topic?: Command
}

/** The commands that take a flag, so a flag given to another one can be sent where it belongs. */
function ownerOf(flag: string): string {
  if (flag === 'out' || flag === 'force') return 'pack'
  if (flag === 'delta-out') return 'diff'
  if (flag === 'format') return 'validate, pack and diff'
  return 'validate and pack'
}

/** The first flag of the command line not in `allowed`, as typed (`-o`, `--out`). */
function firstFlagNotIn(
  tokens: ReturnType<typeof parseArgs>['tokens'],
  allowed: readonly string[]
): { name: string; typed: string } | undefined {
  const t = (tokens ?? []).find((t) => t.kind === 'option' && !allowed.includes(t.name))
  return t?.kind === 'option' ? { name: t.name, typed: t.rawName } : undefined
}

export function parseCli(argv: string[]): CliCommand | DiffCommand | HelpCommand {
  // `--version` is also the package version (`validate … --version 1.0.0.0`): with no command, a value after it
  // would be read as one and the run would do nothing.
  if (argv.length > 1 && (argv[0] === '--version' || argv[0] === '-V'))
    throw new UsageError(
      `${argv[0]} prints the version and takes nothing after it; a package version goes after validate or pack: h5-offline validate <dir|zip> --version <1.0.0.0>`,
      argv[0]
    )
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true
    })
  } catch (e) {
    // Node's own wording ends in advice about '--' that does not apply here, and leaves a quote open.
    const message = (e as Error).message
    const unknown = /^Unknown option '([^']+)'/.exec(message)
    const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)
    throw new UsageError(
      (unknown
        ? `unknown option ${unknown[1]}`
        : missing
          ? `${missing[1]} needs a value${missing[1] === '--version' ? ' (the package version, e.g. --version 1.0.0.0; h5-offline --version alone prints the tool version)' : ''}`
          : message) + '\nRun h5-offline --help for the options.'
    )
  }
  refuseRepeated(parsed.tokens)
  const { values: v, positionals } = parsed
  // `h5-offline help [command]`, as git and npm take it
  if (positionals[0] === 'help' && positionals.length <= 2) {
    const topic = positionals[1]
    if (topic === undefined) return { command: 'help' }
    if (['validate', 'pack', 'diff', 'rules'].includes(topic))
      return { command: 'help', topic: topic as Command }
  }
  const [command, location, ...rest] = positionals
  // Checked before --help: `h5-offline init --help` is a typo to report, not a request for help.
  if (
    command !== undefined &&
    command !== 'validate' &&
    command !== 'pack' &&
    command !== 'diff' &&
    command !== 'rules'
  ) {
    throw new UsageError(`unknown command "${command}": use validate, pack, diff or rules`)
  }
  if (v.help) return { command: 'help', ...(command && { topic: command }) }
  // "2 = bad usage": a script calling the tool with an empty variable must not pass as a successful run.
  if (command === undefined)
    throw new UsageError(
      `no command given: use validate, pack, diff or rules\n\n${argv.length ? `${USAGE}\nRun h5-offline --help for the options.\n` : HELP}`.trimEnd()
    )
  if (command === 'diff') return parseDiff(positionals.slice(1), v)
  if (command === 'rules') {
    const flag = firstFlagNotIn(parsed.tokens, [])
    if (flag)
      throw new UsageError(
        `rules takes no options, not ${flag.typed} (${flag.typed} belongs to ${ownerOf(flag.name)})`,
        flag.typed
      )
    if (location !== undefined)
      throw new UsageError(`rules takes no arguments, not "${location}": h5-offline rules`)
    return { command, force: false, format: 'text', flags: {} }
  }
  if (command === 'validate') {
    // --delta-out is refused below, for pack too
    const flag = firstFlagNotIn(
      parsed.tokens,
      Object.keys(OPTIONS).filter((k) => ownerOf(k) !== 'pack')
    )
    if (flag)
      throw new UsageError(
        `${flag.typed} belongs to pack, not validate: h5-offline pack <dir> --out <file.zip>${flag.name === 'force' ? ' --force' : ''} (validate writes no zip)`,
        flag.typed
      )
  }
  if (!location) {
    throw new UsageError(
      `${command} needs a package: h5-offline ${command} <dir${command === 'validate' ? '|zip' : ''}>`
    )
  }
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}": give one package path`)
  if (command === 'pack' && !v.out) throw new UsageError('pack needs --out <file.zip>', '--out')
  if (v['delta-out'] !== undefined)
    throw new UsageError(
      '--delta-out belongs to diff: h5-offline diff <old.zip> <new.zip> --delta-out <file.zip>',
      '--delta-out'
    )
  const format = v.format ?? 'text'
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}"`, '--format')

  const budgets = {
    ...(v['budget-total'] !== undefined && { total: v['budget-total'] }),
    ...(v['budget-file'] !== undefined && { file: v['budget-file'] }),
    ...(v['budget-zipped'] !== undefined && { zipped: v['budget-zipped'] })
  }
  const flags: Record<string, unknown> = {
    type: v.type,
    layout: v.layout,
    id: v.id,
    appId: v['app-id'],
    workspace: v.workspace,
    environment: v.environment,
    host: v.host,
    prefix: v.prefix,
    bucket: v.bucket,
    entryDir: v['entry-dir'],
    versionDir: v['version-dir'],
    mainEntry: v['main-entry'],
    version: v.version,
    include: v.include,
    exclude: v.exclude,
    failOn: v['fail-on'],
    keepJunk: v['keep-junk'],
    allowSensitive: v['allow-sensitive'],
    globalPackage: v['global-package'],
    checkReferences: v['no-refs'] ? false : v.refs,
    infoPlist: v['info-plist'],
    iosMinVersion: v['ios-min-version'],
    rules: v.rule ? parseRuleSettings(v.rule, '--rule') : undefined,
    budgets: Object.keys(budgets).length ? budgets : undefined
  }
  return {
    command,
    location,
    out: v.out,
    force: Boolean(v.force),
    format,
    ...(v.sarif !== undefined && { sarif: v.sarif }),
    configFile: v.config,
    flags: flags as Partial<ConfigInput>
  }
}

/** The options `diff` takes; any package option there is a mistake worth naming. */
function parseDiff(args: string[], v: Record<string, unknown>): DiffCommand {
  const extra = Object.keys(v).filter(
    (k) => k !== 'format' && k !== 'delta-out' && v[k] !== undefined
  )
  if (extra.length)
    throw new UsageError(
      `diff takes only --format and --delta-out, not --${extra[0]} (--${extra[0]} belongs to ${ownerOf(extra[0])})`,
      `--${extra[0]}`
    )
  if (args.length !== 2)
    throw new UsageError('diff needs two zips: h5-offline diff <old.zip> <new.zip>')
  const format = (v.format as string | undefined) ?? 'text'
  if (format !== 'text' && format !== 'json' && format !== 'markdown')
    throw new UsageError(`--format must be text, json or markdown, not "${format}"`, '--format')
  const deltaOut = v['delta-out'] as string | undefined
  return {
    command: 'diff',
    oldZip: args[0],
    newZip: args[1],
    format,
    ...(deltaOut && { deltaOut })
  }
}
