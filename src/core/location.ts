import fs from 'node:fs'
import { UsageError } from './errors.js'
import { separatorHint } from './output-path.js'

/**
 * What is at the package path, or a UsageError naming it when nothing is. Apart from the engine that opens it, so
 * the Action can check `path` with its other inputs before it creates any folder.
 */
export function statPackageLocation(location: string): fs.Stats {
  try {
    return fs.statSync(location)
  } catch {
    throw new UsageError(
      `${location} does not exist${separatorHint(location)}: give the package directory or .zip file`,
      location
    )
  }
}

/** What to give as a global package, said of it (not of the package being checked). */
export const GLOBAL_PACKAGE_WANTED = 'give the zip MDS took, or the folder laid out as ID/<host>/…'

/** The global package must be there; checked with the package path, before anything is written. */
export function assertGlobalPackageExists(location: string): void {
  if (!fs.existsSync(location))
    throw new UsageError(
      `--global-package ${location} does not exist${separatorHint(location)}: ${GLOBAL_PACKAGE_WANTED}`,
      'globalPackage'
    )
}
