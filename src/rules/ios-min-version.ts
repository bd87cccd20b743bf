import { defineRule } from './types.js'
import { readIosVersions } from './ios-plist.js'
import { compareVersions } from './util.js'

export default defineRule({
  id: 'ios-min-version',
  description:
    "The client range's minimum iOS version is lower than Product Version in Info.plist.",
  defaultSeverity: 'error',
  message: (a) =>
    a.problem === 'missing'
      ? `Info.plist has no "Product Version" key to compare the minimum iOS version ${a.min} with`
      : `the minimum iOS client version ${a.min} is not lower than Product Version ${a.product}: no iOS client will take the package`,
  fix: 'Set the client range minimum in the MDS console below the app’s Product Version (1.0.0 is a safe minimum).',
  async check({ config }, report) {
    if (!config.infoPlist || !config.iosMinVersion) return
    const { productVersion } = await readIosVersions(config.infoPlist)
    if (productVersion === undefined)
      return report({
        severity: 'warning',
        args: { problem: 'missing', min: config.iosMinVersion }
      })
    if (compareVersions(config.iosMinVersion, productVersion) >= 0) {
      report({ args: { problem: 'order', min: config.iosMinVersion, product: productVersion } })
    }
  }
})
