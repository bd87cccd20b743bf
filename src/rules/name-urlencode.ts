import { defineRule } from './types.js'
import { URLENCODE_CHANGES, describeChars, namedEntries } from './name-chars.js'

export default defineRule({
  id: 'name-urlencode',
  description:
    "No name has other characters urlencode changes (@ ~ ! $ & ' ( ) * + , ; = [ ] | ^ :); a host's :port is fine.",
  defaultSeverity: 'warning',
  message: (a) =>
    `"${a.name}" contains ${a.chars}, which urlencode changes; MDS advises against it`,
  fix: 'Rename without these characters (e.g. icon@2x.png → icon-2x.png; for webpack, set chunk names without "~"). A name the framework makes (Next\'s [slug] folders and __next.*$*.txt payloads) cannot be renamed: test those pages on a phone, then lower the rule (--rule name-urlencode=notice).',
  check({ pkg }, report) {
    for (const e of namedEntries(pkg)) {
      const name = e.isHost ? e.name.replace(/:\d+$/, '') : e.name
      if (URLENCODE_CHANGES.test(name))
        report({
          path: e.path,
          args: { name: e.name, chars: describeChars(name, URLENCODE_CHANGES) }
        })
    }
  }
})
