/**
 * Faults while packing: an output folder that cannot be written, a disk that fills up mid-write, a source that
 * changes between listing and reading. Each ends in exit 2 with a message naming what failed, and nothing is
 * left behind: no zip, no staging or spill file.
 *
 * The disk and read-only cases mount a small tmpfs inside a private mount namespace (`unshare -m` as root,
 * `unshare -rm` otherwise), so no mount outlives the test; where namespaces are not permitted they are skipped.
 * Source changes are made deterministic with a FIFO: `--info-plist` names it, a rule reads it after the listing
 * and before any file is read, and the helper process makes its change before it writes the plist.
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDirectorySource } from '../src/core/dir-source.js'
import { cleanupTempDirs, tempDir, writeTree } from './helpers/tree.js'

const CLI = path.resolve(process.env.H5_OFFLINE_CLI ?? 'dist/cli/index.js')
const IS_ROOT = process.getuid?.() === 0
afterAll(cleanupTempDirs)
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`)
})

const ENV = { PATH: process.env.PATH, NO_COLOR: '1' }

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const INDEX = '<!doctype html><title>x</title><script src="app.js"></script>'
const SITE = {
  '20171228/www/index.html': INDEX,
  '20171228/www/app.js': 'console.log("app")\n'.repeat(50)
}
const MAIN = ['--main-entry', '/www/index.html']

/** Nothing at all in the output folder: no zip, no `.p.zip.*.staging`, no `*.tmp`, no spill. */
const expectEmpty = (dir: string) => expect(fs.readdirSync(dir)).toEqual([])

describe('an output folder that cannot be written', () => {
  it('--out under a regular file: exit 2 naming the folder, nothing created', () => {
    const parent = tempDir('h5-out-')
    fs.writeFileSync(path.join(parent, 'notes.txt'), 'a file, not a folder')
    const r = cli([
      'pack',
      writeTree(SITE),
      ...MAIN,
      '--out',
      path.join(parent, 'notes.txt', 'p.zip')
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /cannot write .*notes\.txt\/p\.zip: .*notes\.txt is a file, not a folder; nothing was written$/m
    )
    expect(r.stderr).not.toMatch(/staging|\.tmp/) // no internal file names in the message
    expect(fs.readdirSync(parent)).toEqual(['notes.txt'])
  })

  it('--out is an existing folder: exit 2 before anything is written, the folder untouched', () => {
    const parent = tempDir('h5-out-')
    fs.mkdirSync(path.join(parent, 'p.zip'))
    const r = cli(['pack', writeTree(SITE), ...MAIN, '--out', path.join(parent, 'p.zip')])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot write .*p\.zip: it is a directory/)
    expect(fs.readdirSync(parent)).toEqual(['p.zip'])
    expectEmpty(path.join(parent, 'p.zip'))
  })

  it.skipIf(IS_ROOT)(
    'a folder without write permission (chmod 0500): exit 2, nothing created',
    () => {
      const dir = tempDir('h5-out-')
      fs.chmodSync(dir, 0o500)
      try {
        const r = cli(['pack', writeTree(SITE), ...MAIN, '--out', path.join(dir, 'p.zip')])
        expect(r.status).toBe(2)
        expect(r.stderr).toMatch(/cannot write .*p\.zip: the folder .* is not writable/)
        expectEmpty(dir)
      } finally {
        fs.chmodSync(dir, 0o700)
      }
    }
  )

  it('a read-only file system (what still stops root): exit 2, nothing created', (ctx) => {
    const r = inMountNamespace('ro,size=64k', (mnt) => [
      'pack',
      writeTree(SITE),
      ...MAIN,
      '--out',
      `${mnt}/p.zip`
    ])
    if (!r) return ctx.skip()
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot write .*p\.zip: the folder .* is not writable/)
    expect(r.left).toEqual([])
  })
})

