import fs from 'node:fs/promises'
import path from 'node:path'
import { mergeConfigInputs, parseConfig } from '../core/config.js'
import { findConfigFile, readConfigFile } from '../core/config-file.js'
import { UsageError } from '../core/errors.js'
import { sourceDateEpoch } from '../core/source-date.js'
import { withoutToolFiles } from '../core/tool-files.js'
import {
  assertDistinctFiles,
  assertFolderWritable,
  assertOutputPath,
  assertOutsidePackage,
  SARIF_OUTPUT,
  writeFileAtomic
} from '../core/output-path.js'
import { isFailing } from '../core/findings.js'
import { packPackage } from '../engine/pack.js'
import { checkRuleSettings } from '../engine/run-rules.js'
import { allRules, validatePackage } from '../engine/validate.js'
import { stringifyReport, toJsonReport } from '../report/json.js'
import {
  omittedMessage,
  repositoryRoot,
  sarifLocator,
  sarifOmitted,
  toSarif
} from '../report/sarif.js'
import { formatText, plural } from '../report/text.js'
import { VERSION } from '../version.js'
import { FLAG_FOR_KEY, parseCli, type DiffCommand } from './args.js'
import { COMMAND_HELP, HELP } from './help.js'

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
  isTTY: boolean
}

/** Runs one CLI invocation and returns its exit status; nothing here touches `process`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  try {
    const cmd = parseCli(argv)
    if (cmd.command === 'help') {
      io.stdout(cmd.topic ? `${COMMAND_HELP[cmd.topic]}\n${HELP}` : HELP)
      return 0
    }
    if (cmd.command === 'diff') return await runDiff(cmd, io)
    if (cmd.command === 'rules') {
      for (const r of allRules)
        io.stdout(`${r.id.padEnd(22)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n`)
      return 0
    }
    const configFile = findConfigFile(
      cmd.configFile && path.resolve(io.cwd, cmd.configFile),
      io.cwd
    )
    const fromFile = configFile ? readConfigFile(configFile) : undefined
    const describeKey = (keyPath: PropertyKey[]) =>
      fromFile && !setBy(cmd.flags, keyPath)
        ? `${path.relative(io.cwd, configFile!) || configFile}: "${keyPath.map(String).join('.')}"`
        : (flagFor(keyPath.join('.')) ?? flagFor(String(keyPath[0])) ?? `--${String(keyPath[0])}`)
    const location = path.resolve(io.cwd, cmd.location!)
    const sarifPath = cmd.sarif === undefined ? undefined : path.resolve(io.cwd, cmd.sarif)
    const locationStat = await fs.stat(location).catch(() => undefined)
    if (sarifPath) {
      // checked before the work, as --out is: not a link, a device or a folder; not a file of the package
      await assertOutputPath(sarifPath, '--sarif', SARIF_OUTPUT)
      await assertFolderWritable(sarifPath, `--sarif ${cmd.sarif}`, '--sarif')
      if (locationStat?.isDirectory())
        await assertOutsidePackage(sarifPath, location, '--sarif', SARIF_OUTPUT)
    }
    const parsed = parseConfig(mergeConfigInputs(fromFile, cmd.flags), describeKey)
    checkRuleSettings(parsed, allRules, describeKey)
    const config = withoutToolFiles(parsed, location, [
      configFile,
      parsed.infoPlist && path.resolve(io.cwd, parsed.infoPlist)
    ])
    const out = cmd.command === 'pack' ? path.resolve(io.cwd, cmd.out!) : undefined
    await assertDistinctFiles([
      { path: out, name: '--out', writes: true },
      { path: locationStat?.isFile() ? location : undefined, name: 'package', writes: false },
      { path: sarifPath, name: '--sarif', writes: true },
      { path: config.globalPackage, name: '--global-package', writes: false },
      { path: configFile, name: cmd.configFile ? '--config' : 'config', writes: false },
      { path: config.infoPlist, name: '--info-plist', writes: false }
    ])
    const outcome =
      cmd.command === 'pack'
        ? await packPackage(location, config, {
            out: out!,
            // as in the Action: when nothing can fail the run, nothing stops the zip either
            force: cmd.force || config.failOn === 'never',
            mtime: sourceDateEpoch(io.env)
          })
        : await validatePackage(location, config)
    if (sarifPath !== undefined) {
      const root = repositoryRoot(io.cwd)
      const sarif = toSarif(outcome.findings, {
        root,
        locate: sarifLocator(outcome.pkg, location, outcome.pkg.sourceKind, root)
      })
      await writeFileAtomic(sarifPath, JSON.stringify(sarif, null, 2) + '\n').catch((e: Error) => {
        throw new UsageError(`cannot write --sarif ${cmd.sarif}: ${e.message}`, '--sarif')
      })
      const omitted = sarifOmitted(outcome.findings.length)
      if (omitted > 0)
        io.stderr(`h5-offline: note: ${omittedMessage(outcome.findings.length, omitted)}\n`)
    }
    if (cmd.format === 'json') io.stdout(stringifyReport(toJsonReport(outcome)) + '\n')
    else
      io.stdout(
        formatText(outcome, {
          // a terminal that says it cannot show colour (TERM=dumb: Emacs shells, some CI consoles) gets none
          color: io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb',
          failOn: config.failOn
        })
      )
    // The zipped size of a folder is known once pack has written it; a budget set for it is not applied here.
    if (
      cmd.command === 'validate' &&
      outcome.pkg.sourceKind === 'directory' &&
      config.budgets.zipped !== undefined
    )
      io.stderr(
        'h5-offline: note: the zipped size budget applies to a zip: pack checks it, or validate the zip itself\n'
      )
    for (const key of outcome.pkg.ignoredPatterns ?? [])
      io.stderr(
        `h5-offline: note: the ${key} patterns do not apply to a zip, which is checked (and uploaded) whole; give the build folder to leave files out\n`
      )
    for (const u of outcome.pkg.unmatchedPatterns ?? [])
      io.stderr(
        u.key === 'allowSensitive'
          ? `h5-offline: note: --allow-sensitive ${JSON.stringify(u.pattern)} names no file in ${cmd.location} (an exact path in the package or in the source folder), so it allows nothing\n`
          : `h5-offline: note: the ${u.key} pattern ${JSON.stringify(u.pattern)} matches no file in ${cmd.location}, so it selects or leaves out nothing\n`
      )
    if (cmd.command === 'pack' && !('zip' in outcome && outcome.zip)) {
      io.stderr(
        `h5-offline: not written: ${plural(outcome.counts.error, 'error')}; fix ${outcome.counts.error === 1 ? 'it' : 'them'}, or pass --force (or --fail-on never)\n`
      )
      return 1
    }
    return isFailing(outcome.counts, config.failOn) ? 1 : 0
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`h5-offline: ${e.message}\n`)
      return 2
    }
    const err = e as NodeJS.ErrnoException
    io.stderr(`h5-offline: ${err.message}${err.code ? ` (${err.code})` : ''}\n`)
    return 2
  }
}

/** `diff`: always exit 0 when both zips are read, whatever changed (budgets are the validator's business). */
async function runDiff(cmd: DiffCommand, io: CliIo): Promise<number> {
  const { deltaNotes, diffZips, diffToJson, formatDiffMarkdown, formatDiffText, writeDeltaZip } =
    await import('../diff/index.js')
  const newZip = path.resolve(io.cwd, cmd.newZip)
  const d = await diffZips(path.resolve(io.cwd, cmd.oldZip), newZip)
  if (cmd.deltaOut) {
    const delta = await writeDeltaZip(
      newZip,
      d,
      path.resolve(io.cwd, cmd.deltaOut),
      sourceDateEpoch(io.env)
    )
    const { notes, warning } = deltaNotes(delta)
    io.stderr(
      `wrote ${delta.path}: ${plural(delta.files, 'added or changed file')}, ${delta.removed} in removed.txt (${plural(delta.bytes, 'byte')})\n` +
        notes.map((n) => `${n}\n`).join('') +
        (warning ? `h5-offline: warning: ${warning}\n` : '')
    )
  }
  if (cmd.format === 'json') io.stdout(JSON.stringify(diffToJson(d), null, 2) + '\n')
  else if (cmd.format === 'markdown') io.stdout(formatDiffMarkdown(d))
  else io.stdout(formatDiffText(d))
  return 0
}

/** Whether a layer of settings gives the value at `keyPath` (its top key, and the second one in an object). */
function setBy(layer: object, keyPath: readonly PropertyKey[]): boolean {
  // Own keys only: a file's "__proto__" key must not find Object.prototype here.
  const own = (o: object, k: PropertyKey) =>
    Object.hasOwn(o, k) ? (o as Record<PropertyKey, unknown>)[k] : undefined
  const top = own(layer, keyPath[0]!)
  if (top === undefined) return false
  if (keyPath.length < 2 || typeof top !== 'object' || top === null) return true
  return own(top, keyPath[1]!) !== undefined
}

function flagFor(key: string): string | undefined {
  return Object.hasOwn(FLAG_FOR_KEY, key) ? FLAG_FOR_KEY[key] : undefined
}
