import { defineRule } from './types.js'
import { readIosVersions } from './ios-plist.js'

export default defineRule({
  id: 'ios-version-mismatch',
  description: "Product Version equals CFBundleShortVersionString in the app's Info.plist.",
  defaultSeverity: 'warning',
  message: (a) =>
    `Info.plist has Product Version "${a.product}" but CFBundleShortVersionString "${a.short}"; MDS documents that a mismatch keeps offline packages from taking effect`,
  fix: 'Give both keys the same value in the iOS app’s Info.plist.',
  async check({ config }, report) {
    if (!config.infoPlist) return
    const v = await readIosVersions(config.infoPlist)
    if (
      v.productVersion !== undefined &&
      v.shortVersion !== undefined &&
      v.productVersion !== v.shortVersion
    ) {
      report({ args: { product: v.productVersion, short: v.shortVersion, file: config.infoPlist } })
    }
  }
})
