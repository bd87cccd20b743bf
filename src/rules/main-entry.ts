import { defineRule } from './types.js'
import { basename } from './util.js'

export default defineRule({
  id: 'main-entry',
  description:
    'The configured main entry starts with / and exists; without one, say where index.html is.',
  defaultSeverity: 'error',
  message: (a) => {
    switch (a.problem) {
      case 'slash':
        return `main entry "${a.entry}" must start with "/" (a path from the ID folder, e.g. /www/index.html)`
      case 'missing':
        return `main entry "${a.entry}" is not a file of the package${a.suggestion ? `; did you mean ${a.suggestion}?` : ''}`
      case 'global':
        return `main entry "${a.entry}" is ignored: a global resource package has no pages (the console asks for a main entry of standard packages only)`
      case 'unset':
        return a.suggestion
          ? `no main entry configured; ${a.suggestion} is the likely one: set it in the MDS console and here`
          : 'no main entry configured, and the package has no HTML page (.html) to open'
      default:
        return ''
    }
  },
  fix: 'Give the main entry as a path from the ID folder starting with "/", the same as in the MDS console: /www/index.html for a build placed under www/ (the default), /index.html for one placed straight under the ID folder.',
  check({ pkg, config }, report) {
    // Given by mistake (a copied workflow), it would otherwise be dropped without a word.
    if (pkg.type === 'global' && config.mainEntry)
      return report({ severity: 'notice', args: { problem: 'global', entry: config.mainEntry } })
    if (pkg.type !== 'standard' || !pkg.id) return
    const id = pkg.id
    const relative = pkg.files
      .filter((f) => f.path.startsWith(`${id}/`))
      .map((f) => f.path.slice(id.length))
    // index.html first, else any page (a build whose page is main.html) but an error or fallback page (404.html,
    // 200.html): the shallowest is the likely entry
    const pages = relative
      .filter((p) => /\.html?$/i.test(p) && !ERROR_PAGE.test(basename(p)))
      .sort((a, b) => depth(a) - depth(b) || a.length - b.length)
    const likely = pages.find((p) => basename(p).toLowerCase() === 'index.html') ?? pages[0]
    const entry = config.mainEntry
    if (!entry) {
      return report({
        severity: 'notice',
        args: { problem: 'unset', suggestion: likely ?? '' }
      })
    }
    if (!entry.startsWith('/')) {
      return report({ args: { problem: 'slash', entry } })
    }
    const target = entry.replace(/[?#].*$/, '')
    if (relative.includes(target)) return
    const suggestion =
      relative.find((p) => p.toLowerCase() === target.toLowerCase()) ??
      (likely && likely !== target ? likely : '')
    report({ path: `${id}${target}`, args: { problem: 'missing', entry, suggestion } })
  }
})

const depth = (p: string) => p.split('/').length

/** Pages a host shows for errors or unknown routes (404.html, 200.html of surge.sh and SvelteKit), never an entry. */
const ERROR_PAGE = /^(?:[1-5]\d\d|50x|error|fallback)\.html?$/i
