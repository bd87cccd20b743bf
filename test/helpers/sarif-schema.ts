import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from './run-action.js'

/**
 * The SARIF 2.1.0 JSON schema (OASIS, the `sarif-2.1.0.json` shipped by the npm package
 * `@microsoft/sarif-multitool-linux` 5.7.0, MIT), compiled with ajv in strict mode and with its formats (uri,
 * uri-reference, date-time, uuid) checked. `strictRequired` is off: the schema lists required properties inside
 * `anyOf` branches, which strict mode would refuse as a schema error.
 */
export const SARIF_SCHEMA_FILE = path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json')

// ajv-formats is CommonJS: depending on the loader, its default import is the plugin or the module around it.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ??
  formats) as unknown as (ajv: Ajv2020) => Ajv2020

export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as object
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
  addFormats(ajv)
  return ajv.compile(schema)
}
