import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { extractBytes, type ExtractRequest } from './extract-bytes.js'
import type { ExtractedRefs } from './types.js'

/** Extracts references from file bytes, on worker threads when the bundled worker is there, else inline. */
export interface Extractor {
  extract(pkgPath: string, bytes: Buffer): Promise<ExtractedRefs>
  close(): Promise<void>
}

/**
 * The worker bundle sits next to the running bundle (dist/refs-worker/, dist/cli/refs-worker/). Run from sources
 * (tests) there is none, and extraction happens inline: same code, same results.
 */
function workerScript(): string | undefined {
  const main = process.argv[1]
  if (!main) return undefined
  const candidate = path.join(path.dirname(fs.realpathSync(main)), 'refs-worker', 'index.js')
  return fs.existsSync(candidate) ? candidate : undefined
}

export interface ExtractorOptions {
  /**
   * Let the main thread extract too, whenever the workers have work queued. Right for validate, where the main
   * thread only reads; wrong for pack, where it must keep deflate fed.
   */
  shareMainThread?: boolean
  /** The caller gives its buffers up: one that owns its whole memory is moved to a worker, not copied. */
  handOver?: boolean
}

/** Bytes queued on the workers past which a sharing main thread extracts the next file itself. */
const SHARE_THRESHOLD = 512 * 1024

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const script = process.env.H5_OFFLINE_NO_WORKERS ? undefined : workerScript()
  // One core stays with the main thread (reading, resolving, and feeding deflate in pack).
  const count = Math.min(2, Math.max(1, os.availableParallelism() - 1))
  if (!script) {
    return { extract: async (p, bytes) => extractBytes(p, bytes), close: async () => {} }
  }
  const workers = Array.from({ length: count }, () => new Worker(script))
  const pending = new Map<
    number,
    { resolve: (r: ExtractedRefs) => void; reject: (e: unknown) => void }
  >()
  const busy = workers.map(() => 0)
  let queued = 0
  let failure: unknown
  workers.forEach((w, i) => {
    w.on(
      'message',
      ({ id, result, bytes }: { id: number; result: ExtractedRefs; bytes: number }) => {
        queued -= bytes
        pending.get(id)?.resolve(result)
        pending.delete(id)
        // An idle worker must not keep the process alive; a busy one must, or an awaited result never comes.
        if (--busy[i] === 0) w.unref()
      }
    )
    w.on('error', (e) => {
      failure = e
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    })
    w.unref()
  })
  let nextId = 0
  return {
    extract(pkgPath, bytes) {
      if (failure) return Promise.reject(failure)
      if (options.shareMainThread && queued > SHARE_THRESHOLD) {
        return Promise.resolve(extractBytes(pkgPath, bytes))
      }
      queued += bytes.byteLength
      const id = nextId++
      // A buffer handed over is moved when it owns its whole memory; otherwise a private copy is transferred,
      // as the caller still uses the bytes or they are a slice of Node's shared pool.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      const copy = (
        options.handOver && whole
          ? bytes.buffer
          : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      ) as ArrayBuffer
      const req: ExtractRequest = { id, path: pkgPath, bytes: copy }
      const i = id % workers.length
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        if (busy[i]++ === 0) workers[i].ref()
        workers[i].postMessage(req, [copy])
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    }
  }
}
