import { defineRule } from './types.js'
import { describeValue, readIosVersions } from './ios-plist.js'
import { compareVersions } from './util.js'

const COMPARABLE = /^\d+(\.\d+)*$/

export default defineRule({
  id: 'ios-min-version',
  description:
    "The client range's minimum iOS version is lower than Product Version in Info.plist.",
  defaultSeverity: 'error',
  message: (a) => {
    switch (a.problem) {
      case 'missing':
        return `Info.plist has no "Product Version" key to compare the minimum iOS version ${a.min} with`
      case 'type':
        return `"Product Version" in Info.plist must be a string, but it is ${a.type}: the minimum iOS version ${a.min} cannot be compared with it`
      case 'variable':
        return `Product Version in Info.plist is ${a.product}, a build setting Xcode fills in when it builds the app, so the minimum iOS version ${a.min} cannot be compared with it: give the built app's Info.plist (inside the .app), not the source one`
      case 'format':
        return `Product Version ${JSON.stringify(a.product)} in Info.plist is not a version (dotted numbers such as 10.2.0), so the minimum iOS version ${a.min} cannot be compared with it`
      default:
        return `the minimum iOS client version ${a.min} is not lower than Product Version ${a.product}: no iOS client will take the package`
    }
  },
  fix: 'Set the client range minimum in the MDS console below the app’s Product Version (1.0.0 is a safe minimum).',
  async check({ config }, report) {
    if (!config.infoPlist || !config.iosMinVersion) return
    const min = config.iosMinVersion
    const { productVersion } = await readIosVersions(config.infoPlist)
    // What cannot be compared is a warning, as a missing key is: the error says no client takes the package,
    // which only a comparison shows.
    if (productVersion === undefined)
      return report({ severity: 'warning', args: { problem: 'missing', min } })
    if (!('text' in productVersion))
      return report({
        severity: 'warning',
        args: { problem: 'type', min, type: describeValue(productVersion) }
      })
    const product = productVersion.text
    if (!COMPARABLE.test(product))
      return report({
        severity: 'warning',
        args: { problem: /\$[({]/.test(product) ? 'variable' : 'format', min, product }
      })
    if (compareVersions(min, product) >= 0) {
      report({ args: { problem: 'order', min, product } })
    }
  }
})
