import { defineRule } from './types.js'
import { allPaths } from './util.js'

export default defineRule({
  id: 'name-case-collision',
  description: 'No two paths are equal ignoring case or after Unicode NFC normalisation.',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.path}" and "${a.other}" are the same path on case-insensitive or normalising file systems` +
    (a.form ? ` (they differ only in Unicode normalization: ${a.form})` : ''),
  fix: 'Rename one of them; the phone and the CDN are case-sensitive, macOS and Windows are not.',
  check({ pkg }, report) {
    const seen = new Map<string, string>()
    for (const p of allPaths(pkg).sort()) {
      const key = p.normalize('NFC').toLowerCase()
      const other = seen.get(key)
      if (other === undefined) seen.set(key, p)
      else if (other !== p) {
        // names that look identical: say how they differ (é as one code point or two)
        const form = p.toLowerCase() === other.toLowerCase() ? '' : normalizationNote(p, other)
        report({ path: p, args: { path: p, other, ...(form && { form }) } })
      }
    }
  }
})

/** Where the two names part, by code point: `U+00E9 against U+0065 U+0301`. */
function normalizationNote(a: string, b: string): string {
  const x = [...a]
  const y = [...b]
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i]) i++
  let j = 0
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++
  const codes = (chars: string[]) =>
    chars
      .slice(i, chars.length - j)
      .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
      .join(' ')
  return `${codes(x)} against ${codes(y)}`
}
