import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { INPUT_FOR_KEY } from '../src/action/inputs.js'
import { contentRules, packageRules } from '../src/rules/index.js'

/**
 * A rule cannot land without its page in docs/rules and its test in test/rules, and a page cannot outlive its
 * rule. The pages are written by hand; this keeps them honest about ids, sections and default severities.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DOCS = path.join(ROOT, 'docs/rules')
const TESTS = path.join(ROOT, 'test/rules')
const rules = [...packageRules, ...contentRules]
const ids = rules.map((r) => r.id)
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const SEVERITIES = ['error', 'warning', 'notice']

const readPage = (id: string) => fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8')

/** The text under a `## ` heading, up to the next `## ` heading. */
function section(page: string, heading: string): string | undefined {
  const lines = page.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start === -1) return undefined
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '))
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n')
}

describe('rule definitions', () => {
  it('has unique ids', () => {
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it.each(ids)(
    '%s: kebab-case id, description, fix, message and a known default severity',
    (id) => {
      const rule = rules.find((r) => r.id === id)!
      expect(id).toMatch(KEBAB)
      expect(rule.description.trim()).not.toBe('')
      expect(rule.fix.trim()).not.toBe('')
      expect(typeof rule.message).toBe('function')
      expect(typeof rule.check).toBe('function')
      expect(SEVERITIES).toContain(rule.defaultSeverity)
    }
  )

  it('marks the content rules as needing file contents (so --no-refs skips them)', () => {
    expect(contentRules.filter((r) => !r.needsContent).map((r) => r.id)).toEqual([])
    expect(packageRules.filter((r) => r.needsContent).map((r) => r.id)).toEqual([])
  })
})

describe('rule pages (docs/rules)', () => {
  it('has a page for every rule', () => {
    expect(ids.filter((id) => !fs.existsSync(path.join(DOCS, `${id}.md`)))).toEqual([])
  })

  it('has no page for a rule that does not exist', () => {
    const pages = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -'.md'.length))
    expect(pages.filter((p) => !ids.includes(p))).toEqual([])
  })

  it.each(ids.filter((id) => fs.existsSync(path.join(DOCS, `${id}.md`))))(
    '%s.md: title, severity and sections',
    (id) => {
      const page = readPage(id)
      const rule = rules.find((r) => r.id === id)!
      expect(page.split('\n')[0]).toBe(`# ${id}`)
      expect(page).toMatch(
        new RegExp(`^Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`, 'm')
      )
      for (const heading of ['Failing example', 'Passing example', 'Configuration']) {
        const body = section(page, heading)
        expect(body, `${id}.md has no "## ${heading}" section`).toBeDefined()
        expect(body!.trim(), `${id}.md: "## ${heading}" is empty`).not.toBe('')
      }
      expect(page.indexOf('## Failing example')).toBeLessThan(page.indexOf('## Passing example'))
      // The failing example shows the finding as the CLI prints it: "<severity> <id> (<count>)".
      expect(section(page, 'Failing example')).toMatch(
        new RegExp(`^(error|warning|notice) ${id} \\(\\d+\\)$`, 'm')
      )
      expect(section(page, 'Configuration')).toContain(`${id}=`)
    }
  )

  it('names the Action input of every setting a rule reads that has one', () => {
    // size-budget's page once said the Action read budgets only from the config file
    const missing: string[] = []
    for (const id of ids) {
      const settings = readPage(id).split(/^Settings this rule reads/m)[1]
      if (!settings) continue
      for (const item of settings.split(/^- /m).slice(1)) {
        const key = /^`(\w+)/.exec(item)?.[1]
        const input = key && INPUT_FOR_KEY[key]
        // an item that says where to set it (a flag) says it for the Action too
        if (
          input &&
          item.includes('`--') &&
          !new RegExp(`Action( reads it from the)? \`${input}[\`:]`).test(item)
        )
          missing.push(`${id}.md: ${key} → ${input}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('links every page it mentions to a page that exists', () => {
    const broken: string[] = []
    for (const file of fs.readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(DOCS, file), 'utf8')
      for (const [, target] of text.matchAll(/\]\(([a-z0-9-]+\.md)\)/g)) {
        if (!fs.existsSync(path.join(DOCS, target))) broken.push(`${file} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('lists every rule in README.md, linked, with its default severity, and nothing else', () => {
    const readme = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8')
    const rows = [...readme.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| (\w+) \|/gm)].map(
      ([, id, link, severity]) => ({
        id,
        link,
        severity
      })
    )
    expect(rows).toEqual(
      rules.map((r) => ({ id: r.id, link: `${r.id}.md`, severity: r.defaultSeverity }))
    )
  })
})

describe('rule tests (test/rules)', () => {
  it('has a test file for every rule', () => {
    expect(ids.filter((id) => !fs.existsSync(path.join(TESTS, `${id}.test.ts`)))).toEqual([])
  })
})
