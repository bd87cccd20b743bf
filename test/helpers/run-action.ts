import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Runs the bundled Action the way the runner does: `node dist/index.js` in the workspace, with a clean
 * environment holding only what the runner sets for a JavaScript action (inputs as `INPUT_<NAME>` with hyphens
 * kept, action.yml defaults filled in), then reads back what the runner would: the exit status, workflow commands
 * on stdout, the GITHUB_OUTPUT file and the step summary file.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const ACTION_ENTRY = path.join(ROOT, 'dist/index.js')

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  data: string
}

export interface ParsedAnnotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  title?: string
  file?: string
  line?: number
  col?: number
}

export interface RunOptions {
  /** The Node binary to run the Action with. */
  node: string
  workspace: string
  /** `with:` values, by input name. */
  inputs: Record<string, string>
  /** Extra environment (a value of undefined removes a default one). */
  env?: Record<string, string | undefined>
  timeoutMs?: number
  /** Read nothing of stdout for this long after the start, as a busy runner may: the pipe fills and writes wait. */
  stallReaderMs?: number
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationMs: number
  outputs: Record<string, string>
  summary: string
  commands: WorkflowCommand[]
  annotations: ParsedAnnotation[]
  runnerTemp: string
}

let runCount = 0

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const scratch = path.join(opts.workspace, '..', `runner-${process.pid}-${++runCount}`)
  const runnerTemp = path.join(scratch, 'temp')
  fs.mkdirSync(runnerTemp, { recursive: true })
  const outputFile = path.join(scratch, 'github_output')
  const summaryFile = path.join(scratch, 'step_summary')
  const eventFile = path.join(scratch, 'event.json')
  for (const f of [outputFile, summaryFile]) fs.writeFileSync(f, '')
  fs.writeFileSync(
    eventFile,
    JSON.stringify({ pull_request: { number: 7, head: { sha: 'a'.repeat(40) } } })
  )

  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__self',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux'
  }
  // The runner sets every input that has a default, then the `with:` values on top.
  for (const [name, def] of Object.entries(actionMetadata().inputDefaults)) {
    env[`INPUT_${name.toUpperCase()}`] =
      def === '${{ github.token }}' ? 'ghs_faketoken0000000000000000000000000000' : def
  }
  for (const [name, value] of Object.entries(opts.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }

  const started = performance.now()
  const child = spawn(opts.node, [ACTION_ENTRY], {
    cwd: opts.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  if (opts.stallReaderMs) {
    child.stdout.pause()
    setTimeout(() => child.stdout.resume(), opts.stallReaderMs)
  }
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s]))
  )
  clearTimeout(timer)
  const commands = parseWorkflowCommands(stdout)
  return {
    code,
    signal,
    stdout,
    stderr,
    durationMs: performance.now() - started,
    outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    commands,
    annotations: commands.filter(isAnnotation).map(toAnnotation),
    runnerTemp
  }
}

/**
 * Workflow commands as the runner reads them (ActionCommand.TryParseV2): a line whose text, after leading
 * whitespace, starts with `::`; `::name k=v,k=v::data`; properties and data unescaped; nothing is a command
 * between `::stop-commands::<token>` and `::<token>::`.
 */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart()
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    if (!line.startsWith('::')) continue
    const end = line.indexOf('::', 2)
    if (end === -1) continue
    const info = line.slice(2, end)
    const data = unescapeData(line.slice(end + 2))
    const space = info.indexOf(' ')
    const command = space === -1 ? info : info.slice(0, space)
    const properties: Record<string, string> = {}
    if (space !== -1) {
      for (const pair of info.slice(space + 1).split(',')) {
        const eq = pair.indexOf('=')
        if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
      }
    }
    if (command === 'stop-commands') {
      stopToken = data
      continue
    }
    commands.push({ command, properties, data })
  }
  return commands
}

/** The runner's replacements, in its order (`%25` last). */
function unescapeData(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')
}

function unescapeProperty(s: string): string {
  return s
    .replaceAll('%0D', '\r')
    .replaceAll('%0A', '\n')
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%25', '%')
}

function isAnnotation(c: WorkflowCommand): boolean {
  return c.command === 'error' || c.command === 'warning' || c.command === 'notice'
}

function toAnnotation(c: WorkflowCommand): ParsedAnnotation {
  const p = c.properties
  return {
    level: c.command as ParsedAnnotation['level'],
    message: c.data,
    ...(p.title !== undefined && { title: p.title }),
    ...(p.file !== undefined && { file: p.file }),
    ...(p.line !== undefined && { line: Number(p.line) }),
    ...(p.col !== undefined && { col: Number(p.col) })
  }
}

/** `name<<DELIM\nvalue\nDELIM` blocks (what `core.setOutput` writes) and plain `name=value` lines. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`)
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    } else if (line !== '') {
      throw new Error(`GITHUB_OUTPUT: unreadable line ${JSON.stringify(line)}`)
    }
  }
  return out
}

export interface ActionMetadata {
  inputs: Array<{ name: string; description: string; required: boolean; default?: string }>
  outputs: Array<{ name: string; description: string }>
  inputDefaults: Record<string, string>
  runs: Record<string, string>
  raw: string
}

let metadata: ActionMetadata | undefined

/**
 * A reader for our action.yml's own shape (two-space indents, `>-` folded descriptions, scalar defaults); the
 * project has no YAML dependency and this file is the one place that needs one.
 */
export function actionMetadata(): ActionMetadata {
  if (metadata) return metadata
  const raw = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
  const lines = raw.split('\n')
  const result: ActionMetadata = { inputs: [], outputs: [], inputDefaults: {}, runs: {}, raw }
  let section = ''
  let current:
    | { name: string; description: string; required: boolean; default?: string }
    | undefined
  let inDescription = false
  for (const line of lines) {
    if (/^\S/.test(line)) {
      section = line.replace(/:.*$/, '')
      current = undefined
      inDescription = false
      continue
    }
    const item = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)
    if ((section === 'inputs' || section === 'outputs') && item) {
      current = { name: item[1], description: '', required: false }
      if (section === 'inputs') result.inputs.push(current)
      else result.outputs.push(current)
      inDescription = false
      continue
    }
    if (section === 'runs') {
      const kv = /^ {2}([a-z-]+):\s*(.*)$/.exec(line)
      if (kv) result.runs[kv[1]] = unquote(kv[2])
      continue
    }
    if (!current) continue
    const prop = /^ {4}([a-z-]+):\s*(.*)$/.exec(line)
    if (prop) {
      inDescription = prop[1] === 'description'
      if (prop[1] === 'description')
        current.description = /^[>|]/.test(prop[2]) ? '' : unquote(prop[2])
      if (prop[1] === 'required') current.required = prop[2].trim() === 'true'
      if (prop[1] === 'default') current.default = unquote(prop[2])
      continue
    }
    if (inDescription && /^ {6}/.test(line))
      current.description += (current.description ? ' ' : '') + line.trim()
  }
  for (const i of result.inputs)
    if (i.default !== undefined) result.inputDefaults[i.name] = i.default
  metadata = result
  return result
}

function unquote(v: string): string {
  const s = v.trim()
  if (s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replaceAll("''", "'")
  if (s.startsWith('"') && s.endsWith('"')) return JSON.parse(s) as string
  return s
}
