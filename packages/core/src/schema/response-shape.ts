/**
 * @module
 * FastAPI's `response_model_exclude_unset`, `_exclude_none` and `_exclude_defaults`, per route, at every
 * depth (as Pydantic dumps nested models). Both halves are built once, when the route is analyzed:
 *
 * - the serializer's schema: fast-json-stringify writes a property's `default` when the value lacks it (which
 *   is FastAPI's default: the response model fills defaults), and refuses a missing `required` property. So
 *   the defaults go (`excludeUnset`, `excludeDefaults`; `null` ones for `excludeNone`), and so does `required`
 *   for every property that may now be left out. Shared (`$id`) schemas are copied under `$defs` with the same
 *   changes, so the shaping reaches into them too.
 * - a shaper, for `excludeNone` and `excludeDefaults`: a copy of the handler's value (never changed in place:
 *   it may be a stored object) without the `null` fields or the fields equal to their default. As in
 *   Pydantic, fields of objects are left out, not the items of a list or the entries of a record.
 */
import { isDeepStrictEqual } from 'node:util'
import type { JsonSchema } from './json-schema.ts'
import { toSerializerSchema } from './response-schemas.ts'
import { mapSubschemas } from './walk.ts'

/** What a route leaves out of its responses. */
export interface ResponseShaping {
  /** Fields the handler did not set (absent or `undefined`): no default is written for them. */
  readonly excludeUnset: boolean
  /** Fields whose value is `null`. */
  readonly excludeNone: boolean
  /** Fields whose value equals their schema's `default` (missing fields too: their default is not written). */
  readonly excludeDefaults: boolean
}

/** Turns a handler's value into the value to serialize. */
export type Shaper = (value: unknown) => unknown

/** What building reads besides the schema: shared schemas by id, and a compiled check for a union's branch. */
export interface ShapeContext {
  readonly shared: (id: string) => JsonSchema | undefined
  readonly validator: (schema: JsonSchema) => (value: unknown) => boolean
}

/** True when the route shapes its responses at all. */
export function shapes(shaping: ResponseShaping): boolean {
  return shaping.excludeUnset || shaping.excludeNone || shaping.excludeDefaults
}

/**
 * The serializer's schema of a response that is shaped (see above): for the shaping options, defaults and
 * `required` entries dropped where fields may be left out, at every depth and in the shared schemas it
 * references (copied under `$defs`, with each `$ref` pointing there).
 */
export function toShapedSerializerSchema(
  schema: JsonSchema,
  shaping: ResponseShaping,
  shared: (id: string) => JsonSchema | undefined,
): JsonSchema {
  const defs: Record<string, JsonSchema> = {}
  const visit = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const target = shared(ref)
      if (target === undefined) return node
      if (!(ref in defs)) {
        defs[ref] = {}
        // A copy, not the shared schema: without its `$id`, which Fastify has registered already.
        const { $id: _id, ...copy } = visit(target)
        defs[ref] = copy
      }
      return { ...node, $ref: `#/$defs/${ref.replaceAll('~', '~0').replaceAll('/', '~1')}` }
    }
    const copy = mapSubschemas(node, visit)
    const properties = node.properties as Record<string, JsonSchema> | undefined
    if (Array.isArray(copy.required) && typeof properties === 'object' && properties !== null) {
      copy.required = copy.required.filter(
        (name) => !mayLeaveOut(properties[name as string], shaping, shared),
      )
    }
    if (shaping.excludeUnset || shaping.excludeDefaults || (shaping.excludeNone && copy.default === null)) {
      delete copy.default
    }
    return copy
  }
  const root = visit(schema)
  return toSerializerSchema(Object.keys(defs).length === 0 ? root : { ...root, $defs: defs })
}

/** True when a property with this schema may be left out of a shaped response. */
function mayLeaveOut(
  schema: JsonSchema | undefined,
  shaping: ResponseShaping,
  shared: (id: string) => JsonSchema | undefined,
): boolean {
  if (schema === undefined) return false
  if ((shaping.excludeUnset || shaping.excludeDefaults) && 'default' in schema) return true
  return shaping.excludeNone && admitsNull(schema, shared)
}

function admitsNull(schema: JsonSchema, shared: (id: string) => JsonSchema | undefined): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true
  if (schema.const === null || (Array.isArray(schema.enum) && schema.enum.includes(null))) return true
  const branches = schema.anyOf ?? schema.oneOf
  if (Array.isArray(branches)) return branches.some((branch) => admitsNull(branch as JsonSchema, shared))
  if (typeof schema.$ref === 'string' && !schema.$ref.startsWith('#')) {
    const target = shared(schema.$ref)
    return target !== undefined && admitsNull(target, shared)
  }
  return Object.keys(schema).every((key) => !['type', 'const', 'enum', 'allOf', 'not'].includes(key))
}

