import fs from 'node:fs'

/**
 * Temp files that exist right now (the zip being written, spills of big entries, a report before its rename), so
 * that a run cancelled by a signal can delete them: CI cancels and times out with SIGINT or SIGTERM, and a staging
 * zip of hundreds of MB must not stay behind, hidden, after each cancelled run.
 */
const live = new Set<string>()
let cancelled = false

/** Called before the file is created: a file whose creation is under way when a signal comes is deleted too. */
export function trackTemp(path: string): void {
  // No new temp file once the run is being cancelled: it could land after the last sweep.
  if (cancelled) throw new Error('the run was cancelled')
  live.add(path)
}

export function untrackTemp(path: string): void {
  live.delete(path)
}

/** Deletes every tracked temp file, synchronously: called from a signal handler, just before the process ends. */
export function removeTempFilesSync(): void {
  for (const path of live) {
    try {
      fs.rmSync(path, { force: true })
    } catch {
      // the process is ending: a file that cannot be removed now stays, as it would have
    }
  }
}

/**
 * On SIGINT, SIGTERM or SIGHUP: delete the temp files, then end as the signal would have ended the process (the
 * handler is removed first, so the re-raised signal takes its default action and the exit status says so). A file
 * being created on the thread pool right then appears a moment later: a second sweep after SWEEP_DELAY_MS takes it.
 */
export function removeTempFilesOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cancelled = true
      removeTempFilesSync()
      setTimeout(() => {
        removeTempFilesSync()
        process.kill(process.pid, signal)
      }, SWEEP_DELAY_MS)
    })
  }
}

const SWEEP_DELAY_MS = 100
