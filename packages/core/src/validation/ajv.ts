/**
 * @module
 * The three Ajv instances of an app. Request parameters arrive as strings and are coerced; a JSON body
 * already has types and is not coerced (no `null` quietly becoming `0`); responses are checked without
 * being changed. All three report every error (`allErrors`), which the 422 body then caps.
 */
import { _, Ajv, type KeywordCxt, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { SchemaRegistry } from '../schema/registry.ts'
import {
  looseId,
  toLooseRequestValidationSchema,
  toRequestValidationSchema,
} from '../schema/request-schemas.ts'
import { STRING_OR_DATE, toResponseValidationSchema } from '../schema/response-schemas.ts'

export interface Validators {
  readonly params: Ajv
  readonly body: Ajv
  readonly response: Ajv
}

// `ownProperties`: a field named `constructor` or `toString` is never read from `Object.prototype`.
const COMMON: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  addUsedSchema: false,
  ownProperties: true,
}

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
  // Inlined into the compiled validator (a `code` keyword): a function keyword costs a call per string.
  response.addKeyword({
    keyword: STRING_OR_DATE,
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      cxt.fail(_`typeof ${cxt.data} !== "string" && !(${cxt.data} instanceof Date)`)
    },
    error: { message: 'must be string', params: _`{type: "string"}` },
  })
  registry.subscribe((id, schema) => {
    // Each shared schema twice: stripping undeclared fields, and loose for use inside unions.
    for (const ajv of [params, body]) {
      ajv.addSchema({ ...toRequestValidationSchema(schema), $id: id }, id)
      ajv.addSchema({ ...toLooseRequestValidationSchema(schema), $id: looseId(id) }, looseId(id))
    }
    response.addSchema({ ...toResponseValidationSchema(schema), $id: id }, id)
  })
  return { params, body, response }
}

function withFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv)
  return ajv
}
