#!/usr/bin/env node
import { removeTempFilesOnSignals } from '../core/temp-files.js'
import { VERSION } from '../version.js'

const argv = process.argv.slice(2)

// A reader that stops early (`h5-offline rules | head -3`) closes the pipe. The rest of the output is not wanted:
// drop it and finish with the run's own exit status, rather than die on an unhandled 'error' event.
// Any other failure to write (a full disk under `> report.txt`) ends the run with exit 2 and a line saying so, not a
// stack trace and the exit status of failing findings.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return
    if (stream === process.stdout)
      process.stderr.write(`h5-offline: cannot write the report to standard output: ${e.message}\n`)
    process.exit(2)
  })
}
removeTempFilesOnSignals()
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the engine (parsers, zip code) is loaded: scripts call --version often.
  process.stdout.write(`${VERSION}\n`)
} else {
  const { runCli } = await import('./main.js')
  process.exitCode = await runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY)
  })
}
