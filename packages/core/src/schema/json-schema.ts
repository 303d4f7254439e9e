/**
 * @module
 * Plain JSON Schema values as Fastbox handles them after registration: TypeBox schemas copied into
 * plain objects (TypeBox's symbol keys dropped), ready for Ajv, fast-json-stringify and OpenAPI. They are
 * walked by `walk.ts`.
 */
import { Kind, type TSchema } from '@sinclair/typebox'

/** A JSON Schema as a plain object. */
export type JsonSchema = { [keyword: string]: unknown }

/** True for a TypeBox schema or a JSON Schema object (as opposed to a plain record of schemas). */
export function isSchema(value: unknown): value is TSchema {
  if (typeof value !== 'object' || value === null) return false
  return Kind in value || typeof (value as JsonSchema).type === 'string' || '$ref' in value
}
