/**
 * Type tests: `nullable(schema)` (FastAPI's `X | None = None`) is typed `T | null` wherever it is read: never
 * `undefined`, since the default is filled in. Over HTTP: `runtime/inputs-nullable.test.ts`.
 */
import { describe, expectTypeOf, test } from 'vitest'
import { createApp, nullable, type Static, t } from '../index.ts'

describe('nullable', () => {
  test('a parameter is T | null, required in the handler (no undefined)', () => {
    createApp().get(
      '/items',
      {
        query: { q: nullable(t.String()), limit: nullable(t.Integer(), { description: 'Page size' }) },
        headers: { x_trace: nullable(t.String()) },
      },
      ({ query, headers }) => {
        expectTypeOf(query).toEqualTypeOf<{ q: string | null; limit: number | null }>()
        expectTypeOf(headers.x_trace).toEqualTypeOf<string | null>()
        return { q: query.q }
      },
    )
  })

  test('a body field is T | null', () => {
    const Item = t.Object({ name: t.String(), tax: nullable(t.Number()) })
    expectTypeOf<Static<typeof Item>>().toEqualTypeOf<{ name: string; tax: number | null }>()
    createApp().post('/items', { body: Item }, ({ body }) => {
      expectTypeOf(body.tax).toEqualTypeOf<number | null>()
    })
  })

  test('the schema carries the default and the options', () => {
    const schema = nullable(t.Boolean(), { description: 'Exact match' })
    expectTypeOf(schema.anyOf).toEqualTypeOf<[ReturnType<typeof t.Boolean>, ReturnType<typeof t.Null>]>()
    // @ts-expect-error: a schema only
    nullable('x')
  })
})
