/**
 * @module
 * The three Ajv instances of an app. Request parameters arrive as strings and are coerced; a JSON body
 * already has types and is not coerced (no `null` quietly becoming `0`); responses are checked without
 * being changed. All three report every error (`allErrors`), which the 422 body then caps.
 */
import { _, Ajv, type KeywordCxt, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { SchemaRegistry } from '../schema/registry.ts'
import {
  looseId,
  sharedIdOf,
  toLooseRequestValidationSchema,
  toRequestValidationSchema,
} from '../schema/request-schemas.ts'
import { STRING_OR_DATE, toResponseValidationSchema } from '../schema/response-schemas.ts'
import { subschemas } from '../schema/walk.ts'

/** Compiles a route's validators; each picks the app's Ajv instance its schema needs. */
export interface Validators {
  /** The holder `{ path, query, header, cookie }` of picked (own-key) parameters: coerced from strings. */
  params(schema: JsonSchema): ValidateFunction
  /** The holder `{ body }`: JSON types, no coercion; undeclared fields dropped. */
  body(schema: JsonSchema): ValidateFunction
  /** A handler's result, checked without being changed; a `Date` passes where a string is declared. */
  response(schema: JsonSchema): ValidateFunction
}

const COMMON: Options = { allErrors: true, verbose: true, strict: false, addUsedSchema: false }

type Purpose = 'params' | 'body' | 'response'

const PURPOSES: Record<Purpose, Options> = {
  params: { ...COMMON, coerceTypes: 'array', useDefaults: true, removeAdditional: true },
  body: { ...COMMON, coerceTypes: false, useDefaults: true, removeAdditional: true },
  response: { ...COMMON, coerceTypes: false, useDefaults: false, removeAdditional: false },
}

/**
 * Creates the app's validators and keeps them in step with its shared (`$id`) schemas.
 *
 * Ajv's `ownProperties` keeps a field named `constructor` or `toString` from being read off
 * `Object.prototype` when it is absent, but makes every validation about ten times slower. It is used
 * only for bodies and responses whose schemas name such a field; picked parameters never inherit one.
 */
export function createValidators(registry: SchemaRegistry): Validators {
  const instances = new Map<string, Ajv>()
  const instance = (purpose: Purpose, ownProperties: boolean): Ajv => {
    const key = `${purpose}:${ownProperties}`
    let ajv = instances.get(key)
    if (ajv === undefined) {
      ajv = createAjv(purpose, ownProperties, registry)
      instances.set(key, ajv)
    }
    return ajv
  }
  const compile = (purpose: Purpose, schema: JsonSchema, safe: boolean) =>
    instance(purpose, safe).compile(schema)
  return {
    params: (schema) => compile('params', schema, false),
    body: (schema) => compile('body', schema, namesPrototypeKeys(schema, registry)),
    response: (schema) => compile('response', schema, namesPrototypeKeys(schema, registry)),
  }
}

function createAjv(purpose: Purpose, ownProperties: boolean, registry: SchemaRegistry): Ajv {
  const ajv = withFormats(new Ajv({ ...PURPOSES[purpose], ownProperties }))
  if (purpose === 'response') {
    // Inlined into the compiled validator (a `code` keyword): a function keyword costs a call per string.
    ajv.addKeyword({
      keyword: STRING_OR_DATE,
      schemaType: 'boolean',
      code(cxt: KeywordCxt) {
        cxt.fail(_`typeof ${cxt.data} !== "string" && !(${cxt.data} instanceof Date)`)
      },
      error: { message: 'must be string', params: _`{type: "string"}` },
    })
  }
  registry.subscribe((id, schema) => {
    if (purpose === 'response') {
      ajv.addSchema({ ...toResponseValidationSchema(schema), $id: id }, id)
      return
    }
    // Each shared schema twice: stripping undeclared fields, and loose for use inside unions.
    ajv.addSchema({ ...toRequestValidationSchema(schema), $id: id }, id)
    ajv.addSchema({ ...toLooseRequestValidationSchema(schema), $id: looseId(id) }, looseId(id))
  })
  return ajv
}

/** True when the schema, or a shared schema it references, names a field `Object.prototype` has too. */
function namesPrototypeKeys(node: JsonSchema, registry: SchemaRegistry, seen = new Set<string>()): boolean {
  const properties = node.properties
  if (
    typeof properties === 'object' &&
    properties !== null &&
    Object.keys(properties).some((name) => name in Object.prototype)
  ) {
    return true
  }
  if (
    Array.isArray(node.required) &&
    node.required.some((name) => typeof name === 'string' && name in Object.prototype)
  ) {
    return true
  }
  const ref = node.$ref
  if (typeof ref === 'string' && !seen.has(ref)) {
    seen.add(ref)
    const shared = registry.schemas.get(sharedIdOf(ref))
    if (shared !== undefined && namesPrototypeKeys(shared, registry, seen)) return true
  }
  for (const [child] of subschemas(node)) if (namesPrototypeKeys(child, registry, seen)) return true
  return false
}

function withFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv)
  return ajv
}
