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
  return new Date(Number(raw) * 1000)
}