describe('the disk fills up mid-write (a 1 MiB tmpfs)', () => {
  it('while writing the zip: exit 2 naming the zip and the cause, no partial zip or temp file left', (ctx) => {
    // 3 MB of incompressible files: the zip cannot fit, and fails part-way through.
    const tree: Record<string, Buffer | string> = { ...SITE }
    for (let i = 0; i < 30; i++) tree[`20171228/www/img/${i}.png`] = crypto.randomBytes(100_000)
    const site = writeTree(tree)
    const r = inMountNamespace('size=1m', (mnt) => ['pack', site, ...MAIN, '--out', `${mnt}/p.zip`])
    if (!r) return ctx.skip()
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /^h5-offline: cannot write .*\/p\.zip: no space left on the device; nothing was written \(ENOSPC\)$/m
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.left).toEqual([])
  })

  it('while spilling a big entry to a temp file beside the zip: the same message, not blaming the entry', (ctx) => {
    // Entries over 16 MiB are streamed through spill files next to the output; the spill hits the full disk.
    const site = writeTree({
      ...SITE,
      '20171228/www/video.mp4': crypto.randomBytes(17 * 1024 * 1024)
    })
    const r = inMountNamespace('size=1m', (mnt) => ['pack', site, ...MAIN, '--out', `${mnt}/p.zip`])
    if (!r) return ctx.skip()
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /cannot write .*\/p\.zip: no space left on the device; nothing was written \(ENOSPC\)/
    )
    expect(r.stderr).not.toContain('video.mp4')
    expect(r.left).toEqual([])
  })

  it('a zip that fits is written whole (the same mount, a smaller package)', (ctx) => {
    const r = inMountNamespace('size=1m', (mnt) => [
      'pack',
      writeTree(SITE),
      ...MAIN,
      '--out',
      `${mnt}/p.zip`
    ])
    if (!r) return ctx.skip()
    expect(r.status, r.stderr).toBe(0)
    expect(r.left).toEqual(['p.zip'])
  })
})

/**
 * Runs the CLI with its output on a fresh tmpfs in a private mount namespace; `left` is what the tmpfs holds
 * afterwards. Undefined when this machine does not allow the namespace or the mount.
 */
function inMountNamespace(options: string, args: (mnt: string) => string[]) {
  const mnt = tempDir('h5-mnt-')
  const script = [
    `mount -t tmpfs -o ${options} tmpfs "$0" 2>/dev/null || exit 97`,
    '"$@"',
    'rc=$?',
    'ls -A "$0" | sed "s/^/@@left /" >&2',
    'exit $rc'
  ].join('\n')
  const unshare = IS_ROOT ? ['-m'] : ['-r', '-m']
  const r = spawnSync(
    'unshare',
    [...unshare, 'sh', '-c', script, mnt, process.execPath, CLI, ...args(mnt)],
    {
      encoding: 'utf8',
      env: ENV
    }
  )
  if (r.error || r.status === 97 || (r.status !== 0 && /unshare:/.test(r.stderr))) return undefined
  const left = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('@@left '))
    .map((l) => l.slice(7))
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('@@left '))
    .join('\n')
  return { status: r.status, stdout: r.stdout, stderr, left }
}

describe('a cancelled run (CI cancels and times out with SIGINT, then SIGTERM)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} mid-pack: the staging zip and the spill files are deleted, the process ends by the signal`, async () => {
      // incompressible bytes deflate slowly: seconds of work, spilled (bigger than the writer keeps in memory)
      const site = writeTree({
        ...SITE,
        '20171228/www/big.bin': crypto.randomBytes(96 * 1024 * 1024)
      })
      const outDir = tempDir('h5-out-')
      const child = spawn(
        process.execPath,
        [CLI, 'pack', site, ...MAIN, '--out', path.join(outDir, 'p.zip')],
        { env: ENV, stdio: 'ignore' }
      )
      const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig }))
      )
      // wait until the writer has its temp zip and the big file's spills beside the output, then cancel
      const spilling = () => fs.readdirSync(outDir).some((n) => /\.(raw|deflated)$/.test(n))
      const start = Date.now()
      while (!spilling() && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 10))
      expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1)
      expect(spilling()).toBe(true)
      child.kill(signal)
      expect(await ended).toEqual({ code: null, signal })
      expectEmpty(outDir)
      // and again a moment later: nothing was still being created when the process ended
      await new Promise((r) => setTimeout(r, 200))
      expectEmpty(outDir)
    })
  }
})

