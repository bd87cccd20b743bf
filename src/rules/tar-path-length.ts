import { pathInPackage } from '../core/layout.js'
import { defineRule } from './types.js'

export const TAR_NAME_LIMIT = 100

export default defineRule({
  id: 'tar-path-length',
  description:
    'The path after ID/ is at most 100 bytes (longer names need GNU long-name records in the .amr tar).',
  defaultSeverity: 'warning',
  message: (a) =>
    `"${a.inner}" is ${a.bytes} bytes, over the ${a.limit}-byte tar name field; older clients may not unpack it`,
  fix: 'Shorten deep folder names (e.g. flatten static/js/chunks/…).',
  check({ pkg }, report) {
    for (const f of pkg.files) {
      const inner = pathInPackage(f.path)
      const bytes = Buffer.byteLength(inner)
      if (bytes > TAR_NAME_LIMIT)
        report({ path: f.path, args: { inner, bytes, limit: TAR_NAME_LIMIT } })
    }
  }
})
