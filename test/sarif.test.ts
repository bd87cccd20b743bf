import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/core/config.js'
import { allRules, validatePackage } from '../src/engine/validate.js'
import { ruleDocsUrl } from '../src/report/messages.js'
import type { Finding } from '../src/core/findings.js'
import { writeFileAtomic } from '../src/core/output-path.js'
import {
  SARIF_MAX_RESULTS,
  repositoryRoot,
  sarifLocator,
  toSarif,
  type SarifLog
} from '../src/report/sarif.js'
import { craftZip } from './helpers/craft-zip.js'
import { sarifValidator } from './helpers/sarif-schema.js'
import { cleanupTempDirs, tempDir, writeTree } from './helpers/tree.js'

afterAll(cleanupTempDirs)

const validate = sarifValidator()

function expectValid(log: unknown) {
  const ok = validate(log)
  expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true)
}

/** A repository with a build output in `site/`: a broken reference (error, line 3), a name with a space (warning). */
async function sarifFor(files: Record<string, string>, sub = 'site', config = {}) {
  const root = tempDir('h5-sarif-')
  writeTree(files, path.join(root, sub))
  const location = path.join(root, sub)
  const result = await validatePackage(
    location,
    parseConfig({ id: '20171228', mainEntry: '/www/index.html', ...config })
  )
  const log = toSarif(result.findings, {
    root,
    locate: sarifLocator(result.pkg, location, 'directory', root)
  })
  return { root, log, result }
}

const SITE = {
  'index.html':
    '<!doctype html>\n<html><body>\n<script src="./gone.js"></script>\n</body></html>\n',
  'img/a b.png': 'x'
}

type Result = SarifLog['runs'][0]['results'][number]

