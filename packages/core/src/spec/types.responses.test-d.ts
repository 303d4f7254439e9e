/**
 * Type tests: what a handler may return, and `respond(status, body)` for the other declared statuses.
 */
import { describe, expectTypeOf, test } from 'vitest'
import { createApp, date, dateTime, type Output, StatusResponse, t } from '../index.ts'

const Item = t.Object({
  id: t.Integer(),
  name: t.String(),
  created_at: dateTime(),
  tags: t.Array(t.String()),
  owner: t.Optional(t.Object({ name: t.String(), seen_at: dateTime() })),
})
const NotFound = t.Object({ detail: t.String() })
const Conflict = t.Object({ detail: t.String(), existing_id: t.Integer() })

const item = { id: 1, name: 'Foo', created_at: '2024-01-01T00:00:00Z', tags: ['a'] }

describe('return type against the response schema', () => {
  test('a matching value (sync or async)', () => {
    createApp().get('/items/{id}', { response: Item }, () => item)
    createApp().get('/items/{id}', { response: Item }, async () => item)
    createApp().get('/items/{id}', { response: Item }, async () => {
      await Promise.resolve()
      return { ...item, owner: { name: 'Ann', seen_at: '2024-01-01T00:00:00Z' } }
    })
  })

  test('a wrong shape is a type error', () => {
    // @ts-expect-error -- `id` must be a number
    createApp().get('/items/{id}', { response: Item }, () => ({ ...item, id: 'one' }))
    // @ts-expect-error -- `name` is missing
    createApp().get('/items/{id}', { response: Item }, () => ({ id: 1, created_at: '', tags: [] }))
    // @ts-expect-error -- async: `tags` must be an array of strings
    createApp().get('/items/{id}', { response: Item }, async () => ({ ...item, tags: [1] }))
    // @ts-expect-error -- not an object at all
    createApp().get('/items/{id}', { response: Item }, () => 'Foo')
    createApp().get('/count', { response: t.Integer() }, () => 1)
    // @ts-expect-error -- a string for an integer response
    createApp().get('/count', { response: t.Integer() }, () => '1')
  })

  test('extra fields are allowed (filtered out at run time)', () => {
    createApp().get('/items/{id}', { response: Item }, () => ({
      ...item,
      password_hash: 'x',
      internal: true,
    }))
    createApp().get('/items/{id}', { response: Item }, async () => {
      const user = { ...item, secret: 's' }
      return user
    })
  })

  test('a Date where the schema is dateTime() or date(), at any depth', () => {
    createApp().get('/items/{id}', { response: Item }, () => ({ ...item, created_at: new Date() }))
    createApp().get('/items/{id}', { response: Item }, () => ({
      ...item,
      owner: { name: 'Ann', seen_at: new Date() },
    }))
    createApp().get('/now', { response: dateTime() }, () => new Date())
    createApp().get('/today', { response: t.Array(t.Union([date(), t.Null()])) }, () => [
      new Date(),
      null,
      '2024-01-01',
    ])
    expectTypeOf<Output<typeof Item>>().toEqualTypeOf<{
      id: number
      name: string
      created_at: string | Date
      tags: string[]
      owner?: { name: string; seen_at: string | Date }
    }>()
    // String literal types (enums) stay exact.
    const State = t.Union([t.Literal('a'), t.Literal('b')])
    expectTypeOf<Output<typeof State>>().toEqualTypeOf<'a' | 'b'>()
  })

  test('no Date for a plain string, whatever its format: the error names `string`', () => {
    // @ts-expect-error -- `name` is a t.String(): a Date is no string
    createApp().get('/items/{id}', { response: Item }, () => ({ ...item, name: new Date() }))
    // @ts-expect-error -- TypeBox's type does not carry `format`: declare it with dateTime()
    createApp().get('/now', { response: t.String({ format: 'date-time' }) }, () => new Date())
    const Name = t.String({ format: 'date-time' })
    expectTypeOf<Output<typeof Name>>().toEqualTypeOf<string>()
  })

  test('no response schema: anything goes', () => {
    createApp().get('/free', () => ({ anything: [1, 'two'] }))
    createApp().get('/free', () => undefined)
    createApp().get('/free', async () => 'text')
  })

  test('`status` picks the schema the return value is checked against', () => {
    createApp().post('/items', { status: 201, response: Item }, () => item)
    // @ts-expect-error -- checked against Item for status 201
    createApp().post('/items', { status: 201, response: Item }, () => ({ id: 'x' }))
    createApp().post('/items', { status: 201, response: { 201: Item, 409: Conflict } }, () => item)
    // @ts-expect-error -- checked against the 201 schema of the map
    createApp().post('/items', { status: 201, response: { 201: Item, 409: Conflict } }, () => ({
      detail: 'x',
    }))
  })

  test('status 204: the handler returns nothing', () => {
    createApp().delete('/items/{id}', { status: 204 }, () => {})
    createApp().delete('/items/{id}', { status: 204 }, async () => {})
    createApp().delete('/items/{id}', { status: 204 }, () => undefined)
    createApp().delete('/items/{id}', { status: 204 }, ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ id: string }>()
      if (path.id === '') return
    })
    // @ts-expect-error -- a 204 has no body
    createApp().delete('/items/{id}', { status: 204 }, () => ({ deleted: true }))
    // @ts-expect-error -- a 204 has no body (async)
    createApp().delete('/items/{id}', { status: 204 }, async () => 1)
  })
})

