/**
 * @module
 * The Ajv instances of an app. Request parameters arrive as strings and are coerced; a JSON body already has
 * types and is converted only as Pydantic's lax mode does (`"50.5"` for a number, never `null` to `0`), or
 * not at all in strict mode; responses are checked without being changed. All report every error
 * (`allErrors`), which the 422 body then caps (a request's arrays stop being walked at the cap: see
 * `bounded-items.ts`), and none lets a number that is not finite through.
 */
import { _, Ajv, type Code, type KeywordCxt, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { SchemaRegistry } from '../schema/registry.ts'
import {
  LAX_VALUES,
  type LaxValues,
  looseId,
  NUMBER_CHECK,
  type RequestMode,
  sharedIdOf,
  toLooseRequestValidationSchema,
  toRequestValidationSchema,
} from '../schema/request-schemas.ts'
import { STRING_OR_DATE, toResponseValidationSchema } from '../schema/response-schemas.ts'
import type { ScalarKind } from '../schema/scalar-kinds.ts'
import { subschemas } from '../schema/walk.ts'
import { boundArrayErrors } from './bounded-items.ts'
import { type Converter, laxConverter } from './lax.ts'
import { withWriteOnly } from './write-only.ts'

/** Compiles a route's validators; each picks the app's Ajv instance its schema needs. */
export interface Validators {
  /** The holder `{ path, query, header, cookie }` of picked (own-key) parameters: coerced from strings. */
  params(schema: JsonSchema): ValidateFunction
  /**
   * The holder `{ body }`: JSON types, converted as Pydantic's lax mode does when `lax` (the schema adapted
   * with the same mode), taken as they are otherwise; undeclared fields dropped.
   */
  body(schema: JsonSchema, lax: boolean): ValidateFunction
  /** A handler's result, checked without being changed; a `Date` passes where a string is declared. */
  response(schema: JsonSchema): ValidateFunction
}

/**
 * `strict: false` lets TypeBox's and users' annotation keywords through, and turns `strictNumbers` off with
 * the rest: request schemas check finiteness themselves ({@link NUMBER_CHECK}, after coercion, once per
 * value), responses turn it back on.
 */
const COMMON: Options = { allErrors: true, verbose: true, strict: false, addUsedSchema: false }

type Purpose = 'params' | 'lax' | 'strict' | 'response'

const PURPOSES: Record<Purpose, Options> = {
  params: { ...COMMON, coerceTypes: 'array', useDefaults: true, removeAdditional: true },
  lax: { ...COMMON, coerceTypes: false, useDefaults: true, removeAdditional: true },
  strict: { ...COMMON, coerceTypes: false, useDefaults: true, removeAdditional: true },
  response: {
    ...COMMON,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    strictNumbers: true,
  },
}

/** The request mode each request purpose's schemas are adapted with. */
const MODES: Record<Exclude<Purpose, 'response'>, RequestMode> = {
  params: 'text',
  lax: 'lax',
  strict: 'strict',
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
  const resolve = (ref: string) => registry.schemas.get(sharedIdOf(ref))
  return {
    params: (schema) => withWriteOnly(compile('params', schema, false), schema, resolve),
    body: (schema, lax) =>
      withWriteOnly(
        compile(lax ? 'lax' : 'strict', schema, namesPrototypeKeys(schema, registry)),
        schema,
        resolve,
      ),
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
  if (purpose !== 'response') {
    addRequestKeywords(ajv)
    boundArrayErrors(ajv)
  }
  registry.subscribe((id, schema) => {
    if (purpose === 'response') {
      ajv.addSchema({ ...toResponseValidationSchema(schema), $id: id }, id)
      return
    }
    // Each shared schema twice: stripping undeclared fields, and loose for use inside unions.
    const mode = MODES[purpose]
    ajv.addSchema({ ...toRequestValidationSchema(schema, mode), $id: id }, id)
    ajv.addSchema({ ...toLooseRequestValidationSchema(schema, mode), $id: looseId(id) }, looseId(id))
  })
  return ajv
}

/**
 * The request schemas' own keywords (see `schema/request-schemas.ts`). Both are untyped, so Ajv runs them
 * after the schema's type check and coercion and before the keywords of its type (`properties`, `items`):
 * {@link NUMBER_CHECK} sees a coerced value, {@link LAX_VALUES} converts values before they are validated.
 */
function addRequestKeywords(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: NUMBER_CHECK,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const data = cxt.data
      cxt.fail(
        cxt.schema === 'integer'
          ? _`typeof ${data} == "number" && (!isFinite(${data}) || (${data} % 1 === 0 && !Number.isSafeInteger(${data})))`
          : _`typeof ${data} == "number" && !isFinite(${data})`,
      )
    },
    error: { message: 'must be a finite number (a safe integer)' },
  })
  ajv.addKeyword({
    keyword: LAX_VALUES,
    schemaType: 'object',
    code(cxt: KeywordCxt) {
      const { gen, data } = cxt
      const values = cxt.schema as LaxValues
      // Declared properties inline: on the usual path (a value of the right JSON type) only its `typeof` runs.
      const properties = Object.entries(values.properties ?? {})
      if (properties.length > 0) {
        gen.if(_`${data} && typeof ${data} == "object" && !Array.isArray(${data})`, () => {
          for (const [name, kinds] of properties) {
            const convert = gen.scopeValue('func', { ref: laxConverter(kinds) })
            const value = gen.const('lax', _`${data}[${name}]`)
            gen.if(
              convertibleTypes(kinds)
                .map((type): Code => _`typeof ${value} == ${type}`)
                .reduce(or),
              () => gen.assign(_`${data}[${name}]`, _`${convert}(${value})`),
            )
          }
        })
      }
      // Items, records: one call that loops.
      const rest = othersConverter(values)
      if (rest !== undefined) gen.code(_`${gen.scopeValue('func', { ref: rest })}(${data})`)
    },
  })
}

