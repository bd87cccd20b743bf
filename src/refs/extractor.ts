import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  claim,
  claimable,
  claimedBytes,
  extractBytes,
  isClaimed,
  type ClaimRequest,
  type ExtractRequest
} from './extract-bytes.js'
import type { ClaimList, ClaimTally } from './scan-claimed.js'
import type { ExtractedRefs } from './types.js'

/** Extracts references from file bytes, on worker threads when the bundled worker is there, else inline. */
export interface Extractor {
  extract(pkgPath: string, bytes: Buffer): Promise<ExtractedRefs>
  /** The caller has nothing else to do: with shareMainThread, it extracts what no worker has started. */
  settle(): void
  /**
   * Has the workers scan a claim list from the front while the caller scans it from the back (see
   * scan-claimed.ts); resolves with what each worker found, none without workers.
   */
  scanClaimList(list: ClaimList): Promise<ClaimTally[]>
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
   * Let the main thread extract too: jobs it posts stay claimable (see ExtractRequest); it does a new one itself
   * when enough wait ahead of it, and the free ones, newest first, once it settles. Right for validate, where the
   * main thread only reads; wrong for pack, where it must keep deflate fed.
   */
  shareMainThread?: boolean
  /** The caller gives its buffers up: one that owns its whole memory is moved to a worker, not copied. */
  handOver?: boolean
  /** The worker bundle to run; by default the one next to the running bundle, if any. */
  script?: string
  /** False: everything on the calling thread. */
  workers?: boolean
}

/** Unclaimed bytes waiting for the workers past which a sharing main thread does a new job itself. */
const SHARE_THRESHOLD = 512 * 1024

interface Lane {
  worker: Worker
  /** Bytes of the jobs posted to it and not answered yet (a lane is chosen by it). */
  queued: number
  /** Messages not answered yet. */
  busy: number
}

interface Job {
  id: number
  path: string
  shared: SharedArrayBuffer
  size: number
}

interface Pending {
  resolve: (r: never) => void
  reject: (e: unknown) => void
  lane: Lane
  size: number
}

type Answer =
  | { id: number; result: ExtractedRefs }
  | { id: number; tally: ClaimTally }
  | { id: number; error: { message: string; code?: string } }

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  // H5_OFFLINE_WORKERS=never|always overrides the caller's choice, for tests and measurements.
  const forced = process.env.H5_OFFLINE_WORKERS
  const wanted = forced === 'never' ? false : forced === 'always' || options.workers !== false
  const script = wanted ? (options.script ?? workerScript()) : undefined
  // One core stays with the main thread (reading, resolving, and feeding deflate in pack).
  const count = Math.min(2, Math.max(1, os.availableParallelism() - 1))
  if (!script) {
    return {
      extract: async (p, bytes) => extractBytes(p, bytes),
      settle() {},
      scanClaimList: async () => [],
      close: async () => {}
    }
  }
  const pending = new Map<number, Pending>()
  let failure: unknown
  let closed: Promise<unknown> | undefined
  /** The job is answered (by its worker, or done on this thread): off its lane's books. */
  const answered = (id: number): Pending | undefined => {
    const p = pending.get(id)
    if (!p) return undefined
    pending.delete(id)
    p.lane.queued -= p.size
    // An idle worker must not keep the process alive; a busy one must, or an awaited result never comes. One
    // being terminated must too (see close).
    if (--p.lane.busy === 0 && !closed) p.lane.worker.unref()
    return p
  }
  const lanes: Lane[] = Array.from({ length: count }, () => {
    const lane: Lane = { worker: new Worker(script), queued: 0, busy: 0 }
    lane.worker.on('message', (answer: Answer) => {
      const p = answered(answer.id)
      if ('error' in answer) {
        p?.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }))
      } else {
        p?.resolve(('tally' in answer ? answer.tally : answer.result) as never)
      }
    })
    lane.worker.on('error', (e) => {
      failure = e
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    })
    lane.worker.unref()
    return lane
  })

  // Claimable jobs, oldest first from `jobsHead`. Each worker takes its own in the order posted, the main thread
  // takes them from the back.
  let jobs: Job[] = []
  let jobsHead = 0
  let unclaimed = 0
  const dropClaimedFront = () => {
    while (jobsHead < jobs.length && isClaimed(jobs[jobsHead].shared)) {
      unclaimed -= jobs[jobsHead++].size
    }
    if (jobsHead === jobs.length) {
      jobs = []
      jobsHead = 0
    }
  }
  /** Takes the newest job off the list and extracts it here unless a worker has it; false when none is left. */
  const stealNewest = (): boolean => {
    if (jobsHead === jobs.length) return false
    const job = jobs.pop()!
    unclaimed -= job.size
    // A worker has it: it answers as usual.
    if (!claim(job.shared)) return true
    const p = answered(job.id)
    try {
      p?.resolve(extractBytes(job.path, claimedBytes(job.shared)) as never)
    } catch (e) {
      p?.reject(e)
    }
    return true
  }

  let nextId = 0
  const post = <T>(
    lane: Lane,
    req: ExtractRequest | ClaimRequest,
    size: number,
    transfer: ArrayBuffer[]
  ) =>
    new Promise<T>((resolve, reject) => {
      pending.set(req.id, { resolve, reject, lane, size })
      lane.queued += size
      if (lane.busy++ === 0) lane.worker.ref()
      lane.worker.postMessage(req, transfer)
    })
  return {
    extract(pkgPath, bytes) {
      if (failure) return Promise.reject(failure)
      const lane = lanes.reduce((a, b) => (b.queued < a.queued ? b : a))
      const id = nextId++
      const size = bytes.byteLength
      let req: ExtractRequest
      let transfer: ArrayBuffer[] = []
      if (options.shareMainThread) {
        const shared = claimable(bytes)
        jobs.push({ id, path: pkgPath, shared, size })
        unclaimed += size
        req = { id, path: pkgPath, bytes: shared, claimable: true }
      } else {
        // A buffer handed over is moved when it owns its whole memory; otherwise a private copy is transferred,
        // as the caller still uses the bytes or they are a slice of Node's shared pool.
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        const copy = (
          options.handOver && whole
            ? bytes.buffer
            : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
        ) as ArrayBuffer
        req = { id, path: pkgPath, bytes: copy }
        transfer = [copy]
      }
      const promise = post<ExtractedRefs>(lane, req, size, transfer)
      // With enough waiting ahead of it for the workers, the job just posted is done here.
      if (options.shareMainThread) {
        dropClaimedFront()
        if (unclaimed - size > SHARE_THRESHOLD) stealNewest()
      }
      return promise
    },
    scanClaimList(list) {
      if (failure) return Promise.reject(failure)
      return Promise.all(lanes.map((lane) => post<ClaimTally>(lane, { id: nextId++, list }, 0, [])))
    },
    settle() {
      dropClaimedFront()
      while (stealNewest());
    },
    async close() {
      // Referenced until they are gone: the promise of an unreferenced worker's exit does not keep the process
      // alive, and a caller awaiting it would be cut off (exit code 13, an unsettled await).
      closed ??= Promise.all(
        lanes.map((l) => {
          l.worker.ref()
          return l.worker.terminate()
        })
      )
      await closed
    }
  }
}
