import { defineRule } from './types.js'
import { URL_UNSAFE, describeChars, namedEntries } from './name-chars.js'

export default defineRule({
  id: 'name-url-unsafe',
  description:
    'No file or folder name has a character a URL parser percent-encodes (control, space, "#<>?`{}, %, \\, non-ASCII).',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.name}" contains ${a.chars}: the URL the page requests is percent-encoded and no longer matches the file`,
  fix: 'Rename to ASCII letters, digits, "-", "_" and "." (and update the references).',
  check({ pkg }, report) {
    for (const e of namedEntries(pkg)) {
      if (e.isHost) continue
      if (!URL_UNSAFE.test(e.name)) continue
      report({
        path: e.path,
        // Standard packages resolve some of these through the WebView; global URLs never survive them.
        severity: pkg.type === 'global' ? 'error' : 'warning',
        args: { name: e.name, chars: describeChars(e.name, URL_UNSAFE) }
      })
    }
  }
})
