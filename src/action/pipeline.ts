/**
 * Everything after the inputs: the engine (parsers, rules, zip writer) and the reporters. main.ts loads this
 * module with a dynamic import once the inputs are read, so a bad input fails fast and the bundle's cold start
 * up to reading the inputs stays small; ncc puts it in its own chunk.
 */
export { isFailing } from '../core/findings.js'
export { toJsonReport } from '../report/json.js'
export { formatText } from '../report/text.js'
export { emitAnnotations, planAnnotations } from './annotations.js'
export { buildPackage, reportPathFor } from './package.js'
export { sourceFileResolver } from './paths.js'
export { buildSummary } from './summary.js'
