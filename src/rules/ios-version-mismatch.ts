import { defineRule } from './types.js'
import { describeValue, readIosVersions } from './ios-plist.js'

export default defineRule({
  id: 'ios-version-mismatch',
  description: "Product Version equals CFBundleShortVersionString in the app's Info.plist.",
  defaultSeverity: 'warning',
  message: (a) =>
    a.problem === 'type'
      ? `"${a.key}" in Info.plist must be a string, but it is ${a.type}: it cannot be compared with ${a.key === 'Product Version' ? 'CFBundleShortVersionString' : 'Product Version'}`
      : `Info.plist has Product Version "${a.product}" but CFBundleShortVersionString "${a.short}"; MDS documents that a mismatch keeps offline packages from taking effect`,
  fix: 'Give both keys the same value, a string, in the iOS app’s Info.plist.',
  async check({ config }, report) {
    if (!config.infoPlist) return
    const { productVersion, shortVersion } = await readIosVersions(config.infoPlist)
    const keys = [
      // with a minimum version given, ios-min-version names a Product Version of the wrong type
      ['Product Version', config.iosMinVersion ? undefined : productVersion],
      ['CFBundleShortVersionString', shortVersion]
    ] as const
    for (const [key, v] of keys) {
      if (v && !('text' in v))
        report({ args: { problem: 'type', key, type: describeValue(v), file: config.infoPlist } })
    }
    if (productVersion && shortVersion && 'text' in productVersion && 'text' in shortVersion) {
      if (productVersion.text !== shortVersion.text)
        report({
          args: { product: productVersion.text, short: shortVersion.text, file: config.infoPlist }
        })
    }
  }
})
