import fs from 'node:fs'
import path from 'node:path'
import { build, buildBinary } from 'plist'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { cleanupTempDirs, tempDir, validateTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ios-version-mismatch'

function infoPlist(keys: Record<string, string>, binary = false): string {
  const file = path.join(tempDir('h5-plist-'), 'Info.plist')
  fs.writeFileSync(file, binary ? Buffer.from(buildBinary(keys)) : build(keys))
  return file
}

describe('ios-version-mismatch', () => {
  it('warns when Product Version and CFBundleShortVersionString differ (XML plist)', async () => {
    const file = infoPlist({
      CFBundleIdentifier: 'com.example.app',
      'Product Version': '1.0.0.0',
      CFBundleShortVersionString: '1.0'
    })
    expect(fs.readFileSync(file, 'utf8')).toContain('<key>Product Version</key>')
    const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file })
    expect(found).toEqual([
      {
        severity: 'warning',
        path: undefined,
        line: undefined,
        args: { product: '1.0.0.0', short: '1.0', file }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'Info.plist has Product Version "1.0.0.0" but CFBundleShortVersionString "1.0"; MDS documents that a mismatch keeps offline packages from taking effect'
    )
  })

  it('reads a binary plist too', async () => {
    const file = infoPlist(
      { 'Product Version': '2.0.0', CFBundleShortVersionString: '2.1.0' },
      true
    )
    expect(fs.readFileSync(file).subarray(0, 6).toString('latin1')).toBe('bplist')
    const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file })
    expect(found.map((f) => [f.args.product, f.args.short])).toEqual([['2.0.0', '2.1.0']])
  })

  it('passes equal versions', async () => {
    const file = infoPlist({ 'Product Version': '1.0.0.0', CFBundleShortVersionString: '1.0.0.0' })
    expect(await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file })).toEqual([])
  })

  it('passes when a key is missing (ios-min-version reports a missing Product Version)', async () => {
    const file = infoPlist({ CFBundleShortVersionString: '1.0' })
    expect(await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file })).toEqual([])
  })

  it('passes when no Info.plist is given', async () => {
    expect(await check(RULE, STANDARD, STANDARD_CONFIG)).toEqual([])
  })

  it('a missing or broken Info.plist is a usage error', async () => {
    await expect(
      validateTree(STANDARD, {
        ...STANDARD_CONFIG,
        checkReferences: false,
        infoPlist: path.join(tempDir(), 'nope.plist')
      })
    ).rejects.toThrow(UsageError)
    const broken = path.join(tempDir(), 'Info.plist')
    fs.writeFileSync(broken, '<plist><dict><key>x')
    // The XML parser logs its own complaint; the UsageError is what the user sees.
    const quiet = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {})
    ]
    await expect(
      validateTree(STANDARD, { ...STANDARD_CONFIG, checkReferences: false, infoPlist: broken })
    ).rejects.toThrow(/not a valid Info.plist/)
    for (const spy of quiet) spy.mockRestore()
  })
})
