import { globalUrlOf } from '../core/layout.js'
import { defineRule } from './types.js'
import { globalFiles } from './global-util.js'

export const GLOBAL_URL_LIMIT = 100

export default defineRule({
  id: 'global-url-length',
  description:
    'The URL of every global resource (https:// + path after ID/) is at most 100 characters.',
  defaultSeverity: 'error',
  message: (a) =>
    a.kind === 'source-map'
      ? `the URL ${a.url} is ${a.length} characters, over the limit of ${a.limit}: the client cannot serve this source map, which only developer tools ask for`
      : `the URL ${a.url} is ${a.length} characters, over the limit of ${a.limit}: the client shows a blank page`,
  fix: 'Shorten folder and file names (or drop a version folder level) until the full URL fits in 100 characters.',
  check({ pkg }, report) {
    for (const { path } of globalFiles(pkg)) {
      // The client requests the percent-encoded URL, so that is the length that counts. A host folder that is no
      // host (a port over 65535) makes no URL at all: global-host reports it.
      let url: string
      try {
        url = new URL(globalUrlOf(path)).href
      } catch {
        continue
      }
      const length = url.length
      if (length <= GLOBAL_URL_LIMIT) continue
      // No page requests a source map, so none goes blank for want of it.
      if (/\.map$/i.test(path))
        report({
          path,
          severity: 'warning',
          args: { url, length, limit: GLOBAL_URL_LIMIT, kind: 'source-map' }
        })
      else report({ path, args: { url, length, limit: GLOBAL_URL_LIMIT } })
    }
  }
})
