import { guessType } from '../core/layout.js'
import { defineRule } from './types.js'

export default defineRule({
  id: 'type-mismatch',
  description: 'The layout matches the declared package type; global and standard are never mixed.',
  defaultSeverity: 'error',
  message: (a) =>
    a.declared === 'global'
      ? `declared a global package, but "${a.id}" has no <host>/…/<appId>_<workspace>/ folders`
      : `declared a standard package, but "${a.id}" is laid out as a global package (${a.example})`,
  fix: 'Set the package type to what the layout is (--type / package-type), or lay the files out for that type.',
  check({ pkg, config }, report) {
    if (!pkg.typeDeclared || pkg.mode === 'build' || !pkg.id) return
    const detected = guessType(pkg.files, pkg.id, config)
    if (detected === pkg.type) return
    const example = pkg.files.find((f) => f.path.split('/').length >= 4)?.path ?? ''
    report({ path: pkg.id, args: { declared: pkg.type, detected, id: pkg.id, example } })
  }
})
