/**
 * @module
 * Schema for request validation. As in FastAPI, fields an object does not declare are dropped (never
 * reaching a handler that spreads the body into a database call), and they are an `extra_forbidden` error
 * only where the schema says so (`additionalProperties: false`). Numbers must be finite (integers safe), and
 * a lax body's objects and arrays say which of their values Pydantic's lax mode converts.
 */
import type { JsonSchema } from './json-schema.ts'
import { type ScalarKind, scalarKinds } from './scalar-kinds.ts'
import { mapSubschemas } from './walk.ts'

/** Marks a rewritten `additionalProperties: false`, so its errors read `extra_forbidden`. */
export const EXTRA_FORBIDDEN = 'x-fastbox-extra-forbidden'

/**
 * On every `number` or `integer` schema: the value must be finite (`'number'`), and an integer must also be
 * safe (`'integer'`), so `1e400` or `9007199254740993` is an error rather than `Infinity` or a rounded id.
 * Checked after Ajv's type check and coercion, so a parameter's text coerced to `Infinity` is caught too.
 */
export const NUMBER_CHECK = 'x-fastbox-number'

/**
 * On an object or array of a lax body: the values to convert before they are validated (see
 * `validation/lax.ts`), by declared property, by `patternProperties` pattern, for other properties, or for
 * the items of an array.
 */
export const LAX_VALUES = 'x-fastbox-lax'

/** The value of {@link LAX_VALUES}. */
export interface LaxValues {
  readonly properties?: Readonly<Record<string, readonly ScalarKind[]>>
  readonly patterns?: readonly (readonly [pattern: string, kinds: readonly ScalarKind[]])[]
  readonly additional?: readonly ScalarKind[]
  readonly items?: readonly ScalarKind[]
}

/**
 * How request values arrive: `'text'` for parameters and form fields (converted from text before
 * validation), `'lax'` for a JSON body in Pydantic's lax mode, `'strict'` for a JSON body taken as it is.
 */
export type RequestMode = 'text' | 'lax' | 'strict'

/** Keywords whose sub-schemas are tried, not simply applied: Ajv would strip fields of a failing try. */
const UNION_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else'])

/**
 * Adapts a (hoisted) schema for Ajv with `removeAdditional: true`: objects that say nothing about extra
 * fields get `additionalProperties: false` (so Ajv drops extras), and an explicit `false` becomes a schema
 * that fails (so Ajv reports them). Inside unions and intersections objects are left alone: Ajv would strip
 * fields there while trying a branch that then fails. A nullable union (`X | null`) is no union here: only
 * `X` can match an object or an array. For `'text'`, `null` branches and `null` defaults are removed (text is
 * never `null`; a `null` default is filled in after validation, see `nullDefaults`), so Ajv never coerces
 * `""`, `0` or `false` to `null`, nor a `null` default to `0`.
 */
export function toRequestValidationSchema(schema: JsonSchema, mode: RequestMode = 'strict'): JsonSchema {
  return adapt(mode === 'text' ? withoutNulls(schema) : schema, mode, false)
}

/**
 * The object Ajv validates a request's parts in, `{ [part]: schema }` (each part adapted as above), so errors
 * are located by part. The holder itself is never stripped; a lax part that is a scalar (`body: t.Number()`)
 * is converted through it.
 */
export function toHolderSchema(parts: Readonly<Record<string, JsonSchema>>, mode: RequestMode): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const lax: Record<string, readonly ScalarKind[]> = {}
  for (const [name, schema] of Object.entries(parts)) {
    properties[name] = toRequestValidationSchema(schema, mode)
    const kinds = mode === 'lax' ? scalarKinds(schema) : undefined
    if (kinds !== undefined) lax[name] = kinds
  }
  const holder: JsonSchema = { type: 'object', properties }
  if (Object.keys(lax).length > 0) holder[LAX_VALUES] = { properties: lax } satisfies LaxValues
  return holder
}

/** The same, as seen from inside a union: explicit `false` still reported, nothing stripped or converted. */
export function toLooseRequestValidationSchema(schema: JsonSchema, mode: RequestMode = 'strict'): JsonSchema {
  return adapt(mode === 'text' ? withoutNulls(schema) : schema, mode, true)
}

/**
 * The id of a shared schema's loose twin. Inside a union, `{ $ref: 'Item' }` points to it, so a branch
 * that is tried and fails cannot strip fields from data another branch then accepts.
 */
export function looseId(id: string): string {
  return LOOSE_PREFIX + id
}

/** The id of the shared schema a `$ref` names, the loose twin's reference included. */
export function sharedIdOf(ref: string): string {
  return ref.startsWith(LOOSE_PREFIX) ? ref.slice(LOOSE_PREFIX.length) : ref
}

const LOOSE_PREFIX = 'fastbox-loose:'