describe('the source changes between listing and reading', () => {
  const PLIST = '<?xml version="1.0"?><plist version="1.0"><dict></dict></plist>'
  /** What must never reach a zip or a report: an outside file with the same size as the file it stands in for. */
  const SECRET = 'FAKEtoken_ghs_0123456789abcdef'

  /**
   * Packs (or validates) with `--info-plist` on a FIFO. The ios-version-mismatch rule opens the FIFO after the
   * package is listed and before any file is read; `sh` runs `mutation` only once that open happened (its own
   * open for writing returns then), and writes the plist only after the mutation: deterministic ordering.
   */
  async function withMutation(
    site: string,
    mutation: string,
    command: string[],
    env: Record<string, string | undefined> = ENV
  ) {
    const fifo = path.join(tempDir('h5-fifo-'), 'Info.plist')
    spawnSync('mkfifo', [fifo])
    const helper = spawn(
      'sh',
      ['-c', `exec 3>"$0"\n${mutation}\nprintf '%s' "$1" >&3`, fifo, PLIST],
      {
        cwd: site,
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let helperErr = ''
    helper.stderr.on('data', (d: Buffer) => (helperErr += d.toString()))
    const helperDone = new Promise<number | null>((resolve) => helper.on('close', resolve))
    const child = spawn(process.execPath, [CLI, ...command, '--info-plist', fifo], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
    // If the CLI failed before it opened the FIFO, the helper still waits for a reader: stop it.
    helper.kill()
    expect(await helperDone, `the mutation did not run: ${helperErr}`).toBe(0)
    return { status, stdout, stderr }
  }

  const setup = () => {
    const root = tempDir('h5-race-')
    const site = writeTree(SITE, path.join(root, 'site'))
    // An outside folder holding a same-size stand-in for app.js, and an outside page full of the secret.
    const appSize = fs.statSync(path.join(site, '20171228/www/app.js')).size
    writeTree({ 'app.js': SECRET.padEnd(appSize, '!') }, path.join(root, 'outside'))
    const out = tempDir('h5-out-')
    return { root, site, out, zip: path.join(out, 'p.zip') }
  }
  const pack = (site: string, zip: string) => ['pack', site, ...MAIN, '--out', zip, '--force']
  const expectNothing = (r: { stdout: string; stderr: string }, out: string) => {
    expectEmpty(out)
    expect(r.stdout + r.stderr).not.toContain(SECRET)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }

  it('a file grown after it was listed: exit 2 naming it, no zip', async () => {
    const { site, out, zip } = setup()
    const r = await withMutation(site, 'printf "more" >> 20171228/www/app.js', pack(site, zip))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /zip: "20171228\/www\/app\.js" changed while packing: listed as 950 bytes, read more than 950/
    )
    expectNothing(r, out)
  })

  it('a file truncated after it was listed: exit 2 naming it, no zip', async () => {
    const { site, out, zip } = setup()
    const r = await withMutation(site, ': > 20171228/www/app.js', pack(site, zip))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /"20171228\/www\/app\.js" changed while packing: listed as 950 bytes, read 0/
    )
    expectNothing(r, out)
  })

  it('a file deleted after it was listed: exit 2 naming it, no zip', async () => {
    const { site, out, zip } = setup()
    const r = await withMutation(site, 'rm 20171228/www/app.js', pack(site, zip))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/zip: "20171228\/www\/app\.js": ENOENT/)
    expectNothing(r, out)
  })

  it('a file swapped for a symlink to a secret: not followed (O_NOFOLLOW), exit 2, no zip', async () => {
    const { root, site, out, zip } = setup()
    const r = await withMutation(
      site,
      `rm 20171228/www/app.js; ln -s "${root}/outside/app.js" 20171228/www/app.js`,
      pack(site, zip)
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/zip: "20171228\/www\/app\.js": .*\(ELOOP\)/)
    expectNothing(r, out)
  })

  it('a folder on the path swapped for a symlink to an outside folder (same names, same sizes): refused, no zip', async () => {
    // O_NOFOLLOW only guards the last path component; the file opened must be the very file that was listed.
    const { root, site, out, zip } = setup()
    const r = await withMutation(
      site,
      `mv 20171228/www 20171228/www.orig; ln -s "${root}/outside" 20171228/www`,
      pack(site, zip)
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/zip: "20171228\/www\/app\.js": .*was replaced after it was listed/)
    expectNothing(r, out)
  })

  it('a file replaced by another file of the same size (rename over it): refused, no zip', async () => {
    const { root, site, out, zip } = setup()
    const r = await withMutation(
      site,
      `cp "${root}/outside/app.js" new.js; mv new.js 20171228/www/app.js`,
      pack(site, zip)
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/was replaced after it was listed/)
    expectNothing(r, out)
  })

  it('validate: a folder swapped while the reference scan reads: exit 2, nothing of the outside file reported', async () => {
    // Five times: both threads of the scan fail here, in either order (a worker's answer arriving while the
    // extractor closed once let the process end mid-await, with exit code 13).
    for (let run = 0; run < 5; run++) {
      const { root, site } = setup()
      // An outside page whose references would carry the secret into ref-broken findings if it were scanned.
      const page = `<script src="${SECRET}.js"></script>`.padEnd(INDEX.length, ' ')
      writeTree({ 'index.html': page }, path.join(root, 'outside'))
      const r = await withMutation(
        site,
        `mv 20171228/www 20171228/www.orig; ln -s "${root}/outside" 20171228/www`,
        ['validate', site, ...MAIN, '--format', 'json'],
        // A package this small is scanned on the main thread alone unless told otherwise.
        { ...ENV, H5_OFFLINE_WORKERS: 'always' }
      )
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(
        /20171228\/www\/(index\.html|app\.js) was replaced after it was listed/
      )
      expect(r.stdout + r.stderr).not.toContain(SECRET)
    }
  })

  it('the directory source itself: open() and readFile() refuse a file that is not the one listed', async () => {
    const { root, site } = setup()
    const source = openDirectorySource(site, { maxEntries: 1000 })
    fs.renameSync(path.join(site, '20171228/www'), path.join(site, '20171228/www.orig'))
    fs.symlinkSync(path.join(root, 'outside'), path.join(site, '20171228/www'))
    expect(() => source.open('20171228/www/app.js')).toThrow(
      /20171228\/www\/app\.js was replaced after it was listed/
    )
    await expect(source.readFile('20171228/www/app.js')).rejects.toThrow(
      /was replaced after it was listed/
    )
    // put back: the same files read fine again
    fs.unlinkSync(path.join(site, '20171228/www'))
    fs.renameSync(path.join(site, '20171228/www.orig'), path.join(site, '20171228/www'))
    expect((await source.readFile('20171228/www/app.js')).toString()).toContain('console.log')
    await source.close()
  })
})

describe('unreadable source files', () => {
  it.skipIf(IS_ROOT)('a file without read permission: exit 2 naming it, no zip', () => {
    const site = writeTree(SITE)
    const file = path.join(site, '20171228/www/app.js')
    fs.chmodSync(file, 0)
    try {
      const out = tempDir('h5-out-')
      const r = cli(['pack', site, ...MAIN, '--out', path.join(out, 'p.zip')])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/20171228\/www\/app\.js.*EACCES/)
      expectEmpty(out)
    } finally {
      fs.chmodSync(file, 0o644)
    }
  })

  it.skipIf(IS_ROOT)('a folder that cannot be listed: exit 2 naming it', () => {
    const site = writeTree({ ...SITE, '20171228/www/private/a.js': 'x' })
    const dir = path.join(site, '20171228/www/private')
    fs.chmodSync(dir, 0)
    try {
      const r = cli(['validate', site, ...MAIN])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/cannot list .*20171228\/www\/private: .*EACCES/)
    } finally {
      fs.chmodSync(dir, 0o755)
    }
  })
})
