import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from './run-action.js'

export interface NodeBinary {
  label: string
  path: string
}

/** The Node major the Action declares (`runs.using: node24`, `.node-version`). */
export const RUNTIME_MAJOR = Number(
  fs.readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim().split('.')[0]
)

/** Outside package.json and already git-ignored; `npm ci` clears it, which only costs a download. */
const CACHE = path.join(ROOT, 'node_modules/.cache/node' + RUNTIME_MAJOR)

/**
 * The Node binaries to run the end-to-end suite with: the one running the tests, plus the Action's runtime
 * major when that is a different one. The latter comes from the npm package `node-<platform>-<arch>` (official
 * binaries), installed once into a cache folder. A failed download fails the suite: the runtime the Action
 * ships on must be tested. Set E2E_SKIP_RUNTIME_NODE=1 to skip it on an offline machine (refused on CI).
 */
export function nodeBinaries(): NodeBinary[] {
  const current: NodeBinary = { label: `node ${process.version} (current)`, path: process.execPath }
  if (Number(process.versions.node.split('.')[0]) === RUNTIME_MAJOR) return [current]
  if (process.env.E2E_SKIP_RUNTIME_NODE === '1' && !process.env.CI) return [current]
  return [current, runtimeNode()]
}

function runtimeNode(): NodeBinary {
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`
  const bin = path.join(
    CACHE,
    'node_modules',
    pkg,
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node'
  )
  if (!versionOf(bin)?.startsWith(`v${RUNTIME_MAJOR}.`)) {
    try {
      fs.mkdirSync(CACHE, { recursive: true })
      execFileSync(
        'npm',
        [
          'install',
          '--prefix',
          CACHE,
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `${pkg}@${RUNTIME_MAJOR}`
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 }
      )
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string }
      throw new Error(
        `Could not install Node ${RUNTIME_MAJOR} (npm install ${pkg}@${RUNTIME_MAJOR} into ${CACHE}) to run the Action's ` +
          `end-to-end suite on its runtime: ${err.stderr?.toString() || err.message}`,
        { cause: e }
      )
    }
  }
  const version = versionOf(bin)
  if (!version?.startsWith(`v${RUNTIME_MAJOR}.`))
    throw new Error(`${bin} is not Node ${RUNTIME_MAJOR} (${version ?? 'not runnable'})`)
  return { label: `node ${version} (runtime)`, path: bin }
}

function versionOf(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}
