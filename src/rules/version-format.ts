import { defineRule } from './types.js'

export default defineRule({
  id: 'version-format',
  description: 'The version is dotted numbers; anything but four parts (1.0.0.1) is a warning.',
  defaultSeverity: 'error',
  message: (a) =>
    a.problem === 'parts'
      ? `version "${a.version}" has ${a.parts} part(s); the MDS console uses four${a.suggestion ? ` (e.g. ${a.suggestion})` : ''}`
      : `version "${a.version}" is not dotted numbers such as 1.0.0.1`,
  fix: 'Use four dotted numbers, e.g. 1.2.3.0.',
  check({ config }, report) {
    const version = config.version
    if (version === undefined) return
    if (!/^\d+(\.\d+)*$/.test(version)) return report({ args: { problem: 'format', version } })
    const parts = version.split('.')
    if (parts.length !== 4) {
      const suggestion = parts.length < 4 ? [...parts, '0', '0', '0'].slice(0, 4).join('.') : ''
      report({
        severity: 'warning',
        args: { problem: 'parts', version, parts: parts.length, suggestion }
      })
    }
  }
})