/**
 * The shaper of a response schema, or `undefined` when the value goes out as it is (`excludeUnset` alone,
 * or a schema with no field to leave out).
 */
export function responseShaper(
  schema: JsonSchema,
  shaping: ResponseShaping,
  context: ShapeContext,
): Shaper | undefined {
  if (!shaping.excludeNone && !shaping.excludeDefaults) return undefined
  return new ShaperBuilder(shaping, context).build(schema)
}

const NO_DEFAULT = Symbol('no default')

interface FieldShape {
  readonly name: string
  readonly shape: Shaper | undefined
  /** The value that leaves the field out (its default), or {@link NO_DEFAULT}. */
  readonly omitted: unknown
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

class ShaperBuilder {
  readonly #shaping: ResponseShaping
  readonly #context: ShapeContext
  /** Shared schemas' shapers, by id: recursive schemas call their own shaper through here. */
  readonly #shared = new Map<string, Shaper | undefined>()

  constructor(shaping: ResponseShaping, context: ShapeContext) {
    this.#shaping = shaping
    this.#context = context
  }

  build(node: JsonSchema): Shaper | undefined {
    if (typeof node.$ref === 'string') return this.#ref(node.$ref)
    const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined
    if (Array.isArray(branches)) return this.#union(branches)
    if (Array.isArray(node.allOf)) return this.#object(mergeObjects(node.allOf as JsonSchema[]))
    if (typeof node.properties === 'object' || typeof node.patternProperties === 'object') {
      return this.#object(node)
    }
    if (typeof node.additionalProperties === 'object') return this.#object(node)
    if (typeof node.items === 'object' && node.items !== null && !Array.isArray(node.items)) {
      const item = this.build(node.items as JsonSchema)
      return item && ((value) => (Array.isArray(value) ? value.map(item) : value))
    }
    return undefined
  }

  #ref(id: string): Shaper | undefined {
    if (this.#shared.has(id)) {
      // Being built (a recursive schema): call it once it is.
      return (value) => (this.#shared.get(id) ?? identity)(value)
    }
    const target = this.#context.shared(id)
    if (target === undefined) return undefined
    this.#shared.set(id, undefined)
    const shaper = this.build(target)
    this.#shared.set(id, shaper)
    return shaper
  }

  #union(branches: readonly JsonSchema[]): Shaper | undefined {
    const others = branches.filter((branch) => branch.type !== 'null')
    if (others.length === 1) {
      const shape = this.build(others[0] as JsonSchema)
      return shape && ((value) => (value === null ? value : shape(value)))
    }
    // As fast-json-stringify does: the first branch the value is valid for.
    const shaped = others.map((branch) => [this.#context.validator(branch), this.build(branch)] as const)
    if (shaped.every(([, shape]) => shape === undefined)) return undefined
    return (value) => {
      for (const [valid, shape] of shaped) if (valid(value)) return shape ? shape(value) : value
      return value
    }
  }

  #object(node: JsonSchema): Shaper {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>
    const fields: FieldShape[] = Object.entries(properties).map(([name, schema]) => ({
      name,
      shape: this.build(schema),
      omitted: this.#shaping.excludeDefaults && 'default' in schema ? schema.default : NO_DEFAULT,
    }))
    const declared = new Set(Object.keys(properties))
    const patterns = Object.entries((node.patternProperties ?? {}) as Record<string, JsonSchema>).map(
      ([pattern, schema]) => [new RegExp(pattern, 'u'), this.build(schema)] as const,
    )
    const additional = node.additionalProperties
    const keepsOthers = patterns.length > 0 || additional === true || typeof additional === 'object'
    const other =
      typeof additional === 'object' && additional !== null ? this.build(additional as JsonSchema) : undefined
    const excludeNone = this.#shaping.excludeNone
    return (value) => {
      if (!isPlainObject(value)) return value
      const out: Record<string, unknown> = {}
      for (const { name, shape, omitted } of fields) {
        const field = value[name]
        if (field === undefined || (excludeNone && field === null)) continue
        if (omitted !== NO_DEFAULT && isDeepStrictEqual(field, omitted)) continue
        out[name] = shape === undefined ? field : shape(field)
      }
      if (!keepsOthers) return out
      // A record's entries are kept (Pydantic leaves dictionary entries alone), their values shaped.
      for (const key of Object.keys(value)) {
        if (declared.has(key)) continue
        const pattern = patterns.find(([regex]) => regex.test(key))
        const shape = pattern === undefined ? other : pattern[1]
        out[key] = shape === undefined ? value[key] : shape(value[key])
      }
      return out
    }
  }
}

const identity: Shaper = (value) => value

/** An intersection of objects as one object: the properties of every branch. */
function mergeObjects(branches: readonly JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const branch of branches) Object.assign(properties, branch.properties ?? {})
  return { type: 'object', properties }
}
