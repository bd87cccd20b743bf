import type { ResolvedConfig } from '../core/config.js'
import { openDirectorySource } from '../core/dir-source.js'
import { UsageError } from '../core/errors.js'
import { statPackageLocation } from '../core/location.js'
import type { PackageSource } from '../core/source.js'
import { openZipSource } from '../core/zip-source.js'

/** A directory or a .zip, told apart by what is on disk (a zip without the extension is still a zip). */
export async function openPackageSource(
  location: string,
  config: ResolvedConfig
): Promise<PackageSource> {
  const stat = statPackageLocation(location)
  if (stat.isDirectory())
    return openDirectorySource(location, {
      maxEntries: config.limits.entries,
      maxBytes: config.limits.bytes
    })
  if (stat.isFile()) {
    // What the console makes of the zip (signed, with the files in a tar) is not what is checked or uploaded.
    if (/\.amr$/i.test(location))
      throw new UsageError(
        `${location} is an .amr, the package the MDS console signs from your upload: validate the .zip you upload (or its folder) instead`,
        location
      )
    return openZipSource(location, {
      maxEntries: config.limits.entries,
      maxBytes: config.limits.bytes
    })
  }
  throw new UsageError(`${location} is neither a directory nor a .zip file`, location)
}
