/**
 * Worker entry: extracts references off the main thread, which meanwhile reads files and feeds deflate.
 * Bundled on its own (dist/refs-worker/index.js) because a worker needs a file to start from.
 */
import { parentPort } from 'node:worker_threads'
import {
  claim,
  claimedBytes,
  extractBytes,
  type ClaimRequest,
  type ExtractRequest
} from './extract-bytes.js'
import { scanClaimed, type ClaimTally } from './scan-claimed.js'

parentPort?.on('message', (req: ExtractRequest | ClaimRequest) => {
  if ('list' in req) {
    const tally: ClaimTally = { files: 0, bytes: 0, found: [] }
    try {
      scanClaimed(req.list, 'front', tally)
      parentPort!.postMessage({ id: req.id, tally })
    } catch (e) {
      const { message, code } = e as NodeJS.ErrnoException
      parentPort!.postMessage({ id: req.id, error: { message, code } })
    }
    return
  }
  const mine = !req.claimable || claim(req.bytes as SharedArrayBuffer)
  const result =
    mine &&
    extractBytes(
      req.path,
      req.claimable ? claimedBytes(req.bytes as SharedArrayBuffer) : Buffer.from(req.bytes)
    )
  // A job the main thread took is answered there.
  if (result) parentPort!.postMessage({ id: req.id, result })
})
