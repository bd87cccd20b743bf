import type { Readable } from 'node:stream'
import type { MessageArgs } from './findings.js'
import type { ListedFile } from './listed-file.js'

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other'

/** One entry of a package source, named relative to the source's root with `/` separators. */
export interface SourceEntry {
  name: string
  kind: EntryKind
  /** Uncompressed size in bytes (0 for anything but files). */
  size: number
  /** Where a symlink points, as stored; never followed. */
  linkTarget?: string
  /** A folder listed but never walked (`.git`): what it holds is unknown, so it is not known to be empty. */
  opaque?: true
}

/** Something wrong with the container itself (a zip entry with `..`, a symlink), reported as a finding. */
export interface SourceIssue {
  rule: string
  name: string
  args: MessageArgs
}

/**
 * A package as the engine sees it, wherever it came from (publint's virtual file system is the model):
 * a directory on disk or a zip the user made by hand. Only entries listed here can ever be read.
 */
export interface PackageSource {
  readonly kind: 'directory' | 'zip'
  /** The path the user gave. */
  readonly location: string
  /** A zip source: the zip's own size, which the zipped budget is about. */
  readonly zipBytes?: number
  /** Regular files and directories that are safe to read, sorted by name. */
  readonly entries: readonly SourceEntry[]
  /** Entries refused while listing (unsafe names, links, encryption…), each a future finding. */
  readonly issues: readonly SourceIssue[]
  /** Streams one listed file. Throws for names that are not listed files. */
  open(name: string): Readable
  readFile(name: string): Promise<Buffer>
  /**
   * A zip: checks that every file's local header repeats its central directory name, and reads the named files
   * whole, as `unzip -t` does (size, CRC-32, compression method); throws a UsageError naming the first that fails.
   */
  verify?(names: readonly string[]): Promise<void>
  /** Reads one listed file whole, at once: for small files, where a stream costs more than the read. Directories only. */
  readSync?(name: string): Buffer
  /** Where a listed file is and which file it was, for another thread to read it (see listed-file.ts). Directories only. */
  listed?(name: string): ListedFile
  close(): Promise<void>
}
