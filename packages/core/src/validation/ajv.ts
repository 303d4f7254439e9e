/**
 * @module
 * The three Ajv instances of an app. Request parameters arrive as strings and are coerced; a JSON body
 * already has types and is not coerced (no `null` quietly becoming `0`); responses are checked without
 * being changed. All three report every error (`allErrors`), which the 422 body then caps.
 */
import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import addKeywords from 'ajv-keywords'
import type { SchemaRegistry } from '../schema/registry.ts'
import { toResponseValidationSchema } from '../schema/response-schemas.ts'

export interface Validators {
  readonly params: Ajv
  readonly body: Ajv
  readonly response: Ajv
}

const COMMON: Options = { allErrors: true, verbose: true, strict: false, addUsedSchema: false }

/** Creates the app's validators and keeps them in step with its shared (`$id`) schemas. */
export function createValidators(registry: SchemaRegistry): Validators {
  const params = withFormats(
    new Ajv({ ...COMMON, coerceTypes: 'array', useDefaults: true, removeAdditional: true }),
  )
  const body = withFormats(
    new Ajv({ ...COMMON, coerceTypes: false, useDefaults: true, removeAdditional: true }),
  )
  const response = withFormats(
    new Ajv({ ...COMMON, coerceTypes: false, useDefaults: false, removeAdditional: false }),
  )
  addKeywords.default(response, ['instanceof'])
  registry.subscribe((id, schema) => {
    params.addSchema(schema, id)
    body.addSchema(schema, id)
    response.addSchema({ ...toResponseValidationSchema(schema), $id: id }, id)
  })
  return { params, body, response }
}

function withFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv)
  return ajv
}
