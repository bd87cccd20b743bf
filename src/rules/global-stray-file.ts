import { defineRule } from './types.js'
import { expectedAfterHost, globalFiles, placeGlobalFile } from './global-util.js'

export default defineRule({
  id: 'global-stray-file',
  description: 'A global package has no file above its <appId>_<workspace> folder.',
  defaultSeverity: 'error',
  message: (a) =>
    `"${a.path}" sits above the <appId>_<workspace> folder, where no URL can reach it`,
  fix: 'Move the file under ID/<host>/…/<appId>_<workspace>/ or delete it.',
  check({ pkg, config }, report) {
    const expected = expectedAfterHost(config)
    for (const { path, segs } of globalFiles(pkg)) {
      if (placeGlobalFile(segs, expected).kind === 'stray') report({ path, args: { path } })
    }
  }
})