/** The properties of an object schema whose default is `null`: filled in after a parameter part is validated. */
export function nullDefaults(schema: JsonSchema): string[] {
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  if (properties === undefined) return []
  return Object.keys(properties).filter((name) => isNullDefault(properties[name]))
}

function adapt(node: JsonSchema, mode: RequestMode, inUnion: boolean): JsonSchema {
  const nullable = isNullableUnion(node)
  const copy = mapSubschemas(node, (child, keyword) =>
    adapt(
      child,
      mode,
      inUnion || (UNION_KEYWORDS.has(keyword) && !(nullable && NULLABLE_KEYWORDS.has(keyword))),
    ),
  )
  if (inUnion && typeof copy.$ref === 'string' && !copy.$ref.startsWith('#')) copy.$ref = looseId(copy.$ref)
  if (copy.additionalProperties === false) copy.additionalProperties = { not: {}, [EXTRA_FORBIDDEN]: true }
  else if (!inUnion && isPlainObjectSchema(copy)) copy.additionalProperties = false
  const numeric = numericType(copy)
  if (numeric !== undefined) copy[NUMBER_CHECK] = numeric
  if (mode === 'lax' && !inUnion) {
    const lax = laxValues(node)
    if (lax !== undefined) copy[LAX_VALUES] = lax
  }
  return copy
}

const NULLABLE_KEYWORDS = new Set(['anyOf', 'oneOf'])

/** `anyOf`/`oneOf` of one schema and `null`s (`t.Union([X, t.Null()])`): the `null` branch matches `null` only. */
function isNullableUnion(node: JsonSchema): boolean {
  const branches = node.anyOf ?? node.oneOf
  if (!Array.isArray(branches) || branches.length < 2) return false
  return branches.filter((branch) => !isNullSchema(branch)).length === 1
}

function isNullSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as JsonSchema).type === 'null'
}

function isNullDefault(schema: JsonSchema | undefined): boolean {
  return typeof schema === 'object' && schema !== null && 'default' in schema && schema.default === null
}

/** `'integer'` or `'number'` for a schema of a numeric type (alone or in a type list), else `undefined`. */
function numericType(node: JsonSchema): 'integer' | 'number' | undefined {
  const types = Array.isArray(node.type) ? node.type : [node.type]
  if (types.includes('number')) return 'number'
  return types.includes('integer') ? 'integer' : undefined
}

/** What Pydantic's lax mode converts among the values of an object or array schema. */
function laxValues(node: JsonSchema): LaxValues | undefined {
  const result: { -readonly [K in keyof LaxValues]: LaxValues[K] } = {}
  const properties = node.properties as Record<string, JsonSchema> | undefined
  if (typeof properties === 'object' && properties !== null) {
    const converted: Record<string, readonly ScalarKind[]> = {}
    for (const [name, property] of Object.entries(properties)) {
      const kinds = scalarKinds(property)
      if (kinds !== undefined) converted[name] = kinds
    }
    if (Object.keys(converted).length > 0) result.properties = converted
  }
  const patterns = node.patternProperties as Record<string, JsonSchema> | undefined
  if (typeof patterns === 'object' && patterns !== null) {
    const converted: [string, readonly ScalarKind[]][] = []
    for (const [pattern, schema] of Object.entries(patterns)) {
      const kinds = scalarKinds(schema)
      if (kinds !== undefined) converted.push([pattern, kinds])
    }
    if (converted.length > 0) result.patterns = converted
  }
  const additional = scalarKinds(node.additionalProperties as JsonSchema | undefined)
  if (additional !== undefined) result.additional = additional
  const items = Array.isArray(node.items) ? undefined : scalarKinds(node.items as JsonSchema | undefined)
  if (items !== undefined) result.items = items
  return Object.keys(result).length > 0 ? result : undefined
}

/**
 * Text is never `null`: `null` branches and `null` types go (a union left with one branch keeps it), and so do
 * `null` defaults, with their properties no longer `required` (they are filled in after validation).
 */
function withoutNulls(node: JsonSchema): JsonSchema {
  const copy = mapSubschemas(node, withoutNulls)
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = copy[keyword]
    if (Array.isArray(branches) && branches.some(isNullSchema) && !branches.every(isNullSchema)) {
      copy[keyword] = branches.filter((branch) => !isNullSchema(branch))
    }
  }
  if (Array.isArray(copy.type) && copy.type.includes('null') && copy.type.length > 1) {
    copy.type = copy.type.filter((type) => type !== 'null')
  }
  if (copy.default === null) delete copy.default
  const nulls = nullDefaults(node)
  if (nulls.length > 0 && Array.isArray(copy.required)) {
    copy.required = copy.required.filter((name) => !nulls.includes(name as string))
  }
  return copy
}

function isPlainObjectSchema(node: JsonSchema): boolean {
  return (
    node.type === 'object' &&
    typeof node.properties === 'object' &&
    !('additionalProperties' in node) &&
    !('patternProperties' in node) &&
    !('unevaluatedProperties' in node)
  )
}
