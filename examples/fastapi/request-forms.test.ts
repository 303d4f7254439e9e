// FastAPI's tests/test_tutorial/test_request_forms/test_tutorial001.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { app } from './request-forms.ts'
import { dig, openapiOf } from './support.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const missing = (name: string) => ({
  type: 'missing',
  loc: ['body', name],
  msg: 'Field required',
  input: null,
})
const login = (payload?: string) =>
  app.inject({ method: 'POST', url: '/login/', ...(payload === undefined ? {} : { headers: form, payload }) })

describe('request_forms tutorial001', () => {
  it('a form', async () => {
    const res = await login('username=Foo&password=secret')
    expect([res.statusCode, res.json()]).toEqual([200, { username: 'Foo' }])
  })

  it.each([
    ['username=Foo', [missing('password')]],
    ['password=secret', [missing('username')]],
    [undefined, [missing('username'), missing('password')]],
  ])('the form %s: 422', async (payload, detail) => {
    const res = await login(payload)
    expect([res.statusCode, res.json()]).toEqual([422, { detail }])
  })

  // Deliberate difference: FastAPI reads a JSON body as an empty form (two `missing` items); Fastbox answers 415.
  it('a JSON body: 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/login/',
      payload: { username: 'Foo', password: 'secret' },
    })
    expect(res.statusCode).toBe(415)
    expect(res.json()).toEqual({
      detail: 'Unsupported Media Type: the body must be application/x-www-form-urlencoded',
    })
  })

  it('openapi: an urlencoded request body with both fields required', async () => {
    const document = await openapiOf(app)
    expect(
      dig(
        document,
        'paths',
        '/login/',
        'post',
        'requestBody',
        'content',
        'application/x-www-form-urlencoded',
        'schema',
      ),
    ).toMatchObject({
      type: 'object',
      required: ['username', 'password'],
    })
  })
})
