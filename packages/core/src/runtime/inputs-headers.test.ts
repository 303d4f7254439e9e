/**
 * Headers and cookies over HTTP: header names match without regard to case (`x_token` reads `x-token`),
 * cookies are parsed from the `cookie` header, both are coerced, and only declared ones reach the handler.
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, t } from '../index.ts'

type Injectable = Pick<App, 'inject'>

async function get(app: Injectable, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers })
  return { status: response.statusCode, body: response.json() as unknown }
}

describe('headers', () => {
  const app = createApp()
    .get(
      '/headers',
      {
        headers: {
          x_token: t.String(),
          'X-Count': t.Optional(t.Integer()),
          x_request_id: t.Optional(t.String()),
        },
      },
      ({ headers }) => headers,
    )
    .get('/header-object', { headers: t.Object({ accept_language: t.String() }) }, ({ headers }) => headers)

  it('reads x_token from the x-token header, whatever its case; the handler sees the declared key', async () => {
    expect(await get(app, '/headers', { 'X-TOKEN': 'secret' })).toEqual({
      status: 200,
      body: { x_token: 'secret' },
    })
  })

  it('coerces header values and keeps the declared spelling of each key', async () => {
    expect(await get(app, '/headers', { 'x-token': 'a', 'x-count': '3', 'X-Request-ID': 'r1' })).toEqual({
      status: 200,
      body: { x_token: 'a', 'X-Count': 3, x_request_id: 'r1' },
    })
  })

  it('reads each value of a repeated header into a list parameter (Node joins them with ", ")', async () => {
    const lists = createApp().get(
      '/tokens',
      { headers: { x_token: t.Optional(t.Array(t.String())), x_count: t.Optional(t.Array(t.Integer())) } },
      ({ headers }) => headers,
    )
    const res = await lists.inject({
      url: '/tokens',
      headers: { 'x-token': ['foo', 'bar, baz'], 'x-count': ['1', '2'] },
    })
    expect(res.json()).toEqual({ x_token: ['foo', 'bar, baz'], x_count: [1, 2] })
    const one = await lists.inject({ url: '/tokens', headers: { 'x-token': 'foo' } })
    expect(one.json()).toEqual({ x_token: ['foo'] })
    const bad = await lists.inject({ url: '/tokens', headers: { 'x-count': ['1', 'x'] } })
    expect(bad.json().detail).toMatchObject([
      { type: 'int_parsing', loc: ['header', 'x-count', 1], input: 'x' },
    ])
  })

  it('does not read an underscored header name as the declared dashed one', async () => {
    // FastAPI converts the declared name; the wire name must use dashes.
    expect(await get(app, '/headers', { x_token: 'a' })).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null }] },
    })
  })

  it('reports a missing header and a bad one by wire name', async () => {
    expect(await get(app, '/headers', { 'x-count': 'many' })).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
          {
            type: 'int_parsing',
            loc: ['header', 'x-count'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'many',
          },
        ],
      },
    })
  })

  it('passes only declared headers to the handler (TObject form)', async () => {
    expect(await get(app, '/header-object', { 'accept-language': 'fr', 'x-other': '1' })).toEqual({
      status: 200,
      body: { accept_language: 'fr' },
    })
  })
})

describe('cookies', () => {
  const app = createApp()
    .get(
      '/cookies',
      { cookies: { a: t.Integer(), b: t.String(), c: t.Optional(t.Boolean()) } },
      ({ cookies }) => cookies,
    )
    .get(
      '/cookie-object',
      { cookies: t.Object({ session: t.String({ minLength: 4 }) }) },
      ({ cookies }) => cookies,
    )

  it('parses and coerces cookies; undeclared ones do not reach the handler', async () => {
    expect(await get(app, '/cookies', { cookie: 'a=1; b=x; other=secret' })).toEqual({
      status: 200,
      body: { a: 1, b: 'x' },
    })
  })

  it('reads boolean words in cookies', async () => {
    expect(await get(app, '/cookies', { cookie: 'a=2; b=y; c=Off' })).toEqual({
      status: 200,
      body: { a: 2, b: 'y', c: false },
    })
  })

  it('reports missing and bad cookies', async () => {
    expect(await get(app, '/cookies', { cookie: 'a=one' })).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['cookie', 'a'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'one',
          },
          { type: 'missing', loc: ['cookie', 'b'], msg: 'Field required', input: null },
        ],
      },
    })
  })

  it('reports every cookie missing when there is no cookie header (TObject form)', async () => {
    expect(await get(app, '/cookie-object')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['cookie', 'session'], msg: 'Field required', input: null }] },
    })
    expect(await get(app, '/cookie-object', { cookie: 'session=abcd' })).toEqual({
      status: 200,
      body: { session: 'abcd' },
    })
  })
})
