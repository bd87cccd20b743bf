import fs from 'node:fs'
import path from 'node:path'
import type { ConfigInput } from '../../src/core/config.js'
import type { MessageArgs } from '../../src/core/findings.js'
import { allRules } from '../../src/engine/validate.js'
import { craftZip, type CraftEntry } from '../helpers/craft-zip.js'
import { findingsOf, tempDir, validateTree, type Tree } from '../helpers/tree.js'

/** The public cloud host and an `<appId>_<workspace>` folder, as in the MDS docs. */
export const HOST = 'mcube-prod.mpaascloud.com'
export const APP_WS = '53E5279071442_test'

/** A standard package with its main entry, the smallest tree most rules pass on. */
export const STANDARD: Tree = { '20171228/www/index.html': '<!doctype html>' }
export const STANDARD_CONFIG: Partial<ConfigInput> = { mainEntry: '/www/index.html' }

/**
 * Validates a tree, a directory or a zip and returns the findings of one rule. The reference scan is off unless
 * the config turns it on, so findings of the ref-* rules cannot leak into tests of other rules.
 */
export async function check(rule: string, tree: Tree | string, config: Partial<ConfigInput> = {}) {
  const v = await validateTree(tree, { checkReferences: false, ...config })
  return findingsOf(v.findings, rule)
}

/** The English the formatters print for a finding. */
export function messageOf(rule: string, args: MessageArgs): string {
  const r = allRules.find((x) => x.id === rule)
  if (!r) throw new Error(`no rule ${rule}`)
  return r.message(args)
}

/** Writes a zip crafted byte by byte (any name, flag or mode) and returns its path. */
export function zipOf(entries: readonly CraftEntry[]): string {
  const file = path.join(tempDir('h5-rule-zip-'), 'package.zip')
  fs.writeFileSync(file, craftZip(entries))
  return file
}
