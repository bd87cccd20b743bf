#!/usr/bin/env node
// `npm run bench` — times our CLI against `zip -r -X -q -6` on the benchmark corpus (scripts/bench/corpus.mjs).
//
//   npm run bench [-- --sizes small,medium,large,global (also: one, double)] [--runs 5] [--only pack,validate,version] [--write]
//                    [--candidate "<command template>" ...] [--node <node binary>] [--doc <path>]
//
// `--node` runs our CLI with another Node binary (e.g. the Node 24 the Action declares), `--doc` is where --write
// writes (default docs/performance.md).
//
// Method (the one of /work/shared/reference/performance-anchors.md, so the figures stay comparable):
//   - every command A runs interleaved with the baseline B = `zip -r -X -q -6 <out.zip> <ID folder>` started in the
//     tree root, A B A B …; the ratio A/B is taken pair by pair, so drift of a shared machine cancels out;
//   - 1 warm-up pair per command (none on the large and double trees), then N counted pairs (default 5, those 3);
//   - wall time comes from this process's clock around the child; cpu (user+sys) and peak RSS from GNU time
//     (`/usr/bin/time -f '%e %M %U %S'`), which counts the whole process, Node start-up included;
//   - every zip written is checked with `unzip -tq`, and its file entries are compared with zip's.
// Requirements: /usr/bin/time (GNU time; Debian/Ubuntu package `time`), zip and unzip on PATH. The project's
// build machine already has all three; the script stops with a clear message when one is missing.
//
// `--candidate` (for A/B runs of anything else) adds a row for a command template. Placeholders: {tree} (tree
// root), {out} (zip to write), {id} (ID folder), {flags} (the --type/--id/… flags of the tree). A template without
// placeholders is taken as zip-like and gets ` {out} {id}` appended, e.g. --candidate 'zip -r -X -q -1'. Templates
// run through `sh -c`, so pipes work; GNU time then reports the largest process of the pipeline.
// Commands run with the tree root as working directory.

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearTimeout, setTimeout } from 'node:timers'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  BENCH_DIR,
  DEFAULT_TREES,
  PROJECT_ROOT,
  TREE_NAMES,
  buildCorpus,
  mib
} from './bench/corpus.mjs'

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const ACTION = path.join(PROJECT_ROOT, 'dist/index.js')
const GNU_TIME = '/usr/bin/time'
const OUT_DIR = path.join(BENCH_DIR, 'out')
const DOC_PATH = path.join(PROJECT_ROOT, 'docs/performance.md')
const RUN_TIMEOUT_MS = 15 * 60 * 1000
const BUILTIN_ROWS = ['validate', 'pack', 'version']

// ---------------------------------------------------------------------------------------------------------------
// Options and preflight.
// ---------------------------------------------------------------------------------------------------------------

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: DEFAULT_TREES.join(',') },
      runs: { type: 'string' },
      only: { type: 'string', default: BUILTIN_ROWS.join(',') },
      write: { type: 'boolean', default: false },
      candidate: { type: 'string', multiple: true, default: [] },
      node: { type: 'string', default: 'node' },
      doc: { type: 'string', default: DOC_PATH },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  const sizes = values.sizes.split(',').filter(Boolean)
  const only = values.only.split(',').filter(Boolean)
  const unknownSize = sizes.find((s) => !TREE_NAMES.includes(s))
  if (unknownSize) fail(`unknown tree "${unknownSize}" (${TREE_NAMES.join(', ')})`)
  const unknownRow = only.find((o) => !BUILTIN_ROWS.includes(o))
  if (unknownRow) fail(`unknown --only "${unknownRow}" (${BUILTIN_ROWS.join(', ')})`)
  const runs = values.runs === undefined ? undefined : Number(values.runs)
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) {
    fail('--runs wants a positive integer')
  }
  return { ...values, sizes, only, runs }
}

