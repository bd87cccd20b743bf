import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './errors.js'
import { trackTemp, untrackTemp } from './temp-files.js'

/** What an output is, for its messages: a SARIF path that is a folder is no place for "package.zip". */
export interface OutputKind {
  /** The file, as a sentence names it: "the zip", "the SARIF file". */
  noun: string
  /** A file name to suggest inside a folder given instead of a file. */
  example: string
}

export const ZIP_OUTPUT: OutputKind = { noun: 'the zip', example: 'package.zip' }
export const SARIF_OUTPUT: OutputKind = { noun: 'the SARIF file', example: 'h5.sarif' }
export const DELTA_OUTPUT: OutputKind = { noun: 'the delta zip', example: 'delta.zip' }

/**
 * Why a path that is not there, or that is to be written, may not be what was meant: `apps\h5\dist` written for
 * Windows is one odd file name elsewhere. Empty when the path has no backslash or backslashes separate folders.
 */
export function separatorHint(p: string): string {
  return path.sep === '/' && p.includes('\\') ? ' (the folder separator here is /, not \\)' : ''
}

/**
 * Refuses an output path where a zip must not land. Zips are written to a temp file and renamed over the path, and a
 * rename replaces whatever is there: a FIFO, a device (`--out /dev/null` as root), a link, or a file of the package
 * being packed (`--out dist/index.html`).
 */
export async function assertOutputPath(
  out: string,
  subject: string,
  kind: OutputKind = ZIP_OUTPUT
): Promise<void> {
  const existing = await fs.lstat(out).catch(() => undefined)
  if (existing && !existing.isFile()) {
    const fix = existing.isDirectory()
      ? `give a file name such as ${path.join(out, kind.example)}`
      : `give the path of a new or existing ${path.extname(kind.example)} file`
    throw new UsageError(`cannot write ${out}: it is ${kindOf(existing)}; ${fix}`, subject)
  }
}

/**
 * Creates the folder an output goes in, as `mkdir -p` would, or says why it cannot, naming the output: checked
 * before the work, so that a bad path does not fail the run after the zip was made and reported as passed.
 */
export async function makeOutputDir(
  dir: string,
  shown: string,
  subject: string
): Promise<string | undefined> {
  return fs.mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EEXIST' || e.code === 'ENOTDIR' ? 'a file is in the way of its folder' : e.message
    throw new UsageError(`cannot write ${shown}: ${why}; nothing was written`, subject)
  })
}

/**
 * Undoes makeOutputDir (`made` is what it returned, the first folder it created) as far as the folders are still
 * empty, so a run that fails before writing anything leaves no folder behind.
 */
export async function removeEmptyDirs(dir: string, made: string): Promise<void> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (
      !(await fs.rmdir(d).then(
        () => true,
        () => false
      ))
    )
      return
    if (d === path.resolve(made) || path.dirname(d) === d) return
  }
}

/**
 * Whether makeOutputDir would succeed, without creating anything: the nearest folder that exists must be a folder
 * and writable. A step that fails on its inputs leaves no empty folders behind.
 */
export async function checkOutputDir(dir: string, shown: string, subject: string): Promise<void> {
  let existing = path.resolve(dir)
  let st = await fs.stat(existing).catch(() => undefined)
  while (!st && path.dirname(existing) !== existing) {
    existing = path.dirname(existing)
    st = await fs.stat(existing).catch(() => undefined)
  }
  if (st && !st.isDirectory())
    throw new UsageError(
      `cannot write ${shown}: a file is in the way of its folder; nothing was written`,
      subject
    )
  await fs.access(existing, fs.constants.W_OK).catch(() => {
    throw new UsageError(
      `cannot write ${shown}: the folder ${existing} is not writable; nothing was written`,
      subject
    )
  })
}

/** assertOutputPath, then checkOutputDir for the file's folder (created when the file is written). */
export async function checkOutputFile(
  file: string,
  subject: string,
  kind: OutputKind
): Promise<void> {
  await assertOutputPath(file, subject, kind)
  await checkOutputDir(path.dirname(file), file, subject)
}

/**
 * Refuses an output inside the folder being packed: the zip would replace a file of the package, or be packed into
 * the next one. Compared through real paths, so a link to either side does not hide it.
 */
