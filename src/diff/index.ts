export { diffListings, diffZips, listZip, type PackageDiff } from './diff.js'
export {
  diffToJson,
  formatBytes,
  formatDelta,
  formatDiffMarkdown,
  formatDiffText,
  formatPercent
} from './format.js'
export { hashedKey, isHashToken } from './hashed-names.js'
export { REMOVED_LIST, deltaNotes, writeDeltaZip, type DeltaZip } from './delta.js'
