/**
 * JSON bodies in Pydantic v2's lax mode (FastAPI's default) over HTTP: the conversion table, the handler
 * receiving converted values, Pydantic's error types for what does not convert, and the `strict` option on a
 * route, a router and the app. The conversions value by value are in `validation/lax.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { bodyErrors } from '../../test/support.ts'
import type { App } from '../app/app.ts'
import { createApp, createRouter, t } from '../index.ts'

type Injectable = Pick<App, 'inject'>

async function post(app: Injectable, url: string, body: unknown) {
  const response = await app.inject({
    method: 'POST',
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  return { status: response.statusCode, body: response.json() as unknown }
}

const Item = t.Object({
  name: t.String(),
  price: t.Number(),
  quantity: t.Integer(),
  active: t.Boolean(),
  tax: t.Optional(t.Union([t.Number(), t.Null()])),
})

describe('lax JSON bodies (Pydantic v2 lax mode)', () => {
  const app = createApp().post('/items', { body: Item }, ({ body }) => ({
    body,
    types: [typeof body.price, typeof body.quantity, typeof body.active],
  }))

  it('converts number text, whole numbers and boolean words; the handler receives the converted values', async () => {
    expect(
      await post(app, '/items', { name: 'Foo', price: '50.5', quantity: '3', active: 'yes', tax: '1.5' }),
    ).toEqual({
      status: 200,
      body: {
        body: { name: 'Foo', price: 50.5, quantity: 3, active: true, tax: 1.5 },
        types: ['number', 'number', 'boolean'],
      },
    })
    expect(await post(app, '/items', { name: 'Foo', price: true, quantity: 2.0, active: 0 })).toEqual({
      status: 200,
      body: {
        body: { name: 'Foo', price: 1, quantity: 2, active: false },
        types: ['number', 'number', 'boolean'],
      },
    })
    expect(
      await post(app, '/items', { name: 'Foo', price: ' 1e3 ', quantity: ' +1_000 ', active: 'OFF' }),
    ).toEqual({
      status: 200,
      body: {
        body: { name: 'Foo', price: 1000, quantity: 1000, active: false },
        types: ['number', 'number', 'boolean'],
      },
    })
  })

  it('never turns null into 0, a number into a string, or an object into anything', async () => {
    expect(await bodyErrors(Item, { name: 5, price: null, quantity: {}, active: null, tax: null })).toEqual([
      { type: 'string_type', loc: ['body', 'name'], msg: 'Input should be a valid string', input: 5 },
      { type: 'float_type', loc: ['body', 'price'], msg: 'Input should be a valid number', input: null },
      { type: 'int_type', loc: ['body', 'quantity'], msg: 'Input should be a valid integer', input: {} },
      { type: 'bool_type', loc: ['body', 'active'], msg: 'Input should be a valid boolean', input: null },
    ])
  })

  it("reports what does not convert with Pydantic's types, echoing what the client sent", async () => {
    expect(await bodyErrors(Item, { name: 'Foo', price: 'abc', quantity: '1.5', active: 2 })).toEqual([
      {
        type: 'float_parsing',
        loc: ['body', 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'abc',
      },
      {
        type: 'int_parsing',
        loc: ['body', 'quantity'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '1.5',
      },
      {
        type: 'bool_parsing',
        loc: ['body', 'active'],
        msg: 'Input should be a valid boolean, unable to interpret input',
        input: 2,
      },
    ])
    expect(await bodyErrors(Item, { name: 'Foo', price: 1, quantity: 1.5, active: 0.5 })).toEqual([
      {
        type: 'int_from_float',
        loc: ['body', 'quantity'],
        msg: 'Input should be a valid integer, got a number with a fractional part',
        input: 1.5,
      },
      { type: 'bool_type', loc: ['body', 'active'], msg: 'Input should be a valid boolean', input: 0.5 },
    ])
  })

  it('validates converted values against their constraints', async () => {
    const schema = t.Object({ qty: t.Integer({ minimum: 1 }) })
    expect(await bodyErrors(schema, { qty: '0' })).toEqual([
      {
        type: 'greater_than_equal',
        loc: ['body', 'qty'],
        msg: 'Input should be greater than or equal to 1',
        input: '0',
        ctx: { ge: 1 },
      },
    ])
  })

  it('converts at every depth: nested and nullable objects, arrays, records, a scalar body', async () => {
    const app = createApp()
      .post(
        '/orders',
        {
          body: t.Object({
            lines: t.Array(t.Object({ sku: t.String(), qty: t.Integer() })),
            flags: t.Array(t.Boolean()),
            shipping: t.Union([t.Object({ cost: t.Number() }), t.Null()]),
            scores: t.Record(t.String(), t.Number()),
          }),
        },
        ({ body }) => body,
      )
      .post('/count', { body: t.Integer() }, ({ body }) => ({ count: body }))
    expect(
      await post(app, '/orders', {
        lines: [{ sku: 'a', qty: '2' }],
        flags: ['t', 1, 'no'],
        shipping: { cost: '4.5' },
        scores: { x: '1', y: 2 },
      }),
    ).toEqual({
      status: 200,
      body: {
        lines: [{ sku: 'a', qty: 2 }],
        flags: [true, true, false],
        shipping: { cost: 4.5 },
        scores: { x: 1, y: 2 },
      },
    })
    expect(await post(app, '/count', '12')).toEqual({ status: 200, body: { count: 12 } })
  })

  it('keeps a value that fits a branch of a union as it is (smart unions); literals match exactly', async () => {
    const app = createApp().post(
      '/',
      {
        body: t.Object({
          id: t.Union([t.Integer(), t.String()]),
          limit: t.Union([t.Integer(), t.Literal('all')]),
          kind: t.Optional(t.Literal(1)),
        }),
      },
      ({ body }) => body,
    )
    expect(await post(app, '/', { id: '5', limit: '10' })).toEqual({
      status: 200,
      body: { id: '5', limit: 10 },
    })
    expect(await post(app, '/', { id: 5, limit: 'all' })).toEqual({
      status: 200,
      body: { id: 5, limit: 'all' },
    })
    expect((await post(app, '/', { id: 5, limit: 1, kind: '1' })).status).toBe(422)
  })
})

describe('the strict option', () => {
  const Body = t.Object({ price: t.Number() })
  const floatType = {
    type: 'float_type',
    loc: ['body', 'price'],
    msg: 'Input should be a valid number',
    input: '1.5',
  }

  it('takes the values of a strict route as they are', async () => {
    expect(await bodyErrors(Body, { price: '1.5' }, true)).toEqual([floatType])
  })

  it('is inherited from the app and from routers; the innermost says', async () => {
    const handler = ({ body }: { body: { price: number } }) => body
    const strictRouter = createRouter({ prefix: '/strict', strict: true })
      .post('/', { body: Body }, handler)
      .post('/lax', { body: Body, strict: false }, handler)
    const laxRouter = createRouter({ prefix: '/lax', strict: false }).post('/', { body: Body }, handler)
    const app = createApp({ strict: true })
      .post('/app', { body: Body }, handler)
      .post('/route', { body: Body, strict: false }, handler)
      .includeRouter(strictRouter)
      .includeRouter(laxRouter)
      .includeRouter(createRouter().post('/included', { body: Body }, handler), { strict: false })
    const payload = { price: '1.5' }
    const rejected = { status: 422, body: { detail: [floatType] } }
    const accepted = { status: 200, body: { price: 1.5 } }
    expect(await post(app, '/app', payload)).toEqual(rejected)
    expect(await post(app, '/route', payload)).toEqual(accepted)
    expect(await post(app, '/strict/', payload)).toEqual(rejected)
    expect(await post(app, '/strict/lax', payload)).toEqual(accepted)
    expect(await post(app, '/lax/', payload)).toEqual(accepted)
    expect(await post(app, '/included', payload)).toEqual(accepted)
    expect(await post(createApp().post('/', { body: Body }, handler), '/', payload)).toEqual(accepted)
  })
})
