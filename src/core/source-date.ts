import { UsageError } from './errors.js'

/** SOURCE_DATE_EPOCH (reproducible-builds.org) pins the zip timestamps when set. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw))
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${raw}"`,
      'SOURCE_DATE_EPOCH'
    )
  // A zip dates its entries from 1980 to 2107 (DOS time); a later date would be cut silently, or be no date at all.
  const seconds = Number(raw)
  if (seconds > MAX_SECONDS)
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be a date a zip can hold (up to ${MAX_SECONDS}, the end of 2107), not "${raw}"`,
      'SOURCE_DATE_EPOCH'
    )
  return new Date(seconds * 1000)
}

const MAX_SECONDS = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000
