/**
 * Form bodies over HTTP (`application/x-www-form-urlencoded`, FastAPI's `Form()`): fields coerced from
 * text as query parameters are, errors under `"body"` in the one 422 with the other parts, 415 for a body of
 * the other kind, and the declaration mistakes refused at registration.
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, dependency, FastboxError, t } from '../index.ts'

type Injectable = Pick<App, 'inject'>

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function send(app: Injectable, url: string, payload?: string, headers: Record<string, string> = FORM) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload !== undefined && { payload }),
  })
  return { status: response.statusCode, body: response.json() as unknown }
}

describe('form body', () => {
  const app = createApp()
    .post(
      '/login',
      {
        form: {
          username: t.String({ minLength: 2 }),
          age: t.Integer({ minimum: 0 }),
          remember: t.Boolean({ default: false }),
          tags: t.Array(t.String(), { default: [] }),
          note: t.Optional(t.String()),
        },
      },
      ({ form }) => ({ form, keys: Object.keys(form) }),
    )
    .post(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer() },
        query: { q: t.Integer() },
        headers: { x_token: t.String() },
        form: t.Object({ name: t.String(), price: t.Number() }),
      },
      ({ path, query, form }) => ({ path, query, form }),
    )
    .post('/json', { body: t.Object({ name: t.String() }) }, ({ body }) => body)

  it('gives the coerced fields to the handler, with defaults, and drops undeclared ones', async () => {
    expect(await send(app, '/login', 'username=alice&age=42&remember=yes&extra=1')).toEqual({
      status: 200,
      body: {
        form: { username: 'alice', age: 42, remember: true, tags: [] },
        keys: ['username', 'age', 'remember', 'tags'],
      },
    })
  })

  it('decodes percent-escapes and `+`, and fills an array from a repeated key', async () => {
    expect(await send(app, '/login', 'username=a+b%26c&age=1&tags=x&tags=y%20z&note=%C3%A9')).toEqual({
      status: 200,
      body: {
        form: { username: 'a b&c', age: 1, remember: false, tags: ['x', 'y z'], note: 'é' },
        keys: ['username', 'age', 'tags', 'note', 'remember'],
      },
    })
  })

  it('takes the last value of a repeated key for a one-value field', async () => {
    const { body } = await send(app, '/login', 'username=first&username=last&age=1')
    expect(body).toMatchObject({ form: { username: 'last' } })
  })

  it('reports a missing field at ["body", name] with input null, as FastAPI does', async () => {
    expect(await send(app, '/login', 'age=1')).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null }] },
    })
  })

  it('reports every field of a request without a body as missing', async () => {
    for (const [payload, headers] of [
      [undefined, {}],
      ['', FORM],
    ] as const) {
      const { status, body } = await send(app, '/login', payload, headers)
      expect(status).toBe(422)
      expect(body).toEqual({
        detail: [
          { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['body', 'age'], msg: 'Field required', input: null },
        ],
      })
    }
  })

  it('reports text that is not of the field’s type as a parsing error, echoing the text sent', async () => {
    expect(await send(app, '/login', 'username=x&age=old&remember=maybe')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_too_short',
            loc: ['body', 'username'],
            msg: 'String should have at least 2 characters',
            input: 'x',
            ctx: { min_length: 2 },
          },
          {
            type: 'int_parsing',
            loc: ['body', 'age'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'old',
          },
          {
            type: 'bool_parsing',
            loc: ['body', 'remember'],
            msg: 'Input should be a valid boolean, unable to interpret input',
            input: 'maybe',
          },
        ],
      },
    })
  })

  it('lists the form’s errors after those of the path, query and headers, in one 422', async () => {
    const { status, body } = await send(app, '/items/x?q=y', 'price=cheap')
    expect(status).toBe(422)
    expect((body as { detail: { loc: unknown[]; type: string }[] }).detail).toEqual([
      expect.objectContaining({ loc: ['path', 'item_id'], type: 'int_parsing', input: 'x' }),
      expect.objectContaining({ loc: ['query', 'q'], type: 'int_parsing', input: 'y' }),
      expect.objectContaining({ loc: ['header', 'x-token'], type: 'missing' }),
      expect.objectContaining({ loc: ['body', 'name'], type: 'missing', input: null }),
      expect.objectContaining({ loc: ['body', 'price'], type: 'float_parsing', input: 'cheap' }),
    ])
  })

  it('reads a form declared as a TypeBox object with the other parts', async () => {
    expect(await send(app, '/items/3?q=4', 'name=Pen&price=1.5', { ...FORM, 'x-token': 't' })).toEqual({
      status: 200,
      body: { path: { item_id: 3 }, query: { q: 4 }, form: { name: 'Pen', price: 1.5 } },
    })
  })

  it('reads a form declared as a shared ($id) object', async () => {
    const Login = t.Object({ user: t.String(), n: t.Integer() }, { $id: 'Login' })
    const shared = createApp()
      .post('/form', { form: Login }, ({ form }) => form)
      .post('/json', { body: Login }, ({ body }) => body)
    expect(await send(shared, '/form', 'user=a&n=1')).toEqual({ status: 200, body: { user: 'a', n: 1 } })
    expect((await send(shared, '/form', 'user=a')).body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'n'], msg: 'Field required', input: null }],
    })
  })

  it('answers 415 to a JSON body sent to a form route, and to any other media type', async () => {
    const json = await send(app, '/login', '{"username":"alice","age":1}', {
      'content-type': 'application/json',
    })
    expect(json).toEqual({
      status: 415,
      body: {
        detail:
          'Unsupported Media Type: the body must be application/x-www-form-urlencoded or multipart/form-data',
      },
    })
    expect((await send(app, '/login', 'username=alice', { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await send(app, '/login', 'x', { 'content-type': 'application/xml' })).status).toBe(415)
  })

  it('answers 415 to a form sent to a JSON route', async () => {
    expect(await send(app, '/json', 'name=alice')).toEqual({
      status: 415,
      body: { detail: 'Unsupported Media Type: the body must be application/json' },
    })
  })

  it('accepts parameters on the media type (charset)', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }
    expect((await send(app, '/login', 'username=alice&age=1', headers)).status).toBe(200)
  })

  it('reads a field named constructor as data, and leaves prototypes alone', async () => {
    const proto = createApp().post(
      '/',
      { form: { constructor: t.String(), toString: t.Optional(t.String()) } },
      ({ form }) => ({ form, keys: Object.keys(form) }),
    )
    expect(await send(proto, '/', '__proto__=x&__proto__%5Bpolluted%5D=1&constructor=y')).toEqual({
      status: 200,
      body: { form: { constructor: 'y' }, keys: ['constructor'] },
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('form fields of dependencies', () => {
  const credentials = dependency(
    { form: { username: t.String(), password: t.String() } },
    ({ form }) => `${form.username}:${form.password}`,
  )

  it('merges them with the route’s own, validated together', async () => {
    const app = createApp().post(
      '/token',
      { form: { scope: t.String({ default: '' }) }, deps: { credentials } },
      ({ form, deps }) => ({ scope: form.scope, credentials: deps.credentials }),
    )
    expect(await send(app, '/token', 'username=a&password=b&scope=x')).toEqual({
      status: 200,
      body: { scope: 'x', credentials: 'a:b' },
    })
    const { body } = await send(app, '/token', 'scope=x')
    expect((body as { detail: { loc: unknown[] }[] }).detail.map((item) => item.loc)).toEqual([
      ['body', 'username'],
      ['body', 'password'],
    ])
  })

  it('refuses one field declared with two schemas', () => {
    expect(() =>
      createApp().post('/', { form: { username: t.Integer() }, deps: { credentials } }, () => null),
    ).toThrowError(/form field "username" with two different schemas/)
  })
})

describe('body or form, not both', () => {
  it('refuses a route that declares both', () => {
    const declare = () =>
      createApp().post('/', { body: t.Object({ a: t.String() }), form: { b: t.String() } }, () => null)
    expect(declare).toThrowError(FastboxError)
    expect(declare).toThrowError(/both a JSON body \(body\) and a form body \(form\)/)
  })

  it('refuses a JSON body route whose dependency reads a form', () => {
    const login = dependency({ form: { username: t.String() } }, ({ form }) => form.username)
    expect(() =>
      createApp().post('/', { body: t.Object({ a: t.String() }), deps: { login } }, () => null),
    ).toThrowError(FastboxError)
  })
})
