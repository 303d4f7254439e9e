/**
 * A `writeOnly` field (a password), or one of format `password`, is never echoed in a 422's `input`: neither as
 * the input of its own item nor inside an object echoed by another item, at any depth.
 */
import { describe, expect, it } from 'vitest'
import { bodyErrors, queryErrors } from '../../test/support.ts'
import { createApp, t } from '../index.ts'

const Login = t.Object({
  username: t.String({ minLength: 3 }),
  password: t.String({ minLength: 8, writeOnly: true }),
  pin: t.Optional(t.String({ format: 'password', maxLength: 4 })),
  profile: t.Optional(t.Object({ secret: t.String({ writeOnly: true }), age: t.Integer() })),
  email: t.String(),
})

describe('writeOnly fields in a JSON body', () => {
  it('leaves the input out of an item about a write-only or password-format field', async () => {
    expect(
      await bodyErrors(Login, { username: 'ada', password: 'short', pin: '123456', email: 'a' }),
    ).toEqual([
      {
        type: 'string_too_short',
        loc: ['body', 'password'],
        msg: 'String should have at least 8 characters',
        ctx: { min_length: 8 },
      },
      {
        type: 'string_too_long',
        loc: ['body', 'pin'],
        msg: 'String should have at most 4 characters',
        ctx: { max_length: 4 },
      },
    ])
  })

  it('leaves write-only fields out of an echoed object, at any depth', async () => {
    const sent = { username: 'ada', password: 'hunter22', pin: '1234', profile: { secret: 's3', age: 'x' } }
    expect(await bodyErrors(Login, sent)).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'profile', 'age'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
      {
        type: 'missing',
        loc: ['body', 'email'],
        msg: 'Field required',
        input: { username: 'ada', profile: { age: 'x' } },
      },
    ])
  })

  it('follows shared schemas and arrays', async () => {
    const Credential = t.Object(
      { user: t.String(), key: t.String({ writeOnly: true }) },
      { $id: 'Credential' },
    )
    expect(
      await bodyErrors(t.Object({ list: t.Array(Credential), n: t.Integer() }), { list: [{ key: 'k' }] }),
    ).toEqual([
      { type: 'missing', loc: ['body', 'list', 0, 'user'], msg: 'Field required', input: {} },
      { type: 'missing', loc: ['body', 'n'], msg: 'Field required', input: { list: [{}] } },
    ])
  })

  it('echoes other inputs as before', async () => {
    expect(await bodyErrors(Login, { username: 'a', password: 'long enough', email: 'a' })).toEqual([
      {
        type: 'string_too_short',
        loc: ['body', 'username'],
        msg: 'String should have at least 3 characters',
        input: 'a',
        ctx: { min_length: 3 },
      },
    ])
  })
})

describe('writeOnly fields in parameters and forms', () => {
  it('leaves the input of a write-only query parameter out', async () => {
    expect(await queryErrors({ token: t.String({ minLength: 10, writeOnly: true }) }, 'token=abc')).toEqual([
      {
        type: 'string_too_short',
        loc: ['query', 'token'],
        msg: 'String should have at least 10 characters',
        ctx: { min_length: 10 },
      },
    ])
  })

  it('leaves the input of a write-only form field out', async () => {
    const app = createApp().post(
      '/login',
      { form: { username: t.String(), password: t.String({ minLength: 8, writeOnly: true }) } },
      () => null,
    )
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      payload: 'username=ada&password=short',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'string_too_short',
          loc: ['body', 'password'],
          msg: 'String should have at least 8 characters',
          ctx: { min_length: 8 },
        },
      ],
    })
  })
})
