/**
 * Everything after the inputs: the engine (parsers, rules, zip writer), the reporters and the GitHub extras (check
 * run, comment, release, diff, SARIF). main.ts loads this module with a dynamic import once the inputs are read, so
 * a bad input fails fast and the cold start up to reading the inputs stays small; ncc puts it in its own chunk.
 * Octokit itself is loaded later still, only when an API call is made.
 */
export { buildPackage } from './package.js'
export {
  annotate,
  logFindings,
  summaryMarkdown,
  writeJobSummary,
  writeJsonReport
} from './report.js'
export { sourceFileResolver } from './paths.js'
export {
  compareWithBaseline,
  extraSections,
  GitHubSession,
  Notices,
  reportCheckRun,
  reportComment,
  uploadToRelease,
  writeDelta,
  writeSarif
} from './extras.js'
