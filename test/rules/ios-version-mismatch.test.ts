import fs from 'node:fs'
import path from 'node:path'
import { build, buildBinary, type PlistValue } from 'plist'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../../src/core/errors.js'
import { cleanupTempDirs, tempDir, validateTree } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ios-version-mismatch'

function infoPlist(keys: Record<string, PlistValue> | PlistValue[], binary = false): string {
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
    await expect(
      validateTree(STANDARD, { ...STANDARD_CONFIG, checkReferences: false, infoPlist: broken })
    ).rejects.toThrow(/not a valid Info.plist/)
  })

  it('a corrupt plist is one usage error naming the file, and the XML parser prints nothing', async () => {
    const logged = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'log').mockImplementation(() => {})
    ]
    const failure = async (content: string | Buffer) => {
      const file = path.join(tempDir(), 'Info.plist')
      fs.writeFileSync(file, content)
      const e = await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file }).catch(
        (err: unknown) => err
      )
      expect(e).toBeInstanceOf(UsageError)
      return (e as Error).message.replace(file, 'F')
    }
    try {
      expect(await failure('<plist><dict><key>x')).toBe(
        'F is not a valid Info.plist: the XML is malformed: unclosed xml tag(s): plist, dict, key (line 1)'
      )
      expect(await failure('<plist><dict><key>a</key></dict></plist>')).toBe(
        'F is not a valid Info.plist: the key "a" has no value'
      )
      const binary = Buffer.from(
        buildBinary({ 'Product Version': '3.0', CFBundleShortVersionString: '3.0' })
      )
      // cut short, the library says "Unsupported int size: 6"
      expect(await failure(binary.subarray(0, binary.length - 10))).toBe(
        'F is not a valid Info.plist: the binary plist is damaged or cut short'
      )
      expect(await failure(Buffer.from([0x3c, 0xff, 0xfe, 0x80]))).toBe(
        'F is not a valid Info.plist: it is neither a binary plist nor UTF-8 or UTF-16 text'
      )
      expect(await failure(build(['1.0']))).toBe(
        'F is not a valid Info.plist: its top level is an array, where an Info.plist has a dict'
      )
      for (const spy of logged) expect(spy).not.toHaveBeenCalled()
    } finally {
      for (const spy of logged) spy.mockRestore()
    }
  })

  it('reads a UTF-16 XML plist, as Apple’s tools do (with a byte order mark either way, or without)', async () => {
    const xml = build({ 'Product Version': '2.0.0', CFBundleShortVersionString: '2.1.0' }).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"'
    )
    const le = Buffer.from(`\ufeff${xml}`, 'utf16le')
    const be = Buffer.from(le).swap16()
    for (const bytes of [le, be, le.subarray(2), be.subarray(2)]) {
      const file = path.join(tempDir(), 'Info.plist')
      fs.writeFileSync(file, bytes)
      const found = await check(RULE, STANDARD, { ...STANDARD_CONFIG, infoPlist: file })
      expect(found.map((f) => [f.args.product, f.args.short])).toEqual([['2.0.0', '2.1.0']])
    }
  })

  it('says a key of another type must be a string instead of coercing it or passing it over', async () => {
    const argsOf = async (
      keys: Record<string, PlistValue>,
      binary = false,
      iosMinVersion?: string
    ) =>
      (
        await check(RULE, STANDARD, {
          ...STANDARD_CONFIG,
          infoPlist: infoPlist(keys, binary),
          ...(iosMinVersion && { iosMinVersion })
        })
      ).map((f) => f.args)
    // binary: the real 10.10 reads as 10.1, which once made a false mismatch with "10.10"
    const real = await argsOf(
      { CFBundleShortVersionString: '10.10', 'Product Version': 10.1 },
      true
    )
    expect(real).toEqual([
      { problem: 'type', key: 'Product Version', type: 'a number (10.1)', file: expect.any(String) }
    ])
    expect(messageOf(RULE, real[0])).toBe(
      '"Product Version" in Info.plist must be a string, but it is a number (10.1): it cannot be compared with CFBundleShortVersionString'
    )
    const array = await argsOf({ CFBundleShortVersionString: ['1.0'], 'Product Version': '1.0' })
    expect(array.map((a) => [a.key, a.type])).toEqual([['CFBundleShortVersionString', 'an array']])
    expect(
      (await argsOf({ CFBundleShortVersionString: '10', 'Product Version': 10 })).map((a) => a.type)
    ).toEqual(['an integer (10)'])
    // with a minimum version, ios-min-version names Product Version: one finding, not two
    expect(
      await argsOf({ CFBundleShortVersionString: '10', 'Product Version': 10 }, false, '1.0')
    ).toEqual([])
  })
})
