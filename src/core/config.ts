import { z } from 'zod'
import { UsageError } from './errors.js'

export const PUBLIC_CLOUD_HOST = 'mcube-prod.mpaascloud.com'
export const LEGACY_OSS_HOST = 'mcube-prod.oss-cn-hangzhou.aliyuncs.com'
export const APSARA_DEFAULT_PREFIX = 'mcube'
export const PACKAGE_ID_PATTERN = /^\d{8}$/

const severitySetting = z.enum(['off', 'notice', 'warning', 'error'])

/** `2MB`, `500 KiB`, `1048576`: budgets read better with units. Decimal and binary units both accepted. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(value)
  if (!m) throw new Error(`"${value}" is not a size (use bytes or a unit: 500KB, 2MiB)`)
  const unit = (m[2] ?? 'b').toLowerCase()
  const base = unit.includes('i') ? 1024 : 1000
  const power = { b: 0, k: 1, m: 2, g: 3 }[unit[0] as 'b' | 'k' | 'm' | 'g']
  return Math.round(Number(m[1]) * base ** power)
}

const size = z.union([z.number().int().nonnegative(), z.string()]).transform((v, ctx) => {
  try {
    return parseSize(v)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
    return z.NEVER
  }
})

const hostPattern =
  /^(?=.{1,253}(:|$))[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/i
/** A `:port` part, when there is one, is a TCP port: 1 to 65535 (0 reaches nothing). */
export function validPort(host: string): boolean {
  const colon = host.lastIndexOf(':')
  if (colon === -1) return true
  const port = Number(host.slice(colon + 1))
  return Number.isInteger(port) && port >= 1 && port <= 65535
}

/**
 * Most `*` runs a glob may have. The matcher is a backtracking regex, whose time on a crafted name grows as its
 * length to the power of the runs (5 runs: seconds per file; 6: minutes), and patterns can come from a pull
 * request's config file. Real patterns have one to three (`*.map`, `assets/**`).
 */
export const MAX_GLOB_STARS = 4

const glob = z
  .string()
  .max(1024, 'a glob of at most 1024 characters')
  .refine(
    (p) => (p.match(/\*+/g)?.length ?? 0) <= MAX_GLOB_STARS,
    `at most ${MAX_GLOB_STARS} wildcards (* or **): with more, matching one crafted file name can take hours`
  )

const segment = z
  .string()
  .regex(/^[^/\\]+$/, 'one folder name, without slashes')
  .refine((s) => s !== '.' && s !== '..', 'not "." or ".."')

/**
 * The one configuration every edge (flags, config file, Action inputs) produces. Unknown keys are errors so a
 * typo in a config file cannot silently disable a check.
 */
export const configSchema = z
  .object({
    type: z.enum(['global', 'standard', 'auto']).default('auto'),
    layout: z.enum(['auto', 'laid-out', 'build']).default('auto'),
    id: z.string().regex(PACKAGE_ID_PATTERN, 'an 8-digit package ID such as 20171228').optional(),
    appId: z
      .string()
      .regex(/^[A-Za-z0-9]+$/, 'letters and digits, e.g. 53E5279071442')
      .optional(),
    workspace: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and hyphens, e.g. test')
      .optional(),
    environment: z.enum(['public-cloud', 'apsara-stack']).default('public-cloud'),
    host: z
      .string()
      .regex(hostPattern, 'a host name with an optional :port')
      .refine((h) => validPort(h), 'a port from 1 to 65535')
      .optional(),
    /** Folders between the host and `<appId>_<workspace>`; `''` for none. */
    prefix: z
      .string()
      .regex(/^[^\\]*$/, 'a URL path such as mcube or mdss/mcube')
      // ".." would climb out of the host folder in every entry name the packer writes
      .refine(
        (p) => p.split('/').every((s) => s !== '.' && s !== '..'),
        'folder names, not "." or ".."'
      )
      .optional(),
    bucket: segment.optional(),
    /** Folder a standard build output is placed in (`ID/<entryDir>/…`); `''` for straight under `ID/`. */
    entryDir: z.union([z.literal(''), segment]).default('www'),
    /** Folder a global build output is placed in under `<appId>_<workspace>/`. */
    versionDir: segment.optional(),
    mainEntry: z.string().optional(),
    version: z.string().optional(),
    include: z.array(glob).default([]),
    exclude: z.array(glob).default([]),
    rules: z.record(z.string(), severitySetting).default({}),
    budgets: z
      .object({ total: size.optional(), file: size.optional(), zipped: size.optional() })
      .strict()
      .default({}),
    infoPlist: z.string().optional(),
    iosMinVersion: z
      .string()
      .regex(/^\d+(\.\d+)*$/, 'dotted numbers such as 10.0.0')
      .optional(),
    keepJunk: z.boolean().default(false),
    /** Exact package paths of sensitive-looking files the user vouches for. */
    allowSensitive: z.array(z.string()).default([]),
    failOn: z.enum(['error', 'warning', 'never']).default('error'),
    checkReferences: z.boolean().default(true),
    globalPackage: z.string().optional(),
    limits: z
      .object({ entries: z.number().int().positive().optional(), bytes: size.optional() })
      .strict()
      .default({})
  })
  .strict()
  .refine((c) => !c.iosMinVersion || c.infoPlist, {
    message: "needs the app's Info.plist to compare with (--info-plist)",
    path: ['iosMinVersion']
  })

