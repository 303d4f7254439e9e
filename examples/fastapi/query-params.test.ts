// FastAPI's tests/test_tutorial/test_query_params/test_tutorial001.py ... test_tutorial006.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  tutorial001,
  tutorial002,
  tutorial003,
  tutorial004,
  tutorial005,
  tutorial006,
} from './query-params.ts'
import { openapiOf } from './support.ts'

const description = 'This is an amazing item that has a long description'
const intParsing = 'Input should be a valid integer, unable to parse string as an integer'

describe('query_params tutorial001', () => {
  it.each([
    ['/items/', [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]],
    ['/items/?skip=1', [{ item_name: 'Bar' }, { item_name: 'Baz' }]],
    ['/items/?skip=1&limit=1', [{ item_name: 'Bar' }]],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial001.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  it('openapi: defaulted parameters are not required', async () => {
    const document = await openapiOf(tutorial001)
    expect(document).toMatchObject({
      paths: {
        '/items/': {
          get: {
            parameters: [
              { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
              { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 10 } },
            ],
          },
        },
      },
    })
  })
})

describe('query_params tutorial002', () => {
  it.each([
    ['/items/foo', { item_id: 'foo' }],
    ['/items/bar?q=somequery', { item_id: 'bar', q: 'somequery' }],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial002.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })
})

describe('query_params tutorial003', () => {
  it.each([
    ['/items/foo', { item_id: 'foo', description }],
    ['/items/bar?q=somequery', { item_id: 'bar', q: 'somequery', description }],
    ['/items/baz?short=true', { item_id: 'baz' }],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial003.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  // From the tutorial's text: `short=1`, `True`, `true`, `on` and `yes` all read as true.
  it.each(['1', 'True', 'true', 'on', 'yes'])('short=%s is true', async (word) => {
    expect((await tutorial003.inject(`/items/foo?short=${word}`)).json()).toEqual({ item_id: 'foo' })
  })

  it('short=maybe: 422 bool_parsing', async () => {
    const res = await tutorial003.inject('/items/foo?short=maybe')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'bool_parsing',
          loc: ['query', 'short'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'maybe',
        },
      ],
    })
  })
})

describe('query_params tutorial004', () => {
  it.each([
    ['/users/123/items/foo', { item_id: 'foo', owner_id: 123, description }],
    ['/users/1/items/bar?q=somequery', { item_id: 'bar', owner_id: 1, q: 'somequery', description }],
    ['/users/42/items/baz?short=true', { item_id: 'baz', owner_id: 42 }],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial004.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })
})

describe('query_params tutorial005', () => {
  it('GET /items/foo?needy=very', async () => {
    const res = await tutorial005.inject('/items/foo?needy=very')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ item_id: 'foo', needy: 'very' })
  })

  it('GET /items/foo: 422 missing, input null', async () => {
    const res = await tutorial005.inject('/items/foo')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [{ type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null }],
    })
  })
})

describe('query_params tutorial006', () => {
  it('GET /items/foo?needy=very: the default and the null filled in', async () => {
    const res = await tutorial006.inject('/items/foo?needy=very')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ item_id: 'foo', needy: 'very', skip: 0, limit: null })
  })

  it('GET /items/foo?skip=a&limit=b: every error at once', async () => {
    const res = await tutorial006.inject('/items/foo?skip=a&limit=b')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null },
        { type: 'int_parsing', loc: ['query', 'skip'], msg: intParsing, input: 'a' },
        { type: 'int_parsing', loc: ['query', 'limit'], msg: intParsing, input: 'b' },
      ],
    })
  })

  it('openapi: `int | None = None` is an anyOf with null, not required', async () => {
    const document = await openapiOf(tutorial006)
    expect(document).toMatchObject({
      paths: {
        '/items/{item_id}': {
          get: {
            parameters: [
              { name: 'item_id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'needy', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
              {
                name: 'limit',
                in: 'query',
                required: false,
                schema: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
              },
            ],
          },
        },
      },
    })
  })
})
