import type { ZipInput } from './writer.js'

/** Already-compressed media: deflate costs time and gains nothing. */
const STORED_EXTENSIONS = new Set(
  'png jpg jpeg webp gif avif heic woff woff2 mp3 mp4 m4a webm ogg zip gz br 7z rar'.split(' ')
)

export function isCompressedMedia(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 && STORED_EXTENSIONS.has(base.slice(dot + 1).toLowerCase())
}

/** One entry per folder that holds one of `fileNames` (`a/`, `a/b/`…), as `zip -r` writes them. */
export function directoryInputs(fileNames: Iterable<string>): ZipInput[] {
  const dirs = new Set<string>()
  for (const name of fileNames) {
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1))
      dirs.add(name.slice(0, i + 1))
  }
  return [...dirs].map((name) => ({
    name,
    kind: 'directory',
    size: 0,
    compress: false,
    open: () => {
      throw new Error('directories have no content')
    }
  }))
}
