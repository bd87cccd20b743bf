import { removeTempFilesOnSignals } from '../core/temp-files.js'
import { run } from './main.js'

// A cancelled job (SIGINT, then SIGTERM) leaves no staging zip or spill file behind.
removeTempFilesOnSignals()

/** How long the process may outlive the step's work. */
const EXIT_GRACE_MS = 1_000

await run()

// Normally nothing is left and the process ends here at once. A request the Action gave up on (an artifact upload
// past upload-timeout) may still hold a socket open with no end in sight: give pending output a moment, then end
// with the step's exit code rather than keep the job waiting. Unref'd, so it never delays a process that is done.
setTimeout(() => {
  // Let stdout drain first (a pipe may be asynchronous), but not for longer than another grace period.
  process.stdout.write('', () => process.exit())
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref()
}, EXIT_GRACE_MS).unref()
