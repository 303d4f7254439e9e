/**
 * @module
 * FastAPI's most common parameter, `q: int | None = None`, as one call.
 */
import { type SchemaOptions, type TNull, type TSchema, type TUnion, Type } from '@sinclair/typebox'

/**
 * `schema` or `null`, defaulting to `null`: FastAPI's `X | None = None`. Left out of a request part (a query
 * or header parameter, a body field), the value is `null`, so a handler that echoes it answers `null` as
 * FastAPI does (where `t.Optional` would leave the key out). Typed `T | null`; text is read as `schema` says
 * (`?limit=5` is `5`, `?limit=` an `int_parsing` error), and `null` only ever comes from the default.
 * For a field that may be `null` but must be sent, write `t.Union([schema, t.Null()])`.
 *
 * @example
 * app.get('/items', { query: { q: nullable(t.String()), limit: nullable(t.Integer({ minimum: 1 })) } },
 *   ({ query }) => ({ q: query.q, limit: query.limit })) // string | null, number | null
 */
export function nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()], { ...options, default: null })
}
