/**
 * Worker entry: extracts references off the main thread, which meanwhile reads files and feeds deflate.
 * Bundled on its own (dist/refs-worker/index.js) because a worker needs a file to start from.
 */
import { parentPort } from 'node:worker_threads'
import { extractBytes, type ExtractRequest } from './extract-bytes.js'

parentPort?.on('message', (req: ExtractRequest) => {
  const result = extractBytes(req.path, Buffer.from(req.bytes))
  parentPort!.postMessage({ id: req.id, result, bytes: req.bytes.byteLength })
})
