import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/config.js'
import { packPackage } from '../../src/engine/pack.js'
import { cleanupTempDirs, tempDir, writeTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'size-budget'
const TREE = {
  ...STANDARD,
  '20171228/www/img/hero.png': 'x'.repeat(1500),
  '20171228/www/img/icon.png': 'x'.repeat(900)
}

describe('size-budget', () => {
  it('reports a file over the per-file budget ("1KB" is 1000 bytes)', async () => {
    const found = await check(RULE, TREE, { ...STANDARD_CONFIG, budgets: { file: '1KB' } })
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/img/hero.png',
        line: undefined,
        args: { kind: 'file', path: '20171228/www/img/hero.png', size: 1500, budget: 1000 }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"20171228/www/img/hero.png" is 1,500 bytes (1.5 KiB), over the per-file budget of 1,000 bytes'
    )
  })

  it('reports the total over its budget ("2KiB" is 2048 bytes)', async () => {
    const found = await check(RULE, TREE, { ...STANDARD_CONFIG, budgets: { total: '2KiB' } })
    const size = 1500 + 900 + '<!doctype html>'.length
    expect(found).toEqual([
      {
        severity: 'error',
        path: undefined,
        line: undefined,
        args: { kind: 'total', size, budget: 2048 }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'the package is 2,415 bytes (2.4 KiB) unzipped, over the budget of 2,048 bytes (2.0 KiB)'
    )
  })

  it('takes budgets in bytes, and a size equal to the budget passes', async () => {
    const total = 1500 + 900 + '<!doctype html>'.length
    expect(await check(RULE, TREE, { ...STANDARD_CONFIG, budgets: { file: 1500, total } })).toEqual(
      []
    )
    expect(
      (await check(RULE, TREE, { ...STANDARD_CONFIG, budgets: { file: 1499 } })).map(
        (f) => f.args.size
      )
    ).toEqual([1500])
  })

  it('accepts decimal and binary units, with or without a space', async () => {
    const found = await check(RULE, TREE, {
      ...STANDARD_CONFIG,
      budgets: { file: '0.9 KiB', total: '0.002MB' }
    })
    expect(found.map((f) => [f.args.kind, f.args.budget])).toEqual([
      ['total', 2000],
      ['file', 922]
    ])
  })

  it('passes without budgets, whatever the size', async () => {
    expect(
      await check(
        RULE,
        { ...STANDARD, '20171228/www/big.bin': Buffer.alloc(3_000_000) },
        STANDARD_CONFIG
      )
    ).toEqual([])
  })

  it('checks the zipped size when packing', async () => {
    const dir = writeTree({
      ...STANDARD,
      '20171228/www/random.bin': Buffer.from(
        Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)
      )
    })
    const out = path.join(tempDir(), 'out.zip')
    const packed = await packPackage(
      dir,
      parseConfig({ ...STANDARD_CONFIG, checkReferences: false, budgets: { zipped: 100 } }),
      { out }
    )
    const found = packed.findings.filter((f) => f.rule === RULE)
    expect(found.map((f) => [f.severity, f.args.kind, f.args.budget])).toEqual([
      ['error', 'zipped', 100]
    ])
    expect(packed.zip).toBeUndefined()
  })

  it('checks the zipped size of a zip validated as it is: the zip file itself', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: '<!doctype html>' },
      { name: '20171228/www/img/hero.png', data: 'x'.repeat(1500) }
    ])
    const bytes = fs.statSync(zip).size
    expect(await check(RULE, zip, { ...STANDARD_CONFIG, budgets: { zipped: bytes - 1 } })).toEqual([
      {
        severity: 'error',
        path: undefined,
        line: undefined,
        args: { kind: 'zipped', size: bytes, budget: bytes - 1 }
      }
    ])
    expect(await check(RULE, zip, { ...STANDARD_CONFIG, budgets: { zipped: bytes } })).toEqual([])
  })
})
