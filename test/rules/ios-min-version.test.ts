import fs from 'node:fs'
import path from 'node:path'
import { build, buildBinary, type PlistValue } from 'plist'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, tempDir } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ios-min-version'

function infoPlist(keys: Record<string, PlistValue>, binary = false): string {
  const file = path.join(tempDir('h5-plist-'), 'Info.plist')
  fs.writeFileSync(file, binary ? Buffer.from(buildBinary(keys)) : build(keys))
  return file
}
const run = (productVersion: string, iosMinVersion: string, binary = false) =>
  check(RULE, STANDARD, {
    ...STANDARD_CONFIG,
    infoPlist: infoPlist(
      { 'Product Version': productVersion, CFBundleShortVersionString: productVersion },
      binary
    ),
    iosMinVersion
  })

describe('ios-min-version', () => {
  it('reports a minimum equal to Product Version', async () => {
    const found = await run('10.2.0', '10.2.0')
    expect(found).toEqual([
      {
        severity: 'error',
        path: undefined,
        line: undefined,
        args: { problem: 'order', min: '10.2.0', product: '10.2.0' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'the minimum iOS client version 10.2.0 is not lower than Product Version 10.2.0: no iOS client will take the package'
    )
  })

  it('compares part by part as numbers (10.10 is above 10.2) and pads missing parts with 0', async () => {
    expect((await run('10.2.0', '10.10')).map((f) => f.args.problem)).toEqual(['order'])
    expect((await run('10.2.0', '10.2')).map((f) => f.args.problem)).toEqual(['order'])
  })

  it('passes a lower minimum', async () => {
    expect(await run('10.2.0', '10.1.9')).toEqual([])
    expect(await run('10.2.0', '1.0.0')).toEqual([])
  })

  it('reads a binary Info.plist', async () => {
    expect((await run('3.0', '3.0', true)).map((f) => f.args.product)).toEqual(['3.0'])
    expect(await run('3.0', '2.9', true)).toEqual([])
  })

  it('warns when Info.plist has no Product Version to compare with', async () => {
    const found = await check(RULE, STANDARD, {
      ...STANDARD_CONFIG,
      infoPlist: infoPlist({ CFBundleShortVersionString: '10.2.0' }),
      iosMinVersion: '1.0.0'
    })
    expect(found).toEqual([
      {
        severity: 'warning',
        path: undefined,
        line: undefined,
        args: { problem: 'missing', min: '1.0.0' }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      'Info.plist has no "Product Version" key to compare the minimum iOS version 1.0.0 with'
    )
  })

  it('warns that a Product Version that is not dotted numbers is not a version, instead of comparing it', async () => {
    const argsOf = async (productVersion: string) => {
      const found = await run(productVersion, '1.0.0')
      expect(found.map((f) => f.severity)).toEqual(['warning'])
      return found[0].args
    }
    // an unexpanded build setting: the source Info.plist was given, not the built app's
    const variable = await argsOf('$(MARKETING_VERSION)')
    expect(variable).toEqual({ problem: 'variable', min: '1.0.0', product: '$(MARKETING_VERSION)' })
    expect(messageOf(RULE, variable)).toBe(
      "Product Version in Info.plist is $(MARKETING_VERSION), a build setting Xcode fills in when it builds the app, so the minimum iOS version 1.0.0 cannot be compared with it: give the built app's Info.plist (inside the .app), not the source one"
    )
    expect((await argsOf('${MARKETING_VERSION}')).problem).toBe('variable')
    for (const product of ['', '10.2.0-beta', '10..2', 'v10']) {
      expect(await argsOf(product)).toEqual({ problem: 'format', min: '1.0.0', product })
    }
    expect(messageOf(RULE, await argsOf(''))).toBe(
      'Product Version "" in Info.plist is not a version (dotted numbers such as 10.2.0), so the minimum iOS version 1.0.0 cannot be compared with it'
    )
  })

  it('warns that a Product Version of another type must be a string, naming the type (XML and binary)', async () => {
    const argsOf = async (productVersion: PlistValue, binary = false) => {
      const found = await check(RULE, STANDARD, {
        ...STANDARD_CONFIG,
        infoPlist: infoPlist({ 'Product Version': productVersion }, binary),
        iosMinVersion: '1.0.0'
      })
      expect(found.map((f) => f.severity)).toEqual(['warning'])
      return found[0].args
    }
    const integer = await argsOf(10)
    expect(integer).toEqual({ problem: 'type', min: '1.0.0', type: 'an integer (10)' })
    expect(messageOf(RULE, integer)).toBe(
      '"Product Version" in Info.plist must be a string, but it is an integer (10): the minimum iOS version 1.0.0 cannot be compared with it'
    )
    expect((await argsOf(10.1)).type).toBe('a real (10.1)')
    // a binary plist's real 10.10 reads as 10.1: never compared as if it were the string "10.1"
    expect((await argsOf(10.1, true)).type).toBe('a number (10.1)')
    expect((await argsOf({ v: '1.0' })).type).toBe('a dict')
    expect((await argsOf(['1.0'], true)).type).toBe('an array')
    expect((await argsOf(true)).type).toBe('a boolean')
  })

  it('refuses a minimum version without an Info.plist, and does nothing without a minimum version', async () => {
    await expect(
      check(RULE, STANDARD, { ...STANDARD_CONFIG, iosMinVersion: '99.0' })
    ).rejects.toThrow(/iosMinVersion: needs the app's Info.plist/)
    await expect(
      check(RULE, STANDARD, {
        ...STANDARD_CONFIG,
        iosMinVersion: 'ten',
        infoPlist: infoPlist({ 'Product Version': '1.0' })
      })
    ).rejects.toThrow(/dotted numbers/)
    expect(
      await check(RULE, STANDARD, {
        ...STANDARD_CONFIG,
        infoPlist: infoPlist({ 'Product Version': '1.0' })
      })
    ).toEqual([])
  })
})
