import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readListedFile, type ListedFile } from '../src/core/listed-file.js'
import { extractBytes } from '../src/refs/extract-bytes.js'
import { extractJsRefs } from '../src/refs/extract-js.js'
import { createExtractor } from '../src/refs/extractor.js'
import { mayHaveRefs } from '../src/refs/prefilter.js'
import {
  createClaimList,
  MAIN_THREAD_MAX,
  scanClaimed,
  scanRest,
  type ClaimList,
  type ClaimTally
} from '../src/refs/scan-claimed.js'
import type { ExtractedRefs } from '../src/refs/types.js'
import { cleanupTempDirs, writeTree } from './helpers/tree.js'

// The committed worker bundle (CI checks that dist/ matches the sources).
const WORKER = path.resolve('dist/refs-worker/index.js')

afterAll(cleanupTempDirs)

/** A tree of pages, stylesheets and modules with references, plus one JS file over the main thread's limit. */
function sampleTree(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    files[`www/p${i}.html`] =
      `<base href="/b${i}/"><img src="i${i}.png"><script src="m${i}.js"></script>`
    files[`www/c${i}.css`] = `@import "./d${i}.css"; a{background:url(./Img${i}.png)}`
    // Not all ASCII: lexed one byte per character (see extractJsRefsFromBytes).
    files[`www/m${i}.js`] =
      `// café ☕ ${i}\nimport './dep${i}.js'\nconst é = 1, u = new URL('./w${i}.js', import.meta.url)`
    files[`www/plain${i}.js`] = `export const value = ${i}` // no reference: the prefilter drops it
  }
  files['www/big.js'] =
    `${'// filler\n'.repeat(Math.ceil(MAIN_THREAD_MAX / 10) + 1)}import('./late.js')`
  return files
}

function listOf(root: string, names: string[]): ClaimList {
  return createClaimList(
    names.map((name) => {
      const abs = path.join(root, name)
      const st = fs.statSync(abs)
      const file: ListedFile = { name, abs, dev: st.dev, ino: st.ino }
      return { path: `12345678/${name}`, size: st.size, file }
    })
  )
}

/** What one thread alone finds: the reference. */
function expected(list: ClaimList) {
  const found: Array<{ path: string; refs: ExtractedRefs }> = []
  let bytes = 0
  for (const { path: p, file } of list.files) {
    const b = readListedFile(file)
    bytes += b.length
    if (!mayHaveRefs(p, b)) continue
    const refs = extractBytes(p, b)
    if (refs.refs.length || refs.baseHref) found.push({ path: p, refs })
  }
  return { files: list.files.length, bytes, found: sortFound(found) }
}

const sortFound = (found: ClaimTally['found']) =>
  [...found].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

function merge(tallies: ClaimTally[]) {
  return {
    files: tallies.reduce((n, t) => n + t.files, 0),
    bytes: tallies.reduce((n, t) => n + t.bytes, 0),
    found: sortFound(tallies.flatMap((t) => t.found))
  }
}

const emptyTally = (): ClaimTally => ({ files: 0, bytes: 0, found: [] })

describe('claim lists: every file scanned once, by whichever thread claims it', () => {
  const root = writeTree(sampleTree(30))
  const names = Object.keys(sampleTree(30))

  it('the main thread stops at a file a worker has, leaves big files, and takes the rest afterwards', () => {
    const list = listOf(root, names)
    const ref = expected(list)
    expect(ref.found.length).toBeGreaterThan(60)
    // A "worker" has taken the first third already.
    const worker = emptyTally()
    const third = Math.floor(list.files.length / 3)
    scanClaimed(createClaimList(list.files.slice(0, third)), 'front', worker)
    for (let i = 0; i < third; i++) Atomics.store(list.claims, i, 1)
    const bigIndex = list.files.findIndex((f) => f.path.endsWith('big.js'))
    const main = emptyTally()
    scanClaimed(list, 'back', main)
    // big.js is over the main thread's limit: left free for the workers
    if (bigIndex >= third) expect(Atomics.load(list.claims, bigIndex)).toBe(0)
    expect(main.files).toBe(list.files.length - third - (bigIndex >= third ? 1 : 0))
    scanRest(list, main)
    expect(merge([worker, main])).toEqual(ref)
    expect(list.claims.every((c) => c === 1)).toBe(true)
  })

  it('a worker goes through to the end, past files the main thread has', () => {
    const list = listOf(root, names)
    for (let i = 0; i < list.files.length; i += 3) Atomics.store(list.claims, i, 1)
    const worker = emptyTally()
    scanClaimed(list, 'front', worker)
    expect(worker.files).toBe(list.files.length - Math.ceil(list.files.length / 3))
    expect(list.claims.every((c) => c === 1)).toBe(true)
  })

  it('a file replaced after it was listed is refused, by name', () => {
    const dir = writeTree({ 'www/a.js': "import './b.js'" })
    const list = listOf(dir, ['www/a.js'])
    // Written beside it first, so that it cannot get the old inode back.
    fs.writeFileSync(path.join(dir, 'www/new.js'), "import './evil.js'")
    fs.renameSync(path.join(dir, 'www/new.js'), path.join(dir, 'www/a.js'))
    expect(() => scanClaimed(list, 'back', emptyTally())).toThrow(
      /www\/a\.js was replaced after it was listed/
    )
  })

  it('a file swapped for a symlink after it was listed is not followed', () => {
    const dir = writeTree({ 'www/a.js': "import './b.js'", 'outside.js': "import './x.js'" })
    const list = listOf(dir, ['www/a.js'])
    fs.rmSync(path.join(dir, 'www/a.js'))
    fs.symlinkSync(path.join(dir, 'outside.js'), path.join(dir, 'www/a.js'))
    expect(() => scanClaimed(list, 'back', emptyTally())).toThrow(
      expect.objectContaining({ code: 'ELOOP' })
    )
  })
})

