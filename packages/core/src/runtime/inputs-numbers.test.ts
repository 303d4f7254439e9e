/**
 * Numbers that are not finite never pass, and integers beyond JavaScript's safe range are never rounded:
 * in every request part a 422 (`finite_number`, `int_parsing_size`), in a response a logged 500, never a
 * `null` in a 2xx. (`JSON.parse` reads `1e400` as `Infinity`; Ajv's `strict: false` turns `strictNumbers` off.)
 */
import { describe, expect, it } from 'vitest'
import { appWithLog } from '../../test/support.ts'
import { createApp, type Static, t } from '../index.ts'

const finite = (loc: (string | number)[], input: unknown) => ({
  type: 'finite_number',
  loc,
  msg: 'Input should be a finite number',
  input,
})

const tooLarge = (loc: (string | number)[], input: unknown) => ({
  type: 'int_parsing_size',
  loc,
  msg: 'Unable to parse input string as an integer, exceeded maximum size',
  input,
})

const intParsing = (loc: (string | number)[], input: unknown) => ({
  type: 'int_parsing',
  loc,
  msg: 'Input should be a valid integer, unable to parse string as an integer',
  input,
})

function store() {
  const Item = t.Object({ name: t.String(), price: t.Number(), stock: t.Optional(t.Integer()) })
  const items: Static<typeof Item>[] = []
  const app = createApp()
    .post('/items', { body: Item, status: 201, response: Item }, ({ body }) => {
      items.push(body)
      return body
    })
    .get('/items', { response: t.Array(Item) }, () => items)
    .get(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer() },
        query: { skip: t.Integer({ default: 0 }), ratio: t.Optional(t.Number()) },
      },
      ({ path, query }) => ({ item_id: path.item_id, skip: query.skip, ratio: query.ratio }),
    )
  const send = async (payload: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/items',
      payload,
      headers: { 'content-type': 'application/json' },
    })
    return { status: response.statusCode, body: response.json() as unknown }
  }
  const get = async (url: string) => {
    const response = await app.inject(url)
    return { status: response.statusCode, body: response.json() as unknown }
  }
  return { app, items, send, get }
}

describe('numbers that are not finite in a request', () => {
  it('refuses 1e400 in a JSON body before the handler runs, so nothing broken is stored', async () => {
    const { items, send, get } = store()
    expect(await send('{"name":"x","price":1,"stock":1e400}')).toEqual({
      status: 422,
      body: { detail: [finite(['body', 'stock'], null)] },
    })
    expect(await send('{"name":"x","price":-1e400}')).toEqual({
      status: 422,
      body: { detail: [finite(['body', 'price'], null)] },
    })
    expect(items).toEqual([])
    expect(await get('/items')).toEqual({ status: 200, body: [] })
  })

  it('refuses number text that reads as infinite in a lax body', async () => {
    const { send } = store()
    expect(await send('{"name":"x","price":"inf"}')).toEqual({
      status: 422,
      body: { detail: [finite(['body', 'price'], 'inf')] },
    })
  })

  it('refuses it in parameters, echoing the text', async () => {
    const { get } = store()
    expect(await get('/items/1?ratio=1e400')).toEqual({
      status: 422,
      body: { detail: [finite(['query', 'ratio'], '1e400')] },
    })
    expect(await get('/items/1?ratio=-Infinity')).toEqual({
      status: 422,
      body: { detail: [finite(['query', 'ratio'], '-Infinity')] },
    })
    expect(await get('/items/1?ratio=nan')).toEqual({
      status: 422,
      body: { detail: [finite(['query', 'ratio'], 'nan')] },
    })
    // Not integer text at all, as pydantic-core reads it.
    expect(await get('/items/1?skip=1e400')).toEqual({
      status: 422,
      body: { detail: [intParsing(['query', 'skip'], '1e400')] },
    })
    expect(await get('/items/1?skip=1e3')).toEqual({
      status: 422,
      body: { detail: [intParsing(['query', 'skip'], '1e3')] },
    })
  })

  it('refuses it in headers, cookies and form fields', async () => {
    const app = createApp()
      .get('/h', { headers: { x_ratio: t.Number() }, cookies: { ratio: t.Optional(t.Number()) } }, () => null)
      .post('/f', { form: { ratio: t.Number() } }, () => null)
    const headers = await app.inject({ url: '/h', headers: { 'x-ratio': '1e999', cookie: 'ratio=Infinity' } })
    expect(headers.json()).toEqual({
      detail: [finite(['header', 'x-ratio'], '1e999'), finite(['cookie', 'ratio'], 'Infinity')],
    })
    const form = await app.inject({
      method: 'POST',
      url: '/f',
      payload: 'ratio=1e400',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.json()).toEqual({ detail: [finite(['body', 'ratio'], '1e400')] })
  })
})

describe('integers beyond the safe range', () => {
  it('answers 422 for a path id JavaScript would round, not "not found" for another id', async () => {
    const { get } = store()
    expect(await get('/items/9007199254740993')).toEqual({
      status: 422,
      body: { detail: [tooLarge(['path', 'item_id'], '9007199254740993')] },
    })
    expect(await get('/items/-9007199254740992')).toEqual({
      status: 422,
      body: { detail: [tooLarge(['path', 'item_id'], '-9007199254740992')] },
    })
    expect(await get('/items/9007199254740991')).toEqual({
      status: 200,
      body: { item_id: 9007199254740991, skip: 0 },
    })
  })

  it('answers 422 for one in a JSON body, as a number or as text', async () => {
    const { send } = store()
    expect(await send('{"name":"x","price":1,"stock":9007199254740993}')).toEqual({
      status: 422,
      body: { detail: [tooLarge(['body', 'stock'], 9007199254740992)] },
    })
    expect(await send('{"name":"x","price":1,"stock":"9007199254740993"}')).toEqual({
      status: 422,
      body: { detail: [tooLarge(['body', 'stock'], '9007199254740993')] },
    })
    expect(await send('{"name":"x","price":1,"stock":1e20}')).toEqual({
      status: 422,
      body: { detail: [tooLarge(['body', 'stock'], 1e20)] },
    })
  })

  it('leaves large numbers (not integers) alone', async () => {
    const { send } = store()
    expect(await send('{"name":"x","price":1e300}')).toEqual({
      status: 201,
      body: { name: 'x', price: 1e300 },
    })
  })
})

describe('numbers that are not finite in a response', () => {
  it.each([
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('answers a logged 500 for %s, never a null in a 2xx', async (_name, value) => {
    const { app, entries } = appWithLog()
    app
      .get('/price', { response: t.Object({ price: t.Number() }) }, () => ({ price: value }))
      .get('/maybe', { response: t.Object({ price: t.Union([t.Number(), t.Null()]) }) }, () => ({
        price: value,
      }))
    for (const url of ['/price', '/maybe']) {
      const response = await app.inject(url)
      expect(response.statusCode).toBe(500)
      expect(response.json()).toEqual({ detail: 'Internal Server Error' })
    }
    const logged = entries().filter((entry) => entry.errors !== undefined)
    expect(logged.map((entry) => entry.errors)).toEqual([
      [{ type: 'finite_number', loc: ['price'], msg: 'Input should be a finite number' }],
      [{ type: 'finite_number', loc: ['price'], msg: 'Input should be a finite number' }],
    ])
  })
})