describe('SARIF 2.1.0', () => {
  it('the schema validator is not vacuous: it rejects what SARIF forbids', () => {
    expect(validate({ version: '2.1.0', runs: [] })).toBe(true)
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false)
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false) // driver is required
    expect(
      validate({
        version: '2.1.0',
        runs: [
          { tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }
        ]
      })
    ).toBe(false)
  })

  it('is valid against the schema, with every rule and a result per finding', async () => {
    const { log, result } = await sarifFor(SITE)
    expectValid(log)
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('h5-offline')
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id))
    expect(run.results).toHaveLength(result.findings.length)
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex!].id).toBe(res.ruleId)
  })

  it('rules carry their description, default level and a help link to a rule page that exists', async () => {
    const { log } = await sarifFor(SITE)
    for (const rule of log.runs[0].tool.driver.rules) {
      const def = allRules.find((r) => r.id === rule.id)!
      expect(rule.shortDescription.text).toBe(def.description)
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id))
      expect(fs.existsSync(path.join('docs/rules', `${rule.id}.md`)), rule.id).toBe(true)
      expect(rule.defaultConfiguration.level).toBe(
        def.defaultSeverity === 'notice' ? 'note' : def.defaultSeverity
      )
    }
  })

  it('locates findings on the real file relative to %SRCROOT%, with the line and column where known', async () => {
    const { log, root } = await sarifFor(SITE)
    const byRule = (id: string) => log.runs[0].results.find((r: Result) => r.ruleId === id)!
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`)
    const ref = byRule('ref-broken')
    expect(ref.level).toBe('error')
    expect(ref.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'site/index.html', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: expect.any(Number) }
        }
      }
    ])
    const name = byRule('name-url-unsafe')
    expect(name.level).toBe('warning')
    expect(name.locations[0].physicalLocation.artifactLocation.uri).toBe('site/img/a%20b.png')
    expect(name.locations[0].physicalLocation).not.toHaveProperty('region')
  })

  it('puts findings about the whole package on the package, and notices become notes', async () => {
    const { log } = await sarifFor({ 'index.html': '<p>hi</p>\n' }, 'site', {
      mainEntry: undefined
    })
    expectValid(log)
    const note = log.runs[0].results.find((r: Result) => r.level === 'note')
    expect(note).toBeDefined()
    expect(note!.locations[0].physicalLocation.artifactLocation.uri).toBe('site')
  })

  it('a zip outside the root is located by an absolute file URI', async () => {
    const zip = path.join(tempDir('h5-sarif-zip-'), 'p k g.zip')
    fs.writeFileSync(
      zip,
      craftZip([
        { name: '20171228/' },
        { name: '20171228/www/' },
        { name: '20171228/www/index.html', data: '<script src="./gone.js"></script>' }
      ])
    )
    const result = await validatePackage(zip, parseConfig({ mainEntry: '/www/index.html' }))
    const root = tempDir('h5-sarif-root-')
    const log = toSarif(result.findings, {
      root,
      locate: sarifLocator(result.pkg, zip, 'zip', root)
    })
    expectValid(log)
    const ref = log.runs[0].results.find((r: Result) => r.ruleId === 'ref-broken')!
    const loc = ref.locations[0].physicalLocation.artifactLocation as {
      uri: string
      uriBaseId?: string
    }
    expect(loc.uri).toBe(`file://${zip.replace(/ /g, '%20')}`)
    expect(loc.uriBaseId).toBeUndefined()
    // The package path is in the message, since the location is the zip.
    expect(ref.message.text.startsWith('20171228/www/index.html:1:')).toBe(true)
  })

  it('gives no rule a name equal to its id, which SARIF forbids (multitool SARIF1001, case ignored)', async () => {
    const { log } = await sarifFor(SITE)
    const rules = log.runs[0].tool.driver.rules
    for (const r of rules) expect(r.name?.toLowerCase(), r.id).not.toBe(r.id.toLowerCase())
    expect(rules.find((r) => r.id === 'symlink')).not.toHaveProperty('name')
    expect(rules.find((r) => r.id === 'ref-broken')?.name).toBe('RefBroken')
  })

  it('keeps at most 25,000 results, the most severe first, and says in the run how many were left out', () => {
    // GitHub code scanning rejects a run with more than 25,000 results
    expect(SARIF_MAX_RESULTS).toBe(25_000)
    const finding = (severity: Finding['severity'], i: number): Finding => ({
      rule: 'name-urlencode',
      severity,
      path: `20171228/www/i@${i}.png`,
      args: {}
    })
    const findings = [
      ...Array.from({ length: 25_990 }, (_, i) => finding('notice', i)),
      ...Array.from({ length: 5 }, (_, i) => finding('warning', i)),
      ...Array.from({ length: 5 }, (_, i) => finding('error', i))
    ]
    const root = tempDir('h5-sarif-cap-')
    const log = toSarif(findings, { root, locate: () => ({ own: false }) })
    expectValid(log)
    const run = log.runs[0]
    expect(run.results).toHaveLength(25_000)
    expect(run.results.slice(0, 10).map((r) => r.level)).toEqual([
      ...Array<string>(5).fill('error'),
      ...Array<string>(5).fill('warning')
    ])
    // the report's order within a severity: the first notices
    expect(run.results[10].properties).toEqual({ packagePath: '20171228/www/i@0.png' })
    expect(run.properties).toEqual({ resultsTotal: 26_000, resultsOmitted: 1_000 })
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {
              text: '1,000 of 26,000 findings were left out of the SARIF file, which holds the 25,000 most severe (GitHub code scanning accepts no more per run); the JSON and text reports have them all'
            }
          }
        ]
      }
    ])
    const all = toSarif(findings.slice(0, 25_000), { root, locate: () => ({ own: false }) })
    expect(all.runs[0].results).toHaveLength(25_000)
    expect(all.runs[0]).not.toHaveProperty('invocations')
    expect(all.runs[0]).not.toHaveProperty('properties')
  })

  it('a report that cannot be written names the file asked for, not the temp file beside it', async () => {
    const file = path.join(tempDir('h5-sarif-w-'), 'gone', 'x.sarif')
    const e = (await writeFileAtomic(file, '{}').catch(
      (err: unknown) => err
    )) as NodeJS.ErrnoException
    expect(e.message).toBe(`the folder ${path.dirname(file)} does not exist`)
    expect(e.code).toBe('ENOENT')
  })
})

describe('repositoryRoot: where SARIF paths start', () => {
  it('the nearest checkout up from the package, no higher than the workspace; the workspace when it is the checkout', () => {
    const ws = tempDir()
    fs.mkdirSync(path.join(ws, 'app/dist'), { recursive: true })
    fs.mkdirSync(path.join(ws, 'app/.git'))
    // actions/checkout with path: app
    expect(repositoryRoot(path.join(ws, 'app/dist'), ws)).toBe(path.join(ws, 'app'))
    // the workspace is the checkout, app a submodule (a .git file) or a second checkout in it
    fs.mkdirSync(path.join(ws, '.git'))
    expect(repositoryRoot(path.join(ws, 'app/dist'), ws)).toBe(ws)
    // a package outside the workspace (a downloaded artifact): the workspace
    expect(repositoryRoot(tempDir(), ws)).toBe(ws)
    // the CLI: up from the current folder, else the folder itself
    expect(repositoryRoot(path.join(ws, 'app/dist'))).toBe(path.join(ws, 'app'))
    const lone = tempDir()
    expect(repositoryRoot(lone)).toBe(lone)
  })
})
