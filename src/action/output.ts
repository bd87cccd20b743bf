import fs from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../core/errors.js'
import {
  assertDistinctFiles,
  assertOutputPath,
  assertOutsidePackage,
  checkOutputDir,
  checkOutputFile,
  DELTA_OUTPUT,
  realPath,
  SARIF_OUTPUT
} from '../core/output-path.js'
import type { ResolvedConfig } from '../core/config.js'
import { assertGlobalPackageExists, statPackageLocation } from '../core/location.js'
import { parseCompareTo } from './compare.js'
import type { ActionInputs } from './inputs.js'

/** Where the zip goes: a file named by `output`, or a folder that gets the default name. */
export interface OutputPlan {
  /** The zip's path when `output` names a file. */
  explicit?: string
  /** The folder the zip (or the default name) goes in; created by the step, not by the check. */
  outDir: string
  /** `path` is a zip, copied as it is, not a folder to pack. */
  zipSource: boolean
}

/**
 * The folder of the zip and its reports when `output` is not given: one per step, so that two steps of a job that
 * pack the same package ID do not write the same RUNNER_TEMP/<id>.zip, the second replacing the zip the first
 * one's `zip-path` and `sha256` outputs describe. GITHUB_ACTION is unique per step within a job (the step's id,
 * or `__<owner>_<repo>` with `_2`, `_3` for repeats).
 */
export function defaultOutputDir(tempDir: string, githubAction: string | undefined): string {
  const step = (githubAction ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+$/, '')
  return path.join(tempDir, 'h5-offline', step || 'step')
}

/**
 * Checks every path input (`path`, `global-package`, `output`, `sarif`, `delta-out`) before anything is written: the step fails on
 * any of them with nothing created, no empty folder for the others left behind.
 */
export async function checkPathInputs(
  inputs: ActionInputs,
  config: ResolvedConfig,
  tempDir: string,
  env: NodeJS.ProcessEnv,
  workspace: string
): Promise<OutputPlan> {
  const source = statPackageLocation(inputs.location)
  if (config.globalPackage && config.checkReferences)
    assertGlobalPackageExists(config.globalPackage)
  const packageFolder = source.isDirectory() ? inputs.location : undefined
  let plan: OutputPlan
  if (inputs.output) {
    const explicit =
      !inputs.outputIsFolder && !(await isDirectory(inputs.output)) ? inputs.output : undefined
    if (explicit) await assertOutputPath(explicit, 'out')
    // `output: dist/` with `path: dist` would leave a folder in the build output.
    if (packageFolder) await assertOutsidePackage(inputs.output, packageFolder, 'out')
    plan = {
      explicit,
      outDir: explicit ? path.dirname(explicit) : inputs.output,
      zipSource: source.isFile()
    }
    await checkOutputDir(plan.outDir, inputs.output, 'out')
  } else {
    plan = { outDir: defaultOutputDir(tempDir, env.GITHUB_ACTION), zipSource: source.isFile() }
  }
  if (inputs.sarif) {
    await checkOutputFile(inputs.sarif, 'sarif', SARIF_OUTPUT)
    if (packageFolder)
      await assertOutsidePackage(inputs.sarif, packageFolder, 'sarif', SARIF_OUTPUT)
  }
  if (inputs.deltaOut) {
    await checkOutputFile(inputs.deltaOut, 'delta-out', DELTA_OUTPUT)
    if (packageFolder)
      await assertOutsidePackage(inputs.deltaOut, packageFolder, 'delta-out', DELTA_OUTPUT)
  }
  // A baseline downloaded as `<id>.zip` and given as compare-to is what `output: <id>.zip` would write over, and
  // the step would then compare the new zip with itself.
  const baseline = inputs.compareTo && parseCompareTo(inputs.compareTo, workspace)
  // The zip gets its default name (`<id>[_<version>].zip`) in an output folder: a baseline in that folder can be
  // the very file written.
  if (baseline && baseline.kind === 'path' && !plan.explicit) {
    const [dir, outDir] = await Promise.all(
      [path.dirname(baseline.path), plan.outDir].map(realPath)
    )
    if (dir === outDir)
      throw new UsageError(
        `${inputs.compareTo} is in the output folder ${inputs.output ?? plan.outDir}, where the new zip would be written over it: keep the baseline elsewhere, or give output a file name`,
        'compare-to'
      )
  }
  await assertDistinctFiles([
    { path: plan.explicit, name: 'output', writes: true },
    { path: inputs.sarif, name: 'sarif', writes: true },
    { path: inputs.deltaOut, name: 'delta-out', writes: true },
    { path: source.isFile() ? inputs.location : undefined, name: 'path', writes: false },
    {
      path: baseline && baseline.kind === 'path' ? baseline.path : undefined,
      name: 'compare-to',
      writes: false
    },
    { path: config.globalPackage, name: 'global-package', writes: false },
    { path: inputs.configFile, name: 'config', writes: false }
  ])
  return plan
}

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isDirectory() ?? false
}