describe('the extractor with its real worker', () => {
  const files = sampleTree(40)
  const root = writeTree(files)
  const names = Object.keys(files)

  it('a claim list scanned by the worker and the main thread together finds what one thread finds', async () => {
    const list = listOf(root, names)
    const ref = expected(listOf(root, names))
    const extractor = createExtractor({ shareMainThread: true, handOver: true, script: WORKER })
    try {
      const workers = extractor.scanClaimList(list)
      const main = emptyTally()
      scanClaimed(list, 'back', main)
      const theirs = await workers
      scanRest(list, main)
      expect(theirs.length).toBeGreaterThan(0)
      expect(merge([main, ...theirs])).toEqual(ref)
      // Columns in UTF-16 units of the line, after its non-ASCII characters.
      const m0 = ref.found.find((f) => f.path === '12345678/www/m0.js')!
      const line = sampleTree(1)['www/m0.js'].split('\n')[2]
      expect(m0.refs.refs.find((r) => r.url === './w0.js')).toMatchObject({
        line: 3,
        column: line.indexOf('./w0.js') + 1
      })
    } finally {
      await extractor.close()
    }
  })

  it("a worker's read error reaches the caller with its message and code", async () => {
    const list = listOf(root, names)
    // Every file a worker could take is a stale listing.
    list.files.forEach((f) => (f.file = { ...f.file, ino: f.file.ino + 1 }))
    const extractor = createExtractor({ script: WORKER })
    try {
      await expect(extractor.scanClaimList(list)).rejects.toMatchObject({
        code: 'ESTALE',
        message: expect.stringMatching(/was replaced after it was listed/)
      })
    } finally {
      await extractor.close()
    }
  })

  it('shared with the main thread: what the worker has not started is done on the main thread, same results', async () => {
    const extractor = createExtractor({ shareMainThread: true, handOver: true, script: WORKER })
    const jobs: Array<Promise<ExtractedRefs>> = []
    const wanted: ExtractedRefs[] = []
    try {
      for (let i = 0; i < 60; i++) {
        // Some jobs are big enough that the main thread does the next ones itself.
        // Half of them not all ASCII, from shared memory too; the oracle decodes the text as UTF-8.
        const text = `${i % 7 === 0 ? ' '.repeat(600_000) : ''}${i % 2 ? '/* ☕ */ ' : ''}import './m${i}.js'`
        jobs.push(extractor.extract(`www/m${i}.js`, Buffer.from(text)))
        wanted.push({ refs: extractJsRefs(text) })
      }
      extractor.settle()
      expect(await Promise.all(jobs)).toEqual(wanted)
    } finally {
      await extractor.close()
    }
  })

  it('a buffer handed over is moved to the worker when it owns its memory, and a slice is copied', async () => {
    const extractor = createExtractor({ handOver: true, script: WORKER })
    try {
      const owned = Buffer.from(new TextEncoder().encode("import './a.js'").buffer)
      const slice = Buffer.from("// x\nimport './b.js'").subarray(5)
      const [a, b] = await Promise.all([
        extractor.extract('www/a.js', owned),
        extractor.extract('www/b.js', slice)
      ])
      expect(owned.buffer.byteLength).toBe(0) // detached: moved, not copied
      expect(slice.toString()).toBe("import './b.js'")
      expect(a.refs.map((r) => r.url)).toEqual(['./a.js'])
      expect(b.refs.map((r) => r.url)).toEqual(['./b.js'])
    } finally {
      await extractor.close()
    }
  })
})
