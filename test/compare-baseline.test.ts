/**
 * `compare-to` with a URL, against a loopback server: a baseline is downloaded whole when it fits `limits.bytes`,
 * and cut off (its temp folder deleted) when it does not, whether or not the server declares a length.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fetchBaseline, parseCompareTo } from '../src/action/compare.js'
import type { RunContext } from '../src/action/context.js'

const BODY = Buffer.alloc(300_000, 'z')
let server: http.Server
let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/declared.zip') {
      res.writeHead(200, { 'content-length': BODY.length })
      res.end(BODY)
    } else {
      // Chunked: no length to go by, so only counting the bytes can stop it.
      res.writeHead(200, { 'transfer-encoding': 'chunked' })
      for (let i = 0; i < BODY.length; i += 10_000) res.write(BODY.subarray(i, i + 10_000))
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const ctx: RunContext = { eventName: 'pull_request', serverUrl: 'https://github.com' }

describe('compare-to URL and limits.bytes', () => {
  for (const name of ['declared.zip', 'chunked.zip']) {
    test(`${name}: downloaded whole within the limit, refused past it with nothing left`, async () => {
      const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-baseline-'))
      try {
        const spec = parseCompareTo(`${base}/${name}`, tempDir)
        const ok = await fetchBaseline(spec, { ctx, tempDir, maxBytes: BODY.length })
        expect(ok.status).toBe('found')
        if (ok.status === 'found') expect(fs.readFileSync(ok.path).equals(BODY)).toBe(true)
        fs.rmSync(path.dirname((ok as { path: string }).path), { recursive: true })

        const refused = await fetchBaseline(spec, { ctx, tempDir, maxBytes: 100_000 })
        expect(refused).toEqual({
          status: 'skipped',
          reason: expect.stringMatching(/is larger than 97\.7 KiB \(limits\.bytes; raise it/)
        })
        expect(fs.readdirSync(tempDir)).toEqual([])
      } finally {
        fs.rmSync(tempDir, { recursive: true, force: true })
      }
    })
  }
})
