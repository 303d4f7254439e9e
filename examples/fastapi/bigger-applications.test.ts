// FastAPI's tests/test_tutorial/test_bigger_applications/test_main.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { app } from './bigger-applications.ts'
import { dig, openapiOf } from './support.ts'

const secret = { 'x-token': 'fake-super-secret-token' }
const missing = (where: 'query' | 'header', name: string) => ({
  type: 'missing',
  loc: [where, name],
  msg: 'Field required',
  input: null,
})

/**
 * FastAPI's tests call `/users` and `/items`, and TestClient follows Starlette's 307 to `/users/` and `/items/`.
 * Fastbox answers the same 307 (query string kept); `inject` does not follow redirects, so this does, once.
 */
async function call(method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, headers })
  if (res.statusCode !== 307) return res
  return app.inject({ method, url: String(res.headers.location), headers })
}

describe('bigger_applications', () => {
  it('GET /users redirects to /users/', async () => {
    const res = await app.inject('/users?token=jessica')
    expect([res.statusCode, res.headers.location]).toEqual([307, 'http://localhost:80/users/?token=jessica'])
  })

  it.each([
    ['/users?token=jessica', [{ username: 'Rick' }, { username: 'Morty' }]],
    ['/users/foo?token=jessica', { username: 'foo' }],
    ['/users/me?token=jessica', { username: 'fakecurrentuser' }],
    ['/?token=jessica', { message: 'Hello Bigger Applications!' }],
  ])('GET %s', async (url, expected) => {
    const res = await call('GET', url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  it.each(['/users', '/users/foo', '/users/me', '/'])('GET %s without the token: 422', async (url) => {
    const res = await call('GET', url)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ detail: [missing('query', 'token')] })
  })

  it('GET /users?token=monica: 400', async () => {
    const res = await call('GET', '/users?token=monica')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'No Jessica token provided' })
  })

  it.each([
    ['/items?token=jessica', 200, { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } }],
    ['/items/plumbus?token=jessica', 200, { name: 'Plumbus', item_id: 'plumbus' }],
    ['/items/bar?token=jessica', 404, { detail: 'Item not found' }],
    ['/items', 422, { detail: [missing('query', 'token')] }],
    ['/items/plumbus', 422, { detail: [missing('query', 'token')] }],
  ])('GET %s with the X-Token', async (url, status, expected) => {
    const res = await call('GET', url, secret)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toEqual(expected)
  })

  it.each(['/items?token=jessica', '/items/bar?token=jessica'])(
    'GET %s with an invalid X-Token: 400',
    async (url) => {
      const res = await call('GET', url, { 'x-token': 'invalid' })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ detail: 'X-Token header invalid' })
    },
  )

  it.each(['/items?token=jessica', '/items/plumbus?token=jessica'])(
    'GET %s with no X-Token: 422',
    async (url) => {
      const res = await call('GET', url)
      expect(res.statusCode).toBe(422)
      expect(res.json()).toEqual({ detail: [missing('header', 'x-token')] })
    },
  )

  it('PUT with no token and no header: both errors', async () => {
    const res = await call('PUT', '/items/foo')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ detail: [missing('query', 'token'), missing('header', 'x-token')] })
  })

  // Deliberate difference: FastAPI runs each dependency whose own parameters are valid as it goes, so the
  // router's X-Token check answers 400 although the app's `token` is missing. Fastbox validates every part of the
  // request first and runs no dependency for an invalid request: the missing token is a 422.
  it.each([
    ['PUT', '/items/foo'],
    ['POST', '/admin/'],
  ] as const)('%s %s with an invalid X-Token and no token: 422 (FastAPI: 400)', async (method, url) => {
    const res = await call(method, url, { 'x-token': 'invalid' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ detail: [missing('query', 'token')] })
    const withToken = await call(method, `${url}?token=jessica`, { 'x-token': 'invalid' })
    expect(withToken.statusCode).toBe(400)
    expect(withToken.json()).toEqual({ detail: 'X-Token header invalid' })
  })

  it.each([
    ['/items/plumbus?token=jessica', 200, { item_id: 'plumbus', name: 'The great Plumbus' }],
    ['/items/bar?token=jessica', 403, { detail: 'You can only update the item: plumbus' }],
  ])('PUT %s', async (url, status, expected) => {
    const res = await call('PUT', url, secret)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toEqual(expected)
  })

  it('POST /admin/', async () => {
    const res = await call('POST', '/admin/?token=jessica', secret)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ message: 'Admin getting schwifty' })
  })

  it('openapi: paths, tags, parameters from every level, responses merged', async () => {
    const document = await openapiOf(app)
    const summary = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => [
          `${method} ${path}`,
          dig(operation, 'tags') ?? [],
          ((dig(operation, 'parameters') ?? []) as { in: string; name: string }[]).map(
            (p) => `${p.in}:${p.name}`,
          ),
          Object.keys(dig(operation, 'responses') as object),
        ]),
    )
    // As FastAPI's, but for the operationIds (Fastbox: method and path; FastAPI: `read_users_users__get`, ...).
    expect(summary).toEqual([
      ['get /users/', ['users'], ['query:token'], ['200', '422']],
      ['get /users/me', ['users'], ['query:token'], ['200', '422']],
      ['get /users/{username}', ['users'], ['path:username', 'query:token'], ['200', '422']],
      ['get /items/', ['items'], ['query:token', 'header:x-token'], ['200', '404', '422']],
      [
        'get /items/{item_id}',
        ['items'],
        ['path:item_id', 'query:token', 'header:x-token'],
        ['200', '404', '422'],
      ],
      [
        'put /items/{item_id}',
        ['items', 'custom'],
        ['path:item_id', 'query:token', 'header:x-token'],
        ['200', '403', '404', '422'],
      ],
      ['post /admin/', ['admin'], ['query:token', 'header:x-token'], ['200', '418', '422']],
      ['get /', [], ['query:token'], ['200', '422']],
    ])
    // Difference: an error status documented with a description only gets Fastbox's `{"detail": ...}` body
    // (the HTTPError component), which is what HTTPException sends; FastAPI writes the description alone.
    expect(dig(document, 'paths', '/items/', 'get', 'responses', '404')).toEqual({
      description: 'Not found',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } },
    })
    expect(dig(document, 'paths', '/admin/', 'post', 'responses', '418', 'description')).toBe("I'm a teapot")
  })
})
