/**
 * @module
 * The one schema walker. JSON Schema keywords hold sub-schemas in three shapes: one schema (`not`), a map
 * from names to schemas (`properties`) or a list of schemas (`anyOf`); `items` is one schema or, in a
 * tuple (draft 7, as TypeBox writes `t.Tuple`), a list. Every other keyword holds data (`const`,
 * `default`, `required`, `x-*` extensions), which is never read as a schema. Boolean schemas (`true`,
 * `false`) are kept as they are and never visited.
 */
import type { JsonSchema } from './json-schema.ts'

/** Keywords whose value is one sub-schema. */
export const SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalItems',
  'additionalProperties',
  'contains',
  'contentSchema',
  'else',
  'if',
  'items',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
])

/**
 * Keywords whose value maps names to sub-schemas. In draft 7's `dependencies` an entry may also be a list
 * of property names: data, kept as it is.
 */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  '$defs',
  'definitions',
  'dependencies',
  'dependentSchemas',
  'patternProperties',
  'properties',
])

/** Keywords whose value is a list of sub-schemas (`items` in its tuple form). */
export const SCHEMA_ARRAY_KEYWORDS: ReadonlySet<string> = new Set([
  'allOf',
  'anyOf',
  'items',
  'oneOf',
  'prefixItems',
])

/** Called with a sub-schema and the keyword that holds it (for a map entry, the map's keyword). */
export type SubschemaFn<T> = (schema: JsonSchema, keyword: string) => T

/** True for a keyword that holds sub-schemas (in any of the three shapes). */
export function isSchemaKeyword(keyword: string): boolean {
  return (
    SCHEMA_KEYWORDS.has(keyword) || SCHEMA_MAP_KEYWORDS.has(keyword) || SCHEMA_ARRAY_KEYWORDS.has(keyword)
  )
}

/**
 * The value of `keyword` with each sub-schema it holds replaced by `fn(schema, keyword)`; anything else
 * (data, a boolean schema, a value of the wrong shape) is returned as it is.
 */
export function mapKeyword(keyword: string, value: unknown, fn: SubschemaFn<unknown>): unknown {
  switch (shapeOf(keyword, value)) {
    case 'schema':
      return fn(value as JsonSchema, keyword)
    case 'array':
      return (value as unknown[]).map((item) => (isSchemaObject(item) ? fn(item, keyword) : item))
    case 'map': {
      const map: JsonSchema = {}
      for (const [name, entry] of Object.entries(value as JsonSchema))
        map[name] = isSchemaObject(entry) ? fn(entry, keyword) : entry
      return map
    }
  }
  return value
}

/**
 * A shallow copy of `node` (own string keys, in order: TypeBox's symbol keys are dropped) in which every
 * direct sub-schema is replaced by `fn(schema, keyword)`. Data values are shared, not copied.
 */
export function mapSubschemas(node: JsonSchema, fn: SubschemaFn<JsonSchema>): JsonSchema {
  const copy: JsonSchema = {}
  for (const key of Object.keys(node)) copy[key] = mapKeyword(key, node[key], fn)
  return copy
}

/** The direct sub-schemas of `node`, each with the keyword that holds it, in key order. */
export function* subschemas(node: JsonSchema): Generator<[schema: JsonSchema, keyword: string]> {
  for (const keyword of Object.keys(node)) {
    const value = node[keyword]
    switch (shapeOf(keyword, value)) {
      case 'schema':
        yield [value as JsonSchema, keyword]
        break
      case 'array':
      case 'map':
        for (const item of Object.values(value as object)) if (isSchemaObject(item)) yield [item, keyword]
        break
    }
  }
}

/**
 * Copies a schema into plain JSON, calling `visit` on every sub-schema bottom-up (the root last); `visit`
 * may return a replacement (used to hoist `$id` schemas and to adapt schemas for the serializer).
 */
export function mapSchema(schema: unknown, visit: (node: JsonSchema) => JsonSchema): JsonSchema {
  return visit(mapSubschemas(schema as JsonSchema, (child) => mapSchema(child, visit)))
}

/** How `value` holds sub-schemas under `keyword`; `undefined` when it holds none. */
function shapeOf(keyword: string, value: unknown): 'schema' | 'map' | 'array' | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) return SCHEMA_ARRAY_KEYWORDS.has(keyword) ? 'array' : undefined
  if (SCHEMA_MAP_KEYWORDS.has(keyword)) return 'map'
  return SCHEMA_KEYWORDS.has(keyword) ? 'schema' : undefined
}

/** A schema object, as opposed to a boolean schema or data. */
function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
