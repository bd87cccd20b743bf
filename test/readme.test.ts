import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allRules } from '../src/engine/validate.js'
import { VERSION } from '../src/version.js'

const readme = fs.readFileSync('README.md', 'utf8')
const actionYml = fs.readFileSync('action.yml', 'utf8')

/** Top-level keys of a block of action.yml (`inputs:` or `outputs:`), read by indentation. */
function actionKeys(block: 'inputs' | 'outputs'): string[] {
  const lines = actionYml.split('\n')
  const start = lines.indexOf(`${block}:`)
  const keys: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const m = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (m) keys.push(m[1])
  }
  return keys
}

function tableFirstColumn(after: string): string[] {
  const section = readme.slice(readme.indexOf(after))
  const rows = section.split('\n').filter((l) => l.startsWith('|'))
  const out: string[] = []
  // Skip the header and the |---| line.
  for (const row of rows.slice(2)) {
    const m = /^\| \[?`([^`]+)`/.exec(row)
    if (!m) break
    out.push(m[1])
  }
  return out
}

describe('README stays true', () => {
  it('lists every rule, linked to its docs page', () => {
    expect(tableFirstColumn('<!-- rules-table -->')).toEqual(allRules.map((r) => r.id))
    for (const r of allRules) expect(readme).toContain(`(docs/rules/${r.id}.md)`)
  })

  it('documents every Action input and output', () => {
    expect(tableFirstColumn('<!-- inputs-table -->').sort()).toEqual(actionKeys('inputs').sort())
    expect(tableFirstColumn('## Outputs').sort()).toEqual(actionKeys('outputs').sort())
  })

  it('has the quick start the guide promises', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test')
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'))
    expect(pkg.scripts.demo).toBeTruthy()
    expect(pkg.scripts.test).toBeTruthy()
    expect(VERSION).toBe(pkg.version)
  })
})
