import { defineRule } from './types.js'

export default defineRule({
  id: 'package-id-mismatch',
  description: 'The first-level folder equals the configured package ID.',
  defaultSeverity: 'error',
  message: (a) =>
    `the package folder is "${a.found}" but the configured package ID is "${a.expected}"`,
  fix: 'Rename the folder or correct the configured ID (--id); the console rejects a mismatch. If the folder belongs to your build (a date), not the ID folder, give --layout build.',
  check({ pkg, config }, report) {
    if (config.id && pkg.id && /^\d{8}$/.test(pkg.id) && pkg.id !== config.id) {
      report({ path: pkg.id, args: { found: pkg.id, expected: config.id } })
    }
  }
})
