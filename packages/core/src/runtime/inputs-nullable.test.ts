/**
 * `X | None = None`, FastAPI's most common parameter: `nullable(schema)` (or any schema whose default is
 * `null`) gives `null` when the client leaves it out, and reads text as the schema says otherwise; `null` is
 * never coerced to `0`, `false` or `""`, and text never to `null`. Types: `spec/nullable.test-d.ts`.
 */
import { describe, expect, it } from 'vitest'
import { createApp, nullable, t } from '../index.ts'

describe('nullable parameters default to null', () => {
  const app = createApp()
    .get(
      '/items',
      {
        query: {
          q: nullable(t.String()),
          limit: nullable(t.Integer({ minimum: 1 })),
          ratio: nullable(t.Number()),
          exact: nullable(t.Boolean()),
          // The same as written out by hand, `null` branch first.
          flag: t.Union([t.Null(), t.Boolean()], { default: null }),
          tags: nullable(t.Array(t.String())),
        },
        headers: { x_trace: nullable(t.String()) },
        cookies: { session: nullable(t.Integer()) },
      },
      ({ query, headers, cookies }) => ({ ...query, trace: headers.x_trace, session: cookies.session }),
    )
    .post('/login', { form: { remember: nullable(t.Boolean()) } }, ({ form }) => form)

  it('answers null for every parameter left out, as FastAPI does (not 0, false, "" or a missing key)', async () => {
    const response = await app.inject('/items')
    expect(response.json()).toEqual({
      q: null,
      limit: null,
      ratio: null,
      exact: null,
      flag: null,
      tags: null,
      trace: null,
      session: null,
    })
    const form = await app.inject({
      method: 'POST',
      url: '/login',
      payload: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.json()).toEqual({ remember: null })
  })

  it('reads the values sent as their schema says; false, 0 and "" stay what they are', async () => {
    const response = await app.inject({
      url: '/items?q=&limit=5&ratio=0&exact=false&flag=off&tags=a&tags=b',
      headers: { 'x-trace': 'abc', cookie: 'session=0' },
    })
    expect(response.json()).toEqual({
      q: '',
      limit: 5,
      ratio: 0,
      exact: false,
      flag: false,
      tags: ['a', 'b'],
      trace: 'abc',
      session: 0,
    })
  })

  it('never reads text as null: an empty number is an int_parsing error', async () => {
    const response = await app.inject('/items?limit=&exact=maybe&ratio=0')
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['query', 'limit'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: '',
        },
        {
          type: 'bool_parsing',
          loc: ['query', 'exact'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'maybe',
        },
      ],
    })
    const bounded = await app.inject('/items?limit=0')
    expect(bounded.json()).toMatchObject({ detail: [{ type: 'greater_than_equal', input: '0' }] })
  })
})

describe('nullable body fields default to null', () => {
  const app = createApp().post(
    '/items',
    { body: t.Object({ name: t.String(), description: nullable(t.String()), tax: nullable(t.Number()) }) },
    ({ body }) => body,
  )

  it('fills null in for a field left out, and takes null or a value', async () => {
    const send = async (payload: unknown) =>
      (
        await app.inject({
          method: 'POST',
          url: '/items',
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        })
      ).json()
    expect(await send({ name: 'Foo' })).toEqual({ name: 'Foo', description: null, tax: null })
    expect(await send({ name: 'Foo', description: null, tax: '1.5' })).toEqual({
      name: 'Foo',
      description: null,
      tax: 1.5,
    })
  })
})
