import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseConfig, type ConfigInput } from '../../src/core/config.js'
import type { Finding } from '../../src/core/findings.js'
import { validatePackage } from '../../src/engine/validate.js'

/** A file tree for a test: path → content (string or bytes); a path ending in '/' is an empty folder. */
export type Tree = Record<string, string | Buffer>

const made: string[] = []

export function tempDir(prefix = 'h5-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Writes a tree into a fresh temp folder and returns the folder. */
export function writeTree(tree: Tree, root = tempDir()): string {
  for (const [rel, content] of Object.entries(tree)) {
    const full = path.join(root, ...rel.split('/'))
    if (rel.endsWith('/')) {
      fs.mkdirSync(full, { recursive: true })
      continue
    }
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, content)
  }
  return root
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true })
}

/** Validates a tree (or a path) with a configuration, as the CLI would. */
export async function validateTree(tree: Tree | string, config: Partial<ConfigInput> = {}) {
  const location = typeof tree === 'string' ? tree : writeTree(tree)
  return validatePackage(location, parseConfig(config))
}

/** The findings of one rule, reduced to what tests compare. */
export function findingsOf(findings: Finding[], rule: string) {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => ({ severity: f.severity, path: f.path, line: f.line, args: f.args }))
}
