/**
 * @module
 * Request parameter parts (`path`, `query`, `headers`, `cookies`) may be written as a TypeBox object or as a
 * plain record of schemas; both become one object schema here.
 */
import { type TObject, type TProperties, Type } from '@sinclair/typebox'
import { InvalidPartError } from '../http/fastbox-errors.ts'
import { isSchema, type JsonSchema } from './json-schema.ts'

/** A parameter part as a route or dependency declares it. */
export type ParamsSpec = TObject | TProperties

/** The object schema of a parameter part: `{ type: 'object', properties, required? }`. */
export function toObjectSchema(part: string, spec: ParamsSpec): JsonSchema {
  const schema = (isSchema(spec) ? spec : Type.Object(spec)) as JsonSchema
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    throw new InvalidPartError(part)
  }
  // A part is expanded into one parameter per property (as FastAPI does with parameter models), never
  // shared as a whole: its own `$id` would make it a `$ref` with no properties to read.
  if (schema.$id === undefined) return schema
  const { $id: _id, ...unshared } = schema
  return unshared
}
