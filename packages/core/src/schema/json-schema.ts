/**
 * @module
 * Plain JSON Schema values as Fastbox handles them after registration: TypeBox schemas copied into
 * plain objects (TypeBox's symbol keys dropped), ready for Ajv, fast-json-stringify and OpenAPI.
 */
import { Kind, type TSchema } from '@sinclair/typebox'

/** A JSON Schema as a plain object. */
export type JsonSchema = { [keyword: string]: unknown }

/** Keywords whose values are data, not schemas: never walked as schemas. */
const DATA_KEYWORDS = new Set(['default', 'examples', 'example', 'const', 'enum'])

/** True for a TypeBox schema or a JSON Schema object (as opposed to a plain record of schemas). */
export function isSchema(value: unknown): value is TSchema {
  if (typeof value !== 'object' || value === null) return false
  return Kind in value || typeof (value as JsonSchema).type === 'string' || '$ref' in value
}

/**
 * Copies a schema into plain JSON, calling `visit` on every sub-schema bottom-up; `visit` may return a
 * replacement (used to hoist `$id` schemas and to adapt schemas for the serializer).
 */
export function mapSchema(schema: unknown, visit: (node: JsonSchema) => JsonSchema): JsonSchema {
  return visit(copyNode(schema as JsonSchema, visit))
}

function copyNode(node: JsonSchema, visit: (node: JsonSchema) => JsonSchema): JsonSchema {
  const copy: JsonSchema = {}
  for (const key of Object.keys(node)) {
    const value = node[key]
    copy[key] = DATA_KEYWORDS.has(key) ? value : copyValue(key, value, visit)
  }
  return copy
}

function copyValue(key: string, value: unknown, visit: (node: JsonSchema) => JsonSchema): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => (isObject(item) ? mapSchema(item, visit) : item))
  }
  if (!isObject(value)) return value
  // Maps from names to schemas: walk each entry as a schema, not the map itself.
  if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') {
    const map: JsonSchema = {}
    // A boolean schema (`true`/`false`) is kept as is: copied as an object it would read as `{}`.
    for (const name of Object.keys(value)) {
      const entry = value[name]
      map[name] = isObject(entry) ? mapSchema(entry, visit) : entry
    }
    return map
  }
  return mapSchema(value, visit)
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null
}
