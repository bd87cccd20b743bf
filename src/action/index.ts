import { removeTempFilesOnSignals } from '../core/temp-files.js'
import { run } from './main.js'

// A cancelled job (SIGINT, then SIGTERM) leaves no staging zip or spill file behind.
removeTempFilesOnSignals()

/** How long the process may outlive the step's work. */
const EXIT_GRACE_MS = 1_000
/** How long, after that, pending output may take to reach the runner. */
const STDOUT_DRAIN_MAX_MS = 30_000

await run()

// Normally nothing is left and the process ends here at once. A request the Action gave up on (an artifact upload
// past upload-timeout) may still hold a socket open with no end in sight: give pending output a moment, then end
// with the step's exit code rather than keep the job waiting. Unref'd, so it never delays a process that is done.
setTimeout(() => {
  // Let stdout drain first: a pipe whose reader is slow or busy takes the rest of a long report asynchronously, and
  // the annotations come last in it (a forced exit after one more second lost them on a loaded machine). Only a
  // reader that never reads is given up on.
  process.stdout.write('', () => process.exit())
  setTimeout(() => process.exit(), STDOUT_DRAIN_MAX_MS).unref()
}, EXIT_GRACE_MS).unref()