const or = (left: Code, right: Code): Code => _`${left} || ${right}`

/** The JSON types a lax conversion to one of `kinds` reads (`"50.5"` and `true` for a number, ...). */
function convertibleTypes(kinds: readonly ScalarKind[]): string[] {
  const types = new Set<string>()
  for (const kind of kinds) {
    if (kind === 'int' || kind === 'float') types.add('string').add('boolean')
    if (kind === 'bool') types.add('string').add('number')
  }
  return [...types]
}

/** Converts, in place, the items of an array or the undeclared entries of a record that a {@link LaxValues} names. */
function othersConverter(values: LaxValues): ((data: unknown) => void) | undefined {
  const patterns = (values.patterns ?? []).map(
    ([pattern, kinds]) => [new RegExp(pattern, 'u'), laxConverter(kinds)] as const,
  )
  const additional = values.additional && laxConverter(values.additional)
  const items = values.items && laxConverter(values.items)
  if (patterns.length === 0 && additional === undefined && items === undefined) return undefined
  const declared = new Set(Object.keys(values.properties ?? {}))
  return (data) => {
    if (typeof data !== 'object' || data === null) return
    if (Array.isArray(data)) {
      if (items !== undefined) for (let index = 0; index < data.length; index++) convertAt(data, index, items)
      return
    }
    const object = data as Record<string, unknown>
    for (const key of Object.keys(object)) {
      if (declared.has(key)) continue
      let matched = false
      for (const [pattern, convert] of patterns) {
        if (!pattern.test(key)) continue
        matched = true
        convertAt(object, key, convert)
      }
      if (!matched && additional !== undefined) convertAt(object, key, additional)
    }
  }
}

/** Replaces `holder[key]` by its conversion, writing only when it changes (an absent or inherited key never is). */
function convertAt(
  holder: Record<string, unknown> | unknown[],
  key: string | number,
  convert: Converter,
): void {
  const value = (holder as Record<string | number, unknown>)[key]
  if (value === undefined) return
  const converted = convert(value)
  if (converted !== value) (holder as Record<string | number, unknown>)[key] = converted
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
