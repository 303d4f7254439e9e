/**
 * Path and query parameters over HTTP: read from strings, coerced to their schemas with FastAPI's rules
 * (boolean words, repeated keys), and only the declared ones reach the handler. Headers and cookies are in
 * `inputs-headers.test.ts`, the body in `inputs-body.test.ts`, the error types in `inputs-errors.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, t } from '../index.ts'

type Injectable = Pick<App, 'inject'>

async function get(app: Injectable, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers })
  return { status: response.statusCode, body: response.json() as unknown }
}

describe('path parameters', () => {
  const app = createApp()
    .get('/items/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => ({ item_id: path.item_id }))
    .get('/prices/{price}', { path: t.Object({ price: t.Number() }) }, ({ path }) => ({ price: path.price }))
    .get('/users/:user_id/orders/:order_id', { path: { order_id: t.Integer() } }, ({ path }) => ({
      user_id: path.user_id,
      order_id: path.order_id,
    }))
    .get('/names/{name}', ({ path }) => ({ name: path.name, type: typeof path.name }))
    .get('/files/{file_path:path}', ({ path }) => ({ file_path: path.file_path }))
    .get('/codes/{code}', { path: { code: t.String({ minLength: 3, maxLength: 5 }) } }, ({ path }) => path)

  it('coerces an integer', async () => {
    expect(await get(app, '/items/42')).toEqual({ status: 200, body: { item_id: 42 } })
  })

  it('reports a string that is not an integer as int_parsing with the raw input', async () => {
    expect(await get(app, '/items/foo')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['path', 'item_id'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'foo',
          },
        ],
      },
    })
  })

  it('reports a decimal given to an integer as int_parsing', async () => {
    expect(await get(app, '/items/4.5')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['path', 'item_id'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: '4.5',
          },
        ],
      },
    })
  })

  it('coerces a number (TObject form)', async () => {
    expect(await get(app, '/prices/4.25')).toEqual({ status: 200, body: { price: 4.25 } })
    expect(await get(app, '/prices/-3')).toEqual({ status: 200, body: { price: -3 } })
  })

  it('reports a string that is not a number as float_parsing', async () => {
    expect(await get(app, '/prices/cheap')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'float_parsing',
            loc: ['path', 'price'],
            msg: 'Input should be a valid number, unable to parse string as a number',
            input: 'cheap',
          },
        ],
      },
    })
  })

  it('accepts Fastify :name syntax; an undeclared parameter stays a string', async () => {
    expect(await get(app, '/users/7/orders/9')).toEqual({
      status: 200,
      body: { user_id: '7', order_id: 9 },
    })
  })

  it('gives a parameter without a schema as a string', async () => {
    expect(await get(app, '/names/123')).toEqual({ status: 200, body: { name: '123', type: 'string' } })
  })

  it('matches slashes with {name:path}', async () => {
    expect(await get(app, '/files/home/user/notes.txt')).toEqual({
      status: 200,
      body: { file_path: 'home/user/notes.txt' },
    })
  })

  it('checks string length constraints', async () => {
    expect(await get(app, '/codes/abcd')).toEqual({ status: 200, body: { code: 'abcd' } })
    expect(await get(app, '/codes/ab')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_too_short',
            loc: ['path', 'code'],
            msg: 'String should have at least 3 characters',
            input: 'ab',
            ctx: { min_length: 3 },
          },
        ],
      },
    })
    expect(await get(app, '/codes/abcdef')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_too_long',
            loc: ['path', 'code'],
            msg: 'String should have at most 5 characters',
            input: 'abcdef',
            ctx: { max_length: 5 },
          },
        ],
      },
    })
  })
})

describe('query parameters', () => {
  const app = createApp()
    .get(
      '/search',
      {
        query: {
          q: t.Optional(t.String()),
          limit: t.Integer({ default: 10 }),
          price: t.Optional(t.Number({ minimum: 0 })),
        },
      },
      ({ query }) => ({ query, has_q: 'q' in query }),
    )
    .get('/required', { query: t.Object({ name: t.String() }) }, ({ query }) => query)
    .get('/tags', { query: { tag: t.Array(t.String()) } }, ({ query }) => query)
    .get('/optional-tags', { query: { tag: t.Optional(t.Array(t.String())) } }, ({ query }) => query)
    .get('/numbers', { query: { n: t.Array(t.Integer()) } }, ({ query }) => query)
    .get('/raw', { query: { n: t.Array(t.Integer()) } }, ({ query, request }) => ({
      coerced: query.n,
      raw: (request.query as { n: unknown }).n,
    }))
    .get('/flag', { query: { on: t.Boolean() } }, ({ query }) => query)
    .get('/flags', { query: { f: t.Array(t.Boolean()) } }, ({ query }) => query)

  it('applies defaults and leaves optional parameters out', async () => {
    expect(await get(app, '/search')).toEqual({
      status: 200,
      body: { query: { limit: 10 }, has_q: false },
    })
  })

  it('coerces given values', async () => {
    expect(await get(app, '/search?q=shoes&limit=3&price=9.5')).toEqual({
      status: 200,
      body: { query: { q: 'shoes', limit: 3, price: 9.5 }, has_q: true },
    })
  })

  it('keeps a numeric-looking string a string', async () => {
    expect(await get(app, '/search?q=123')).toEqual({
      status: 200,
      body: { query: { q: '123', limit: 10 }, has_q: true },
    })
  })

  it('does not pass undeclared keys to the handler', async () => {
    expect(await get(app, '/search?q=a&admin=true&limit=2&other=1')).toEqual({
      status: 200,
      body: { query: { q: 'a', limit: 2 }, has_q: true },
    })
  })

  it('takes the last value of a repeated key for a scalar parameter', async () => {
    expect(await get(app, '/search?q=first&q=second&limit=1&limit=2')).toEqual({
      status: 200,
      body: { query: { q: 'second', limit: 2 }, has_q: true },
    })
  })

  it('reports a missing required parameter', async () => {
    expect(await get(app, '/required')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['query', 'name'], msg: 'Field required', input: null }] },
    })
  })

  it('accepts an empty string for a required string parameter', async () => {
    expect(await get(app, '/required?name=')).toEqual({ status: 200, body: { name: '' } })
  })

  it('reports an empty string given to an integer as int_parsing', async () => {
    expect(await get(app, '/search?limit=')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'limit'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: '',
          },
        ],
      },
    })
  })

  it('fills an array from repeated keys', async () => {
    expect(await get(app, '/tags?tag=a&tag=b&tag=c')).toEqual({ status: 200, body: { tag: ['a', 'b', 'c'] } })
  })

  it('makes a single key a one-item array', async () => {
    expect(await get(app, '/tags?tag=a')).toEqual({ status: 200, body: { tag: ['a'] } })
  })

  it('reports a missing required array', async () => {
    expect(await get(app, '/tags')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['query', 'tag'], msg: 'Field required', input: null }] },
    })
  })

  it('leaves an absent optional array out', async () => {
    expect(await get(app, '/optional-tags')).toEqual({ status: 200, body: {} })
  })

  it('coerces every item of an array of integers', async () => {
    expect(await get(app, '/numbers?n=1&n=2&n=30')).toEqual({ status: 200, body: { n: [1, 2, 30] } })
    expect(await get(app, '/numbers?n=5')).toEqual({ status: 200, body: { n: [5] } })
  })

  it('reports the index of a bad array item', async () => {
    expect(await get(app, '/numbers?n=1&n=x&n=3')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'n', 1],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'x',
          },
        ],
      },
    })
  })

  it.each(['1', 'true', 't', 'y', 'yes', 'on', 'TRUE', 'Yes', 'On', 'T', 'Y'])(
    'reads %s as true',
    async (word) => {
      expect(await get(app, `/flag?on=${word}`)).toEqual({ status: 200, body: { on: true } })
    },
  )

  it.each(['0', 'false', 'f', 'n', 'no', 'off', 'FALSE', 'No', 'OFF', 'F', 'N'])(
    'reads %s as false',
    async (word) => {
      expect(await get(app, `/flag?on=${word}`)).toEqual({ status: 200, body: { on: false } })
    },
  )

  it.each(['2', 'maybe', 'yess', '', 'nope', 'tru'])('reports %j as bool_parsing', async (word) => {
    expect(await get(app, `/flag?on=${word}`)).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'bool_parsing',
            loc: ['query', 'on'],
            msg: 'Input should be a valid boolean, unable to interpret input',
            input: word,
          },
        ],
      },
    })
  })

  it('reads boolean words in an array of booleans', async () => {
    expect(await get(app, '/flags?f=Yes&f=off&f=1')).toEqual({
      status: 200,
      body: { f: [true, false, true] },
    })
    expect(await get(app, '/flags?f=no')).toEqual({ status: 200, body: { f: [false] } })
  })

  it('reports a bad word in an array of booleans by index', async () => {
    expect(await get(app, '/flags?f=yes&f=perhaps')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'bool_parsing',
            loc: ['query', 'f', 1],
            msg: 'Input should be a valid boolean, unable to interpret input',
            input: 'perhaps',
          },
        ],
      },
    })
  })

  it("leaves the request's own query raw while the handler gets coerced values", async () => {
    expect(await get(app, '/raw?n=1&n=2')).toEqual({
      status: 200,
      body: { coerced: [1, 2], raw: ['1', '2'] },
    })
  })

  // Ajv alone coerces any string that `Number()` reads (a blank to 0, hexadecimal); numeric parameters
  // accept decimal text only.
  it('reports a blank integer as int_parsing, as FastAPI does', async () => {
    expect(await get(app, '/search?limit=%20')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'limit'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: ' ',
          },
        ],
      },
    })
  })

  it('reports a hexadecimal integer as int_parsing, as FastAPI does', async () => {
    expect(await get(app, '/search?limit=0x10')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'limit'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: '0x10',
          },
        ],
      },
    })
  })
})