describe('respond(status, body)', () => {
  const spec = { path: { id: t.Integer() }, response: { 200: Item, 404: NotFound, 409: Conflict } }

  test('answers another declared status, its body checked against that schema', () => {
    createApp().get('/items/{id}', spec, ({ path, respond }) => {
      if (path.id === 0) return respond(404, { detail: 'Item not found' })
      if (path.id === 1) return respond(409, { detail: 'Conflict', existing_id: 2 })
      return item
    })
    createApp().get('/items/{id}', spec, async ({ respond }) => respond(404, { detail: 'Item not found' }))
  })

  test('its result is a typed StatusResponse', () => {
    createApp().get('/items/{id}', spec, ({ respond }) => {
      const response = respond(404, { detail: 'x' })
      expectTypeOf(response).toEqualTypeOf<StatusResponse<404, { detail: string }>>()
      expectTypeOf(response.status).toEqualTypeOf<404>()
      return response
    })
  })

  test('a wrong body for the status is a type error', () => {
    createApp().get('/items/{id}', spec, ({ respond }) => {
      // @ts-expect-error -- `detail` must be a string
      return respond(404, { detail: 1 })
    })
    createApp().get('/items/{id}', spec, ({ respond }) => {
      // @ts-expect-error -- the 409 body needs `existing_id`
      return respond(409, { detail: 'Conflict' })
    })
    createApp().get('/items/{id}', spec, ({ respond }) => {
      // @ts-expect-error -- the 404 body is not an Item
      return respond(404, item)
    })
  })

  test('an undeclared status is a type error', () => {
    createApp().get('/items/{id}', spec, ({ respond }) => {
      // @ts-expect-error -- 400 is not declared in `response`
      return respond(400, { detail: 'x' })
    })
    createApp().get('/items/{id}', { response: Item }, ({ respond }) => {
      // @ts-expect-error -- only 200 is declared
      return respond(404, { detail: 'x' })
    })
    createApp().get('/items', ({ respond }) => {
      // @ts-expect-error -- no response declared at all
      return respond(404, { detail: 'x' })
    })
  })

  test('a StatusResponse for an undeclared status cannot be returned', () => {
    // @ts-expect-error -- 418 is not declared
    createApp().get('/items/{id}', spec, () => new StatusResponse(418, { detail: 'teapot' }))
    createApp().get('/items/{id}', spec, () => new StatusResponse(404, { detail: 'x' }))
  })
})
