/**
 * @module
 * Schema for request validation. As in FastAPI, fields an object does not declare are dropped (never
 * reaching a handler that spreads the body into a database call), and they are an `extra_forbidden` error
 * only where the schema says so (`additionalProperties: false`).
 */
import type { JsonSchema } from './json-schema.ts'
import { mapSubschemas } from './walk.ts'

/** Marks a rewritten `additionalProperties: false`, so its errors read `extra_forbidden`. */
export const EXTRA_FORBIDDEN = 'x-fastbox-extra-forbidden'

/** Keywords whose sub-schemas are tried, not simply applied: Ajv would strip fields of a failing try. */
const UNION_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else'])

/**
 * Adapts a (hoisted) schema for Ajv with `removeAdditional: true`: objects that say nothing about extra
 * fields get `additionalProperties: false` (so Ajv drops extras), and an explicit `false` becomes a schema
 * that fails (so Ajv reports them). Inside unions and intersections objects are left alone: Ajv would strip
 * fields there while trying a branch that then fails.
 */
export function toRequestValidationSchema(schema: JsonSchema): JsonSchema {
  return adapt(schema, false)
}

/** The same, as seen from inside a union: explicit `false` still reported, nothing stripped. */
export function toLooseRequestValidationSchema(schema: JsonSchema): JsonSchema {
  return adapt(schema, true)
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

function adapt(node: JsonSchema, inUnion: boolean): JsonSchema {
  const copy = mapSubschemas(node, (child, keyword) => adapt(child, inUnion || UNION_KEYWORDS.has(keyword)))
  if (inUnion && typeof copy.$ref === 'string' && !copy.$ref.startsWith('#')) copy.$ref = looseId(copy.$ref)
  if (copy.additionalProperties === false) copy.additionalProperties = { not: {}, [EXTRA_FORBIDDEN]: true }
  else if (!inUnion && isPlainObjectSchema(copy)) copy.additionalProperties = false
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
