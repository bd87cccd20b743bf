import { defineRule } from './types.js'

/** IDs the mPaaS SDK ships its own packages under. */
export const RESERVED_IDS = new Set(['20000196', '66666692', '68687029', '68687209'])
const DISCOURAGED_PREFIXES = ['666666', '20000']

export default defineRule({
  id: 'package-id-reserved',
  description:
    'The package ID is not one the mPaaS SDK uses (error) nor in a range it reserves (warning).',
  defaultSeverity: 'error',
  message: (a) =>
    a.reserved
      ? `package ID ${a.id} is used by the mPaaS SDK's own packages and will conflict`
      : `package IDs starting with ${a.prefix} are used by mPaaS; ${a.id} may conflict with a future SDK package`,
  fix: 'Create the app with an ID outside 20000…/666666… in the MDS console.',
  check({ pkg }, report) {
    const id = pkg.id
    if (!id || !/^\d{8}$/.test(id)) return
    if (RESERVED_IDS.has(id)) return report({ path: id, args: { id, reserved: 1 } })
    const prefix = DISCOURAGED_PREFIXES.find((p) => id.startsWith(p))
    if (prefix) report({ path: id, severity: 'warning', args: { id, prefix } })
  }
})
