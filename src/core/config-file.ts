import fs from 'node:fs'
import path from 'node:path'
import type { ConfigInput } from './config.js'
import { UsageError } from './errors.js'
import { separatorHint } from './output-path.js'

export const CONFIG_FILE_NAME = 'h5offline.config.json'

/** Keys holding paths: relative ones are taken from the config file's folder, not the caller's. */
const PATH_KEYS = ['infoPlist', 'globalPackage'] as const

/** Reads a JSON config file; its keys are checked later by the shared schema (unknown keys are errors). */
export function readConfigFile(file: string): Partial<ConfigInput> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(
      `config file ${file} cannot be read (${(e as NodeJS.ErrnoException).code})${separatorHint(file)}`,
      file
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new UsageError(`config file ${file} is not valid JSON: ${(e as Error).message}`, file)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`config file ${file} must hold a JSON object`, file)
  }
  const config = { ...(data as Record<string, unknown>) }
  delete config.$schema
  for (const key of PATH_KEYS) {
    const value = config[key]
    if (typeof value === 'string') config[key] = path.resolve(path.dirname(file), value)
  }
  return config as Partial<ConfigInput>
}

/** `--config` when given; else h5offline.config.json in the working directory, if there is one. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit) return explicit
  const candidate = path.join(cwd, CONFIG_FILE_NAME)
  return fs.existsSync(candidate) ? candidate : undefined
}
