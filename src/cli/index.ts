#!/usr/bin/env node
import { VERSION } from '../version.js'

const argv = process.argv.slice(2)
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
