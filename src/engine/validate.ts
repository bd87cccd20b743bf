import type { ResolvedConfig } from '../core/config.js'
import { compareFindings, countFindings, type Counts, type Finding } from '../core/findings.js'
import { buildPackageModel, type PackageModel } from '../core/layout.js'
import type { PackageSource } from '../core/source.js'
import { contentRules, packageRules } from '../rules/index.js'
import { scanReferences, type ReferenceScan } from '../refs/scan.js'
import type { RuleContext } from '../rules/types.js'
import { openPackageSource } from './open-source.js'
import { checkRuleSettings, runRules } from './run-rules.js'

export const allRules = [...packageRules, ...contentRules]

export interface Validation {
  pkg: PackageModel
  findings: Finding[]
  counts: Counts
  refs?: ReferenceScan
}

/** Lists, lays out and checks a package; file contents are read only for the reference scan. */
export async function validatePackage(
  location: string,
  config: ResolvedConfig
): Promise<Validation> {
  checkRuleSettings(config, allRules)
  const source = await openPackageSource(location, config)
  try {
    const pkg = buildPackageModel(source, config)
    const findings = await runRules(packageRules, contextFor(pkg, source, config))
    const refs = config.checkReferences ? await scanReferences(pkg, source, config) : undefined
    if (refs)
      findings.push(...(await runRules(contentRules, { ...contextFor(pkg, source, config), refs })))
    return result(pkg, findings, refs)
  } finally {
    await source.close()
  }
}

export function contextFor(
  pkg: PackageModel,
  source: PackageSource,
  config: ResolvedConfig
): RuleContext {
  const byPath = new Map(pkg.files.map((f) => [f.path, f.source]))
  return {
    config,
    pkg,
    readFile(pkgPath) {
      const name = byPath.get(pkgPath)
      if (name === undefined)
        return Promise.reject(new Error(`${pkgPath} is not a file of the package`))
      return source.readFile(name)
    }
  }
}

export function result(pkg: PackageModel, findings: Finding[], refs?: ReferenceScan): Validation {
  findings.sort(compareFindings)
  return { pkg, findings, counts: countFindings(findings), refs }
}
