import type { ResolvedConfig } from '../core/config.js'
import { compareFindings, countFindings, type Counts, type Finding } from '../core/findings.js'
import { buildPackageModel, type PackageModel } from '../core/layout.js'
import { contentRules, packageRules } from '../rules/index.js'
import type { Extractor } from '../refs/extractor.js'
import { createValidateExtractor, scanReferences, type ReferenceScan } from '../refs/scan.js'
import { openPackageSource } from './open-source.js'
import { checkRuleSettings, runRules } from './run-rules.js'
import { isScanned } from '../refs/extract.js'

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
  let extractor: Extractor | undefined
  try {
    const pkg = buildPackageModel(source, config)
    // A worker, if the scan is big enough for one, starts while the package rules run.
    extractor = config.checkReferences ? createValidateExtractor(pkg) : undefined
    let findings = await runRules(packageRules, { config, pkg })
    const refs = extractor && (await scanReferences(pkg, source, config, extractor))
    // not push(...): a big site's findings are more than a call takes arguments
    if (refs) findings = findings.concat(await runRules(contentRules, { config, pkg, refs }))
    // A damaged entry the scan did not read (an image with a bad CRC, bzip2, a lying local header) must not pass:
    // MDS or the phone would read it. The scan's own reads are checked the same way.
    await source.verify?.(pkg.files.filter((f) => !(refs && isScanned(f))).map((f) => f.source))
    return result(pkg, findings, refs)
  } finally {
    await extractor?.close()
    await source.close()
  }
}

export function result(pkg: PackageModel, findings: Finding[], refs?: ReferenceScan): Validation {
  findings.sort(compareFindings)
  return { pkg, findings, counts: countFindings(findings), refs }
}
