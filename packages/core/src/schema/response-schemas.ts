/**
 * @module
 * Response schemas are used twice: fast-json-stringify serializes with them (removing undeclared fields)
 * and Ajv validates the handler's value against them first. Both need small adaptations, made once here.
 */
import type { JsonSchema } from './json-schema.ts'
import { mapSchema } from './walk.ts'

/** Keywords that only annotate a schema: a union of branches made of these and `type` is a plain type union. */
const ANNOTATIONS = new Set([
  'type',
  'format',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
])

/**
 * Schema for the serializer: `anyOf` unions of bare types (`t.Union([t.String(), t.Null()])`) become a type
 * array, which fast-json-stringify writes directly; as an `anyOf` it would run Ajv for every value to
 * pick the branch.
 */
export function toSerializerSchema(schema: unknown): JsonSchema {
  return mapSchema(schema, (node) => {
    const branches = node.anyOf
    if (!Array.isArray(branches) || !branches.every(isBareType)) return node
    const types = [...new Set(branches.map((branch: JsonSchema) => branch.type as string))]
    const formats = new Set(branches.map((branch: JsonSchema) => branch.format).filter(Boolean))
    const { anyOf: _anyOf, ...rest } = node
    const merged: JsonSchema = { ...rest, type: types.length === 1 ? types[0] : types }
    if (formats.size === 1) merged.format = [...formats][0]
    return merged
  })
}

/**
 * The response validator's keyword that stands for `type: 'string'`: a string or a `Date`. It reports a
 * failure as a `type` error, so the logged error reads "Input should be a valid string".
 */
export const STRING_OR_DATE = 'x-fastbox-string-or-date'

/**
 * Schema for response validation: a `Date` is accepted wherever a string is, since the serializer writes it
 * as an ISO string (`date-time`, `date` or `time` as the format says); the string keywords (`format`,
 * `minLength`, ...) check strings only. A literal (`const`, `enum`) stays a string. A property with a
 * `default` may be missing: the serializer writes the default, as FastAPI's response model fills it in.
 */
export function toResponseValidationSchema(schema: unknown): JsonSchema {
  return mapSchema(schema, (node) => {
    const properties = node.properties as Record<string, JsonSchema> | undefined
    if (Array.isArray(node.required) && typeof properties === 'object' && properties !== null) {
      const required = node.required.filter((name) => !hasDefault(properties[name as string]))
      if (required.length !== node.required.length) node = { ...node, required }
    }
    if (node.type !== 'string' || 'const' in node || 'enum' in node) return node
    const { type: _type, ...rest } = node
    return { ...rest, [STRING_OR_DATE]: true }
  })
}

function hasDefault(schema: JsonSchema | undefined): boolean {
  return typeof schema === 'object' && schema !== null && 'default' in schema
}

function isBareType(branch: unknown): boolean {
  if (typeof branch !== 'object' || branch === null) return false
  const node = branch as JsonSchema
  return (
    typeof node.type === 'string' &&
    node.type !== 'object' &&
    node.type !== 'array' &&
    Object.keys(node).every((key) => ANNOTATIONS.has(key))
  )
}
