/**
 * The JSON body over HTTP: parsing, media types, undeclared fields, optional and missing bodies, and one 422
 * that lists the errors of every request part in FastAPI's order.
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, t } from '../index.ts'

type Injectable = Pick<App, 'inject'>

async function post(
  app: Injectable,
  url: string,
  payload: string,
  headers: Record<string, string> = {},
  method: 'POST' | 'PUT' = 'POST',
) {
  const response = await app.inject({
    method,
    url,
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  })
  return { status: response.statusCode, body: response.json() as unknown }
}

const Item = t.Object({
  name: t.String(),
  price: t.Number(),
  meta: t.Optional(t.Object({ color: t.String(), size: t.Optional(t.Object({ w: t.Integer() })) })),
  tags: t.Optional(t.Array(t.Object({ label: t.String() }))),
})

describe('JSON body', () => {
  const app = createApp()
    .post('/items', { body: Item }, ({ body }) => ({ received: body, keys: Object.keys(body) }))
    .post('/optional', { body: t.Optional(Item) }, ({ body }) => ({ present: body !== undefined, body }))
    .post('/numbers', { body: t.Array(t.Integer()) }, ({ body }) => ({
      sum: body.reduce((a, b) => a + b, 0),
    }))
    .post('/text', { body: t.String() }, ({ body }) => ({ body }))

  it('gives the parsed body to the handler', async () => {
    expect(await post(app, '/items', '{"name":"Hammer","price":9.5}')).toEqual({
      status: 200,
      body: { received: { name: 'Hammer', price: 9.5 }, keys: ['name', 'price'] },
    })
  })

  it('accepts a non-object body (array, string)', async () => {
    expect(await post(app, '/numbers', '[1,2,3]')).toEqual({ status: 200, body: { sum: 6 } })
    expect(await post(app, '/text', '"hello"')).toEqual({ status: 200, body: { body: 'hello' } })
  })

  it('drops undeclared fields at every depth before the handler sees them', async () => {
    const payload = JSON.stringify({
      name: 'Hammer',
      price: 1,
      is_admin: true,
      meta: { color: 'red', secret: 'x', size: { w: 2, h: 3 } },
      tags: [
        { label: 'a', extra: 1 },
        { label: 'b', nested: { deep: true } },
      ],
    })
    expect(await post(app, '/items', payload)).toEqual({
      status: 200,
      body: {
        received: {
          name: 'Hammer',
          price: 1,
          meta: { color: 'red', size: { w: 2 } },
          tags: [{ label: 'a' }, { label: 'b' }],
        },
        keys: ['name', 'price', 'meta', 'tags'],
      },
    })
  })

  it('accepts application/json with a charset and application/*+json media types', async () => {
    const expected = { status: 200, body: { sum: 3 } }
    expect(
      await post(app, '/numbers', '[1,2]', { 'content-type': 'application/json; charset=utf-8' }),
    ).toEqual(expected)
    expect(await post(app, '/numbers', '[1,2]', { 'content-type': 'application/vnd.api+json' })).toEqual(
      expected,
    )
    expect(await post(app, '/numbers', '[1,2]', { 'content-type': 'application/merge-patch+json' })).toEqual(
      expected,
    )
    expect(await post(app, '/numbers', '[1,2]', { 'content-type': 'APPLICATION/JSON' })).toEqual(expected)
  })

  it('answers 415 to a text/plain body on a JSON route', async () => {
    expect(await post(app, '/items', '{"name":"a","price":1}', { 'content-type': 'text/plain' })).toEqual({
      status: 415,
      body: { detail: 'Unsupported Media Type: the body must be application/json' },
    })
  })

  it('answers 415 to a media type nothing parses', async () => {
    expect(await post(app, '/items', '<item/>', { 'content-type': 'application/xml' })).toEqual({
      status: 415,
      body: { detail: 'Unsupported Media Type' },
    })
  })

  it('reports an absent required body as missing', async () => {
    const response = await app.inject({ method: 'POST', url: '/items' })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
    })
  })

  it('reports an empty JSON body as missing', async () => {
    expect(await post(app, '/items', '')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
    })
    expect(await post(app, '/items', '  \n ')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
    })
  })

  it('makes the body optional with t.Optional', async () => {
    const response = await app.inject({ method: 'POST', url: '/optional' })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 200,
      body: { present: false },
    })
    expect(await post(app, '/optional', '{"name":"a","price":2,"x":1}')).toEqual({
      status: 200,
      body: { present: true, body: { name: 'a', price: 2 } },
    })
    expect(await post(app, '/optional', 'null')).toEqual({ status: 200, body: { present: false } })
  })

  it('still validates an optional body that is present', async () => {
    expect(await post(app, '/optional', '{"name":"a"}')).toEqual({
      status: 422,
      body: {
        detail: [{ type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: { name: 'a' } }],
      },
    })
  })

  it('reports malformed JSON as json_invalid with the position of the error', async () => {
    expect(await post(app, '/items', '{bad')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'json_invalid',
            loc: ['body', 1],
            msg: 'JSON decode error',
            input: {},
            ctx: { error: expect.stringContaining("Expected property name or '}' in JSON at position 1") },
          },
        ],
      },
    })
  })

  it('reports a truncated JSON document at its end', async () => {
    expect(await post(app, '/items', '{"name":"a"')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'json_invalid',
            loc: ['body', 11],
            msg: 'JSON decode error',
            input: {},
            ctx: { error: expect.stringContaining('position 11') },
          },
        ],
      },
    })
  })

  it('reports trailing garbage after the JSON document', async () => {
    expect(await post(app, '/numbers', '[1] x')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'json_invalid',
            loc: ['body', 4],
            msg: 'JSON decode error',
            input: {},
            ctx: { error: expect.stringContaining('Unexpected non-whitespace character after JSON') },
          },
        ],
      },
    })
  })

  it('reads a JSON null body as no body, as FastAPI does', async () => {
    expect(await post(app, '/items', 'null')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
    })
  })
})

describe('additionalProperties: false', () => {
  const Strict = t.Object(
    { name: t.String(), inner: t.Optional(t.Object({ a: t.Integer() }, { additionalProperties: false })) },
    { additionalProperties: false },
  )
  const app = createApp().post('/strict', { body: Strict }, ({ body }) => body)

  it('accepts a body with declared fields only', async () => {
    expect(await post(app, '/strict', '{"name":"a","inner":{"a":1}}')).toEqual({
      status: 200,
      body: { name: 'a', inner: { a: 1 } },
    })
  })

  it('reports every extra field as extra_forbidden, at every depth', async () => {
    expect(await post(app, '/strict', '{"name":"a","admin":true,"inner":{"a":1,"b":[1,2]}}')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'extra_forbidden',
            loc: ['body', 'inner', 'b'],
            msg: 'Extra inputs are not permitted',
            input: [1, 2],
          },
          {
            type: 'extra_forbidden',
            loc: ['body', 'admin'],
            msg: 'Extra inputs are not permitted',
            input: true,
          },
        ],
      },
    })
  })

  it('reports extras in a strict query part', async () => {
    const strictQuery = createApp().get(
      '/q',
      { query: t.Object({ q: t.String() }, { additionalProperties: false }) },
      ({ query }) => query,
    )
    const response = await strictQuery.inject({ method: 'GET', url: '/q?q=a&debug=1' })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'extra_forbidden',
            loc: ['query', 'debug'],
            msg: 'Extra inputs are not permitted',
            input: '1',
          },
        ],
      },
    })
  })
})

describe('one 422 for every request part', () => {
  const app = createApp().post(
    '/orders/{order_id}',
    {
      path: { order_id: t.Integer() },
      query: { q: t.String(), limit: t.Integer() },
      headers: { x_a: t.String(), x_b: t.Integer() },
      cookies: { s: t.String(), n: t.Integer() },
      body: t.Object({
        a: t.Integer(),
        b: t.String(),
        c: t.Object({ p: t.String(), q: t.Integer() }),
        d: t.String(),
        e: t.Array(t.Object({ m: t.String(), n: t.Integer() })),
      }),
    },
    () => 'handled',
  )

  it('lists path, query, header, cookie and body errors together, each part in declaration order', async () => {
    const body = { a: 'x', c: { p: 1 }, e: [{ n: 'u' }] }
    const response = await app.inject({
      method: 'POST',
      url: '/orders/x?limit=z',
      headers: { 'x-b': 'k', cookie: 'n=j' },
      payload: body,
    })
    const intParsing = 'Input should be a valid integer, unable to parse string as an integer'
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'int_parsing', loc: ['path', 'order_id'], msg: intParsing, input: 'x' },
          { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null },
          { type: 'int_parsing', loc: ['query', 'limit'], msg: intParsing, input: 'z' },
          { type: 'missing', loc: ['header', 'x-a'], msg: 'Field required', input: null },
          { type: 'int_parsing', loc: ['header', 'x-b'], msg: intParsing, input: 'k' },
          { type: 'missing', loc: ['cookie', 's'], msg: 'Field required', input: null },
          { type: 'int_parsing', loc: ['cookie', 'n'], msg: intParsing, input: 'j' },
          { type: 'int_parsing', loc: ['body', 'a'], msg: intParsing, input: 'x' },
          { type: 'missing', loc: ['body', 'b'], msg: 'Field required', input: body },
          { type: 'string_type', loc: ['body', 'c', 'p'], msg: 'Input should be a valid string', input: 1 },
          { type: 'missing', loc: ['body', 'c', 'q'], msg: 'Field required', input: { p: 1 } },
          { type: 'missing', loc: ['body', 'd'], msg: 'Field required', input: body },
          { type: 'missing', loc: ['body', 'e', 0, 'm'], msg: 'Field required', input: { n: 'u' } },
          { type: 'int_parsing', loc: ['body', 'e', 0, 'n'], msg: intParsing, input: 'u' },
        ],
      },
    })
  })

  it('reports a missing body after the parameter errors', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/orders/1?q=a&limit=1',
      headers: { 'x-a': 'a' },
    })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'missing', loc: ['header', 'x-b'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['cookie', 's'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['cookie', 'n'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
        ],
      },
    })
  })

  it('does not run the handler while any part is invalid, and runs it once all are valid', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/orders/1?q=a&limit=1',
      headers: { 'x-a': 'a', 'x-b': '2', cookie: 's=z; n=3' },
      payload: { a: 1, b: 'b', c: { p: 'p', q: 1 }, d: 'd', e: [] },
    })
    expect({ status: response.statusCode, body: response.body }).toEqual({ status: 200, body: '"handled"' })
  })
})

describe("an error's input is what the client sent", () => {
  const Item = t.Object({
    name: t.String(),
    description: t.Union([t.String(), t.Null()], { default: null }),
    tax: t.Union([t.Number(), t.Null()], { default: null }),
    tags: t.Array(t.String(), { default: [] }),
    meta: t.Optional(t.Object({ color: t.String(), size: t.Integer({ default: 1 }) })),
  })
  const app = createApp().put('/items', { body: Item }, ({ body }) => body)

  it('not the body after defaults are filled in (FastAPI echoes `{}` for `PUT {}`)', async () => {
    expect(await post(app, '/items', '{}', {}, 'PUT')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} }] },
    })
  })

  it('not the object after undeclared fields are dropped, nor after lax conversions', async () => {
    const sent = { tax: '2.5', is_admin: true, meta: { color: 7, size: '3', junk: [1] } }
    expect(await post(app, '/items', JSON.stringify(sent), {}, 'PUT')).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: sent },
          {
            type: 'string_type',
            loc: ['body', 'meta', 'color'],
            msg: 'Input should be a valid string',
            input: 7,
          },
        ],
      },
    })
  })

  it('leaves out an input the client sent larger than the echo limit', async () => {
    const sent = { extra: Array.from({ length: 2_000 }, (_, index) => index) }
    const response = await post(app, '/items', JSON.stringify(sent), {}, 'PUT')
    expect(response.body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required' }],
    })
  })
})