export async function assertOutsidePackage(
  out: string,
  packageRoot: string,
  subject: string,
  kind: OutputKind = ZIP_OUTPUT
): Promise<void> {
  const root = await realPath(packageRoot)
  const target = path.join(await realPath(path.dirname(path.resolve(out))), path.basename(out))
  const rel = path.relative(root, target)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return
  // beside the package folder, under the name given (the folder's own name + .zip when that is the folder itself)
  const beside = path.join(path.dirname(root), path.basename(out))
  const outside = beside === root ? `${root}.zip` : beside
  // "the zip would end up in the next one", "the SARIF file would end up in the next zip"
  const next = kind === ZIP_OUTPUT ? 'one' : 'zip'
  throw new UsageError(
    `cannot write ${out}: it is inside the package folder ${packageRoot}, so ${kind.noun} would end up in the ` +
      `next ${next} (or replace a file of this one); write it outside, e.g. ${outside}`,
    subject
  )
}

/** Refuses an output that is one of the files the command reads: writing it would replace its own input. */
export async function assertNotAnInput(
  out: string,
  inputs: readonly string[],
  subject: string
): Promise<void> {
  const target = await realPath(out)
  for (const input of inputs) {
    if ((await realPath(input)) === target)
      throw new UsageError(
        `${out} is one of the zips being compared: give the delta another file name`,
        subject
      )
  }
}

/** A file a run names: one it writes (`--out`, `--sarif`) or one it reads (`--global-package`, the config file…). */
export interface NamedFile {
  path: string | undefined
  /** How the user named it: a flag or an input. */
  name: string
  writes: boolean
}

/**
 * Refuses two names for one file where one of them is written: the second write would replace the first output (a
 * zip overwritten by the SARIF report), or the run would replace a file it reads (its global package, its config).
 */
export async function assertDistinctFiles(files: readonly NamedFile[]): Promise<void> {
  const named = await Promise.all(
    files
      .filter((f): f is NamedFile & { path: string } => f.path !== undefined)
      .map(async (f) => ({ ...f, real: await realPath(f.path) }))
  )
  for (const [i, a] of named.entries()) {
    if (!a.writes) continue
    for (const [j, b] of named.entries()) {
      if (i === j || a.real !== b.real || (b.writes && j > i)) continue
      throw new UsageError(
        b.writes
          ? `${b.name} and ${a.name} both name ${a.path}: the second would replace the first; give each its own file`
          : `${a.name} ${a.path} is the ${b.name} file this run reads: writing it would replace it; give ${a.name} another file name`,
        a.name
      )
    }
  }
}

/** The path with every link resolved; as given (absolute) when it does not exist yet. */
export function realPath(p: string): Promise<string> {
  return fs.realpath(p).catch(() => path.resolve(p))
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isSymbolicLink()) return 'a symbolic link'
  if (st.isFIFO()) return 'a named pipe'
  if (st.isSocket()) return 'a socket'
  return 'a device'
}

/**
 * Writes a report file the way the zip is written: to a temp file beside it, then renamed over it, so a full disk
 * leaves the previous file whole and a link at the path is replaced, not written through.
 */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`
  )
  trackTemp(tmp)
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' })
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw tempFileError(e, tmp, file)
  } finally {
    untrackTemp(tmp)
  }
}

/** The temp file's name is ours, not the user's: an error about it is told about the folder of the file asked for. */
function tempFileError(e: unknown, tmp: string, file: string): unknown {
  const { code, path: failed } = (e ?? {}) as NodeJS.ErrnoException
  if (!code || failed !== tmp) return e
  const dir = path.dirname(file)
  const why =
    code === 'ENOENT'
      ? `the folder ${dir} does not exist`
      : code === 'ENOTDIR'
        ? 'a file is in the way of its folder'
        : code === 'EACCES' || code === 'EPERM'
          ? `the folder ${dir} is not writable`
          : `${code} in the folder ${dir}`
  return Object.assign(new Error(why, { cause: e }), { code })
}

/**
 * Why no file can be created in `dir` (missing, a file, read-only), or undefined when one can. access() alone passes
 * for a file: `--out notes.txt/p.zip` would fail later, on a temp file's name.
 */
export async function folderProblem(dir: string): Promise<string | undefined> {
  const st = await fs.stat(dir).catch(() => undefined)
  if (!st) return `the folder ${dir} does not exist (create it first)`
  if (!st.isDirectory()) return `${dir} is a file, not a folder`
  return fs.access(dir, fs.constants.W_OK).then(
    () => undefined,
    () => `the folder ${dir} is not writable`
  )
}

/** Before the work, as for `--out`: a report file that could not be written would be found only at the end. */
export async function assertFolderWritable(file: string, shown: string, subject: string) {
  const dir = path.dirname(path.resolve(file))
  if (await folderProblem(dir))
    throw new UsageError(
      `cannot write ${shown}: the folder ${dir} does not exist or is not writable`,
      subject
    )
}
