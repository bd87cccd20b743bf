import fs from 'node:fs'

/** A file a directory walk listed: where it is, and which file it was then (device and inode). */
export interface ListedFile {
  /** The package source's name for it, for messages. */
  name: string
  abs: string
  dev: number
  ino: number
}

/**
 * Reads a listed file whole. O_NOFOLLOW: a file swapped for a symlink after the walk is not followed out of the
 * package. It guards only the last component of the path, so the opened file must also be the very file the walk
 * listed (same device and inode): a folder on the way swapped for a symlink is caught there. Given a `scratch`
 * buffer large enough, reads into it and returns a view of it, valid until its next use.
 */
export function readListedFile(file: ListedFile, scratch?: Buffer): Buffer {
  const { fd, size } = openListedFile(file)
  try {
    if (!scratch || size > scratch.length) return fs.readFileSync(fd)
    // Into memory already mapped: fresh buffers cost a page fault per 4 KiB and garbage to collect.
    let n = 0
    while (n < size) {
      const got = fs.readSync(fd, scratch, n, size - n, null)
      if (got === 0) break
      n += got
    }
    return scratch.subarray(0, n)
  } finally {
    fs.closeSync(fd)
  }
}

/** Opens a listed file for reading, checked as readListedFile does; the caller closes the descriptor. */
export function openListedFile(file: ListedFile): { fd: number; size: number } {
  const fd = fs.openSync(file.abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  try {
    const st = fs.fstatSync(fd)
    assertSameFile(file, st)
    return { fd, size: st.size }
  } catch (e) {
    fs.closeSync(fd)
    throw e
  }
}

export function assertSameFile(file: ListedFile, st: fs.Stats): void {
  if (st.isFile() && st.dev === file.dev && st.ino === file.ino) return
  throw Object.assign(
    new Error(
      `${file.name} was replaced after it was listed (it, or a folder on its path, is no longer the same)`
    ),
    { code: 'ESTALE' }
  )
}
