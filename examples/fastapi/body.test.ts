// FastAPI's tests/test_tutorial/test_body/test_tutorial001.py ... test_tutorial004.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { tutorial001, tutorial002, tutorial003, tutorial004 } from './body.ts'
import { openapiOf, validationErrorResponse } from './support.ts'

const noData = {
  detail: [
    { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} },
    { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: {} },
  ],
}
const json = { 'content-type': 'application/json' }
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  tutorial001.inject({ method: 'POST', url: '/items/', payload: payload as string, headers })

describe('body tutorial001', () => {
  it('a float price', async () => {
    const res = await post({ name: 'Foo', price: 50.5 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 50.5, description: null, tax: null })
  })

  it('lax mode: a price sent as number text is read as a number', async () => {
    const res = await post({ name: 'Foo', price: '50.5' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 50.5, description: null, tax: null })
    const described = await post({ name: 'Foo', price: '50.5', description: 'Some Foo' })
    expect(described.json()).toEqual({ name: 'Foo', price: 50.5, description: 'Some Foo', tax: null })
    const taxed = await post({ name: 'Foo', price: '50.5', description: 'Some Foo', tax: 0.3 })
    expect(taxed.json()).toEqual({ name: 'Foo', price: 50.5, description: 'Some Foo', tax: 0.3 })
  })

  it('only the name: 422 missing, the input echoed', async () => {
    const res = await post({ name: 'Foo' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: { name: 'Foo' } }],
    })
  })

  it('a price that is not a number: 422 float_parsing', async () => {
    const res = await post({ name: 'Foo', price: 'twenty' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'float_parsing',
          loc: ['body', 'price'],
          msg: 'Input should be a valid number, unable to parse string as a number',
          input: 'twenty',
        },
      ],
    })
  })

  it('no data: every missing field', async () => {
    const res = await post({})
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual(noData)
  })

  it('no body at all: 422 missing at ["body"]', async () => {
    const res = await tutorial001.inject({ method: 'POST', url: '/items/' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    })
  })

  // Difference (not in FastAPI's tests): a JSON `null` body is a value of the wrong type for Fastbox, where
  // FastAPI treats it as no body (`missing`).
  it('a JSON null body: 422 model_attributes_type', async () => {
    const res = await post('null', json)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: null,
        },
      ],
    })
  })

  it('broken JSON: 422 json_invalid at its position', async () => {
    const res = await post('{some broken json}', json)
    expect(res.statusCode).toBe(422)
    // `ctx.error` is JavaScript's JSON.parse message, not Python's
    // ("Expecting property name enclosed in double quotes"); the rest is FastAPI's.
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'json_invalid',
          loc: ['body', 1],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: expect.any(String) },
        },
      ],
    })
  })

  it('explicit application/json, and a +json media type', async () => {
    const data = '{"name": "Foo", "price": 50.5}'
    expect((await post(data, json)).statusCode).toBe(200)
    expect((await post(data, { 'content-type': 'application/geo+json' })).statusCode).toBe(200)
  })

  // Deliberate difference: a body in another media type, or with none, is answered 415 Unsupported Media Type
  // (FastAPI answers 422 model_attributes_type, echoing the text): the client sent the wrong kind of body, which
  // 415 says, and the text is not echoed back.
  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'name=Foo&price=50.5'],
    ['text/plain', 'text/plain', '{"name": "Foo", "price": 50.5}'],
    ['application/geo+json-seq', 'application/geo+json-seq', '{"name": "Foo", "price": 50.5}'],
    ['application/not-really-json', 'application/not-really-json', '{"name": "Foo", "price": 50.5}'],
  ])('%s instead of JSON: 415', async (_name, type, data) => {
    const res = await post(data, { 'content-type': type })
    expect(res.statusCode).toBe(415)
    expect(res.json().detail).toMatch(/^Unsupported Media Type/)
  })

  it('no content type: 415', async () => {
    const res = await tutorial001.inject({
      method: 'POST',
      url: '/items/',
      payload: '{"name": "Foo", "price": 50.5}',
    })
    expect(res.statusCode).toBe(415)
  })

  // Not in FastAPI's tests: numbers must be finite (FastAPI reads 1e400 as inf, then cannot write it).
  it('a price beyond the float range: 422 finite_number', async () => {
    const res = await post('{"name": "Foo", "price": 1e400}', json)
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatchObject([
      { type: 'finite_number', loc: ['body', 'price'], msg: 'Input should be a finite number' },
    ])
  })

  it('openapi: the request body refers to the Item component', async () => {
    const document = await openapiOf(tutorial001)
    expect(document).toMatchObject({
      paths: {
        '/items/': {
          post: {
            summary: 'Create Item',
            operationId: 'post_items',
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
              required: true,
            },
            responses: { 422: validationErrorResponse },
          },
        },
      },
    })
    // FastAPI writes `X | None` as `anyOf` with `{"type": "null"}` and adds titles; Fastbox writes the equivalent
    // type list.
    expect((document.components as { schemas: Record<string, unknown> }).schemas.Item).toEqual({
      type: 'object',
      required: ['name', 'price'],
      properties: {
        name: { type: 'string' },
        description: { type: ['string', 'null'] },
        price: { type: 'number' },
        tax: { type: ['number', 'null'] },
      },
    })
  })
})

describe('body tutorial002', () => {
  it.each(['50.5', 50.5])('with tax, price %j', async (price) => {
    const res = await tutorial002.inject({
      method: 'POST',
      url: '/items/',
      payload: { name: 'Foo', price, description: 'Some Foo', tax: 0.3 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      name: 'Foo',
      price: 50.5,
      description: 'Some Foo',
      tax: 0.3,
      price_with_tax: 50.8,
    })
  })

  it.each(['50.5', 50.5])('without tax, price %j', async (price) => {
    const res = await tutorial002.inject({
      method: 'POST',
      url: '/items/',
      payload: { name: 'Foo', price, description: 'Some Foo' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 50.5, description: 'Some Foo', tax: null })
  })

  it('no data', async () => {
    const res = await tutorial002.inject({ method: 'POST', url: '/items/', payload: {} })
    expect([res.statusCode, res.json()]).toEqual([422, noData])
  })
})

describe.each([
  ['tutorial003', tutorial003],
  ['tutorial004', tutorial004],
])('body %s', (name, app) => {
  it('put all', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: name === 'tutorial004' ? '/items/123?q=somequery' : '/items/123',
      payload: { name: 'Foo', price: 50.1, description: 'Some Foo', tax: 0.3 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      item_id: 123,
      name: 'Foo',
      price: 50.1,
      description: 'Some Foo',
      tax: 0.3,
      ...(name === 'tutorial004' ? { q: 'somequery' } : {}),
    })
  })

  it('put only the required fields', async () => {
    const res = await app.inject({ method: 'PUT', url: '/items/123', payload: { name: 'Foo', price: 50.1 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ item_id: 123, name: 'Foo', price: 50.1, description: null, tax: null })
  })

  it('put no data', async () => {
    const res = await app.inject({ method: 'PUT', url: '/items/123', payload: {} })
    expect([res.statusCode, res.json()]).toEqual([422, noData])
  })
})
