/**
 * @module
 * A JSON body is declared as one schema (the whole body), or as a record of named parts
 * (`{ item: Item, user: User, importance: t.Integer() }`): FastAPI's several body parameters and
 * `Body(embed=True)`. A body of parts is one JSON object keyed by part name, each part validated by its own
 * schema; a shared part (`$id`) stays its own component.
 */
import { type TProperties, type TSchema, Type } from '@sinclair/typebox'
import { isSchema, type JsonSchema } from './json-schema.ts'

/** A body of named parts: `{ item: Item, importance: t.Integer() }`; `t.Optional(part)` may be left out. */
export type BodyPartsSpec = TProperties

/** A route's `body`: one schema, or named parts. */
export type BodySpec = TSchema | BodyPartsSpec

/** True when the body is declared as named parts rather than as one schema. */
export function isBodyParts(body: BodySpec): body is BodyPartsSpec {
  return !isSchema(body)
}

/** The object schema of a body of parts (not yet hoisted): a part that is not a schema gives its name. */
export function toBodyPartsSchema(parts: BodyPartsSpec): JsonSchema | string {
  for (const [name, part] of Object.entries(parts)) if (!isSchema(part)) return name
  return Type.Object(parts) as unknown as JsonSchema
}

/**
 * The parts the request body must hold: those required and without a `default` (a part with one is filled
 * in, as FastAPI's `Body(default=...)`).
 */
export function requiredParts(schema: JsonSchema): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = (schema.required ?? []) as string[]
  return required.filter((name) => !('default' in (properties[name] ?? {})))
}