function fail(message, code = 2) {
  console.error(`bench: ${message}`)
  process.exit(code)
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Stops early, before the corpus is built, when a tool the measurement needs is missing. */
function preflight(options) {
  if (!fs.existsSync(GNU_TIME)) {
    fail(
      `${GNU_TIME} (GNU time) is missing; it measures peak RSS. Install it: apt-get install -y time`
    )
  }
  const missing = ['zip', 'unzip'].find((tool) => !onPath(tool))
  if (missing) fail(`\`${missing}\` is not on PATH; install it first`)
  if (!fs.existsSync(CLI)) {
    if (options.candidate.length === 0) fail('dist/cli/index.js not found: run npm run build first')
    console.error('bench: dist/cli/index.js not found; timing only the --candidate commands')
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Commands.
// ---------------------------------------------------------------------------------------------------------------

/** The CLI flags that describe a tree's package, as the validator and packer expect them. */
function packageFlags(tree) {
  if (tree.type === 'global') {
    return ['--type', 'global', '--id', tree.id, '--app-id', '53E5279071442', '--workspace', 'test']
  }
  return ['--type', 'standard', '--id', tree.id, '--main-entry', '/www/index.html']
}

/** Quotes a word for sh when it needs it. */
function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`
}

/**
 * Expands {tree} {out} {id} {flags} in a template into a `sh -c` command line (so pipes and quotes work, e.g.
 * `tar cf - {id} | pigz -6 -p 2 > {out}`); zip-like templates without placeholders get ` {out} {id}` appended.
 */
function expandTemplate(template, { root, out, tree }) {
  const full = /\{(tree|out|id|flags)\}/.test(template) ? template : `${template} {out} {id}`
  const values = {
    tree: root,
    out,
    id: tree.id,
    flags: packageFlags(tree).map(shellQuote).join(' ')
  }
  const line = full.replace(/\{(tree|out|id|flags)\}/g, (_, key) =>
    key === 'flags' ? values.flags : shellQuote(values[key])
  )
  return { argv: ['sh', '-c', line], writesOut: full.includes('{out}') }
}

/** The rows of one tree: the baseline, then our CLI's commands and any --candidate templates. */
function commandsFor(name, tree, options) {
  const root = tree.root
  const outOf = (slug) => path.join(OUT_DIR, name, `${slug}.zip`)
  const flags = packageFlags(tree)
  const baseline = {
    label: 'zip -r -X -q -6',
    argv: ['zip', '-r', '-X', '-q', '-6', outOf('zip-6'), tree.id],
    out: outOf('zip-6')
  }
  const rows = []
  if (fs.existsSync(CLI)) {
    const cli = [options.node, CLI]
    if (options.only.includes('validate')) {
      rows.push({ label: 'validate', argv: [...cli, 'validate', root, ...flags] })
    }
    if (options.only.includes('pack')) {
      const out = outOf('pack')
      rows.push({
        label: 'pack',
        argv: [...cli, 'pack', root, '--out', out, ...flags, '--force'],
        out
      })
    }
    if (options.only.includes('version')) {
      rows.push({ label: '--version (cold start)', argv: [...cli, '--version'] })
      // The Action's bundle loaded and its inputs read: an empty `path` input stops it right there (exit 1).
      rows.push({
        label: 'Action to its inputs (cold start)',
        argv: ['env', 'INPUT_PATH=', 'GITHUB_OUTPUT=', 'GITHUB_STEP_SUMMARY=', options.node, ACTION]
      })
    }
  }
  options.candidate.forEach((template, i) => {
    const out = outOf(`candidate-${i + 1}`)
    const { argv, writesOut } = expandTemplate(template, { root, out, tree })
    rows.push({ label: `candidate: ${template}`, argv, out: writesOut ? out : undefined })
  })
  for (const row of [baseline, ...rows]) row.cwd = root
  return { baseline, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring one run.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Runs one command under GNU time. Wall time is taken here (GNU time's %e has only 10 ms resolution); cpu and
 * peak RSS come from GNU time. An old output zip is removed first, because zip would update it instead.
 */
async function measure(command) {
  if (command.out) fs.rmSync(command.out, { force: true })
  const timeFile = path.join(OUT_DIR, 'time.txt')
  fs.rmSync(timeFile, { force: true })
  const started = performance.now()
  const timed = ['-f', '%e %M %U %S', '-o', timeFile, ...command.argv]
  const { status, stderr } = await runChild(GNU_TIME, timed, { cwd: command.cwd })
  const wall = (performance.now() - started) / 1000
  // On a non-zero exit GNU time writes "Command exited with non-zero status N" before the figures.
  const figures = fs.existsSync(timeFile)
    ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)
    : ''
  const [, maxRssKiB, user, system] = figures.split(' ').map(Number)
  return { wall, cpu: user + system, rss: maxRssKiB / 1024, status, stderr }
}

let runningChild = null

// Ctrl-C (or a kill) must not leave a detached zip or node running on behind the harness.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (runningChild) process.kill(-runningChild.pid, 'SIGKILL')
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

/** Spawns in its own process group so a timeout can stop the command and everything it started. */
function runChild(file, args, { cwd }) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    runningChild = child
    let stderr = ''
    child.stdout.resume() // drain: a command that prints a lot must not block on a full pipe
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk
    })
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), RUN_TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      runningChild = null
      resolve({ status: code ?? signal, stderr })
    })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// One tree: warm-up, interleaved pairs, zip checks.
// ---------------------------------------------------------------------------------------------------------------

async function benchTree(name, tree, options) {
  const { baseline, rows } = commandsFor(name, tree, options)
  fs.mkdirSync(path.join(OUT_DIR, name), { recursive: true })
  const big = name === 'large' || name === 'double'
  const runs = options.runs ?? (big ? 3 : 5)
  const warmUp = !big
  const baselineRuns = []
  for (const row of rows) row.runs = []

  if (warmUp) {
    progress(`${name}: warm-up`)
    for (const row of rows) {
      await measure(row)
      await measure(baseline)
    }
  }
  for (let i = 1; i <= runs; i++) {
    for (const row of rows) {
      progress(`${name}: pair ${i}/${runs}: ${row.label}`)
      const a = await measure(row)
      const b = await measure(baseline)
      row.runs.push({ ...a, ratio: a.wall / b.wall })
      baselineRuns.push(b)
    }
  }
  // The zips of the last pair are the ones checked.
  const zipCheck = checkZip(baseline.out)
  baseline.runs = baselineRuns.map((r) => ({ ...r, ratio: 1 }))
  baseline.check = zipCheck
  for (const row of rows) if (row.out) row.check = checkZip(row.out, zipCheck.files)
  return { name, tree, runs, warmUp, baseline, rows }
}

function progress(message) {
  console.error(`bench: ${message}`)
}

/** `unzip -tq` and the file entries (folders left out) of a zip, compared with the baseline's when given. */
function checkZip(file, reference) {
  if (!fs.existsSync(file)) return { exists: false }
  const test = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' })
  const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const names = list.stdout.split('\n').filter((n) => n && !n.endsWith('/'))
  const folders = list.stdout.split('\n').filter((n) => n.endsWith('/')).length
  const check = {
    exists: true,
    ok: test.status === 0,
    size: fs.statSync(file).size,
    files: names,
    folders
  }
  if (reference) {
    const expected = new Set(reference)
    const present = new Set(names)
    check.missing = reference.filter((n) => !present.has(n)).length
    check.extra = names.filter((n) => !expected.has(n)).length
  }
  return check
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting (Markdown on stdout; progress goes to stderr).
// ---------------------------------------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** `median (min–max)` with a fixed number of decimals. */
function spread(values, digits) {
  const f = (v) => v.toFixed(digits)
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`
}

function entriesCell(check, treeFiles) {
  if (!check?.exists) return '–'
  const count = check.files.length
  const sameAsTree = count === treeFiles ? '✓' : `≠ ${treeFiles}`
  const differs =
    check.missing || check.extra ? `, ${check.missing} missing / ${check.extra} extra vs zip` : ''
  const folders = check.folders ? ` (+${check.folders} dirs)` : ''
  return `${count} ${sameAsTree}${folders}${differs}`
}

function rowCells(row, baselineOutSize, treeFiles, isBaseline) {
  const walls = row.runs.map((r) => r.wall)
  const ratios = row.runs.map((r) => r.ratio)
  const exits = [...new Set(row.runs.map((r) => r.status).filter((s) => s !== 0))]
  const check = row.check
  const outSize = check?.exists ? check.size : undefined
  return [
    isBaseline ? `**${row.label}** (baseline)` : row.label,
    spread(walls, 3),
    isBaseline ? '1 (–)' : spread(ratios, 2),
    median(row.runs.map((r) => r.cpu)).toFixed(2),
    Math.max(...row.runs.map((r) => r.rss)).toFixed(1),
    outSize === undefined ? '–' : (outSize / 1048576).toFixed(2),
    outSize === undefined ? '–' : (outSize / baselineOutSize).toFixed(3),
    entriesCell(check, treeFiles),
    !check ? '–' : !check.exists ? 'no zip' : check.ok ? 'ok' : '**failed**',
    exits.length ? `**${exits.join(', ')}**` : '0'
  ]
}

function treeSection(result) {
  const { name, tree, runs, warmUp, baseline, rows } = result
  const header = [
    'command',
    'wall s median (min–max)',
    '÷ zip-6 median (min–max)',
    'cpu s',
    'peak RSS MiB',
    'out MiB',
    'out ÷ zip',
    'file entries',
    'unzip -t',
    'exit'
  ]
  const baseSize = baseline.check.size
  // A `|` inside a cell (a --candidate pipeline) would end the cell.
  const line = (cells) => `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`
  const table = [
    line(header),
    `|${header.map(() => '---').join('|')}|`,
    line(rowCells(baseline, baseSize, tree.files, true)),
    ...rows.map((row) => line(rowCells(row, baseSize, tree.files, false)))
  ]
  const commands = [baseline, ...rows].map(
    (row) => `- ${row.label}: \`${displayCommand(row.argv)}\``
  )
  const failures = rows
    .map((row) => ({ row, failed: row.runs.filter((r) => r.status !== 0) }))
    .filter(({ failed }) => failed.length)
    .map(({ row, failed }) => {
      const said = stderrGist(failed[0].stderr)
      const runsText = `${failed.length} of ${row.runs.length} counted runs`
      return `- ${row.label}: exit ${failed[0].status} in ${runsText}${said ? ` — ${said}` : ''}`
    })
  return [
    `## ${name} — ${tree.files} files, ${mib(tree.bytes)} MiB, ${tree.type} package \`${tree.id}\``,
    '',
    `${plural(runs, 'counted pair')}${warmUp ? ' after 1 warm-up pair' : ', no warm-up'}; baseline ` +
      `over ${plural(baseline.runs.length, 'run')}. Commands (working directory: the tree root):`,
    '',
    ...commands,
    '',
    ...table,
    ...(failures.length
      ? ['', 'Non-zero exits (first error line of stderr):', '', ...failures]
      : []),
    ...(result.distChanged
      ? ['', '**dist/ was rebuilt during this tree: its figures mix two builds.**']
      : []),
    ''
  ].join('\n')
}

const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The line of a child's stderr that says what went wrong (a Node crash ends with `}` and its version). */
function stderrGist(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const said = lines.find((l) => /error|fail/i.test(l)) ?? lines.at(-1) ?? ''
  return said.slice(0, 240)
}

/** Newest mtime under dist/: the CLI being rebuilt mid-run (by a watcher or a colleague) spoils a comparison. */
function distStamp() {
  const dist = path.dirname(path.dirname(CLI))
  if (!fs.existsSync(dist)) return 0
  const files = fs.readdirSync(dist, { recursive: true }).map((f) => path.join(dist, f))
  return Math.max(0, ...files.map((f) => fs.statSync(f).mtimeMs))
}

/** Paths inside the project are shown relative to it, so the doc does not depend on the checkout's location. */
function displayCommand(argv) {
  if (argv[0] === 'sh' && argv[1] === '-c') return argv[2].replaceAll(`${PROJECT_ROOT}/`, '')
  return argv
    .map((word) => (word.startsWith(PROJECT_ROOT) ? path.relative(PROJECT_ROOT, word) : word))
    .map(shellQuote)
    .join(' ')
}

function machineDescription(options) {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model =
    /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU'
  const zipVersion =
    /Zip [\d.]+/.exec(spawnSync('zip', ['-v'], { encoding: 'utf8' }).stdout)?.[0] ?? 'zip'
  return [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- CPU: ${os.availableParallelism()} × ${model.trim()} (nproc ${os.availableParallelism()})`,
    `- RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; load average at start ` +
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    `- OS: ${os.type()} ${os.release()}; Node ${nodeVersion(options.node)}; ${zipVersion} (Info-ZIP)`
  ].join('\n')
}

/** The version of the Node binary that runs our CLI. */
function nodeVersion(node) {
  const out = spawnSync(node, ['--version'], { encoding: 'utf8' })
  if (out.status !== 0)
    fail(`--node ${node}: cannot run it (${out.error?.message ?? out.stderr.trim()})`)
  return out.stdout.trim()
}

function docHeader(options) {
  return [
    '# Performance',
    '',
    'Measured by `npm run bench` (`scripts/bench.mjs`) on the corpus of `scripts/bench/corpus.mjs`: real built',
    'assets of the npm packages pinned in `scripts/bench/corpus-src/`, every mtime 2017-12-28 (hashes in',
    '`.bench/trees/MANIFEST.txt`).',
    '',
    machineDescription(options),
    '',
    'Method: each command A runs interleaved with the baseline B = `zip -r -X -q -6 <out.zip> <ID folder>` (A B A B',
    '…); the ratio A/B is taken pair by pair and quoted as median (min–max). Wall time is measured by the harness',
    'around the whole process (Node start-up included); cpu (user + sys, median) and peak RSS (largest run) come',
    'from GNU time. Every zip is checked with `unzip -tq` and its file entries are compared with the tree',
    "(✓ = as many files as the tree) and with zip's list. Ratio differences below about 5% are noise.",
    ...(options.candidate.length
      ? ['', 'Rows named `candidate:` are `--candidate` templates, not our CLI.']
      : []),
    ''
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    console.log(
      fs
        .readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 21)
        .join('\n')
    )
    return
  }
  preflight(options)
  const trees = buildCorpus({ sizes: options.sizes, log: progress })
  fs.mkdirSync(OUT_DIR, { recursive: true })
  const sections = [docHeader(options)]
  process.stdout.write(`${sections[0]}\n`)
  for (const name of options.sizes) {
    const before = distStamp()
    const result = await benchTree(name, trees[name], options)
    result.distChanged = distStamp() !== before
    if (result.distChanged) progress(`warning: dist/ changed while ${name} was measured`)
    const section = treeSection(result)
    process.stdout.write(`${section}\n`)
    sections.push(section)
  }
  if (options.write) {
    fs.writeFileSync(options.doc, `${sections.join('\n').trimEnd()}\n`)
    progress(`wrote ${path.relative(PROJECT_ROOT, path.resolve(options.doc))}`)
  }
}

main().catch((error) => {
  console.error(error.stack ?? error)
  process.exit(1)
})