export type ConfigInput = z.input<typeof configSchema>
export type Config = z.output<typeof configSchema>

/** Defaults that depend on other settings, filled in once so rules never re-derive them. */
export interface ResolvedConfig extends Config {
  host: string | undefined
  prefix: string
  limits: { entries: number; bytes: number }
}

export const DEFAULT_LIMITS = { entries: 200_000, bytes: 4 * 1024 ** 3 }

export function resolveConfig(config: Config): ResolvedConfig {
  const apsara = config.environment === 'apsara-stack'
  return {
    ...config,
    host: config.host ?? (apsara ? undefined : PUBLIC_CLOUD_HOST),
    prefix: trimSlashes(config.prefix ?? (apsara ? APSARA_DEFAULT_PREFIX : '')),
    limits: { ...DEFAULT_LIMITS, ...config.limits }
  }
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '')
}

/** Parses and explains: each zod issue becomes `<where>: <what is wrong>`, where is the caller's name for the key. */
export function parseConfig(
  input: unknown,
  describeKey: (path: PropertyKey[]) => string = (p) => p.join('.')
): ResolvedConfig {
  // zod's record drops a `__proto__` key without a word: a rule set under that name would vanish unchecked
  const rules = (input as { rules?: unknown } | null)?.rules
  if (rules && typeof rules === 'object' && Object.hasOwn(rules, '__proto__'))
    throw new UsageError(
      `${describeKey(['rules', '__proto__'])}: not a rule id`,
      describeKey(['rules'])
    )
  const result = configSchema.safeParse(input, { reportInput: true })
  if (!result.success) {
    // An unknown top-level key has an empty path; its own name says where it came from.
    const pathOf = (issue: (typeof result.error.issues)[number]): PropertyKey[] =>
      issue.path.length || issue.code !== 'unrecognized_keys' ? issue.path : issue.keys.slice(0, 1)
    const lines = result.error.issues.map((issue) => {
      const keyPath = pathOf(issue)
      const key = keyPath.length ? describeKey(keyPath) : 'configuration'
      // the value refused, when it is short enough to quote (`OFF` for `off`) and the message does not already
      const got =
        (issue.code === 'invalid_value' ||
          issue.code === 'custom' ||
          issue.code === 'invalid_format') &&
        typeof issue.input === 'string' &&
        issue.input.length <= 80 &&
        !issue.message.includes(JSON.stringify(issue.input))
          ? `, got ${JSON.stringify(issue.input)}`
          : ''
      return `${key}: ${issue.message}${got}`
    })
    const first = result.error.issues[0]
    throw new UsageError(lines.join('\n'), describeKey(first ? pathOf(first) : []))
  }
  return resolveConfig(result.data)
}

/** The merged order: config file first, then explicit flags or inputs on top. */
export function mergeConfigInputs(...layers: Array<Partial<ConfigInput> | undefined>): ConfigInput {
  // No prototype: a config file's `"__proto__": {…}` key stays a key (and is refused as unknown) instead of
  // becoming the prototype, whose keys zod would read while its unknown-key check never sees them.
  const out: Record<string, unknown> = Object.create(null)
  for (const layer of layers) {
    if (!layer) continue
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue
      if (key === 'rules' || key === 'budgets' || key === 'limits') {
        out[key] = { ...(out[key] as object | undefined), ...(value as object) }
      } else out[key] = value
    }
  }
  return out as ConfigInput
}
