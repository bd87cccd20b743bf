/**
 * Everything after the inputs: the engine (parsers, rules, zip writer) and the reporters. main.ts loads this
 * module with a dynamic import once the inputs are read, so a bad input fails fast and the cold start up to
 * reading the inputs stays small; ncc puts it in its own chunk.
 */
export { buildPackage } from './package.js'
export { annotate, logFindings, writeJobSummary, writeJsonReport } from './report.js'
