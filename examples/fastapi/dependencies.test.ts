// FastAPI's tests/test_tutorial/test_dependencies/test_tutorial001_tutorial001_02.py,
// test_tutorial002_tutorial003_tutorial004.py, test_tutorial005.py, test_tutorial006.py, test_tutorial008b.py,
// test_tutorial008c.py, test_tutorial011.py and test_tutorial012.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  swallowed,
  tutorial001,
  tutorial004,
  tutorial005,
  tutorial006,
  tutorial008b,
  tutorial008c,
  tutorial011,
  tutorial012,
} from './dependencies.ts'
import { dig, injectFollowing, openapiOf } from './support.ts'

const missingHeader = (name: string) => ({
  type: 'missing',
  loc: ['header', name],
  msg: 'Field required',
  input: null,
})

describe('dependencies tutorial001', () => {
  it.each([
    ['/items', { q: null, skip: 0, limit: 100 }],
    ['/items?q=foo', { q: 'foo', skip: 0, limit: 100 }],
    ['/items?q=foo&skip=5', { q: 'foo', skip: 5, limit: 100 }],
    ['/items?q=foo&skip=5&limit=30', { q: 'foo', skip: 5, limit: 30 }],
    ['/users', { q: null, skip: 0, limit: 100 }],
  ])('GET %s', async (url, expected) => {
    const res = await injectFollowing(tutorial001, { url })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  it("openapi: the dependency's parameters are the operation's", async () => {
    const document = await openapiOf(tutorial001)
    expect(dig(document, 'paths', '/items/', 'get', 'parameters')).toEqual([
      { name: 'q', in: 'query', required: false, schema: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 100 } },
    ])
  })
})

describe('dependencies tutorial004', () => {
  const all = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]
  it.each([
    ['/items', { items: all }],
    ['/items?q=foo', { items: all, q: 'foo' }],
    ['/items?q=foo&skip=1', { items: all.slice(1), q: 'foo' }],
    ['/items?q=bar&limit=2', { items: all.slice(0, 2), q: 'bar' }],
    ['/items?q=bar&skip=1&limit=1', { items: [{ item_name: 'Bar' }], q: 'bar' }],
    ['/items?limit=1&q=bar&skip=1', { items: [{ item_name: 'Bar' }], q: 'bar' }],
  ])('GET %s', async (url, expected) => {
    const res = await injectFollowing(tutorial004, { url })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })
})

describe('dependencies tutorial005', () => {
  it.each([
    ['/items', 'from_cookie', { q_or_cookie: 'from_cookie' }],
    ['/items?q=foo', 'from_cookie', { q_or_cookie: 'foo' }],
    ['/items', undefined, { q_or_cookie: null }],
  ])('GET %s with the cookie %s', async (url, cookie, expected) => {
    const headers: Record<string, string> = cookie === undefined ? {} : { cookie: `last_query=${cookie}` }
    const res = await injectFollowing(tutorial005, { url, headers })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })
})

describe.each([
  ['tutorial006', tutorial006, ['/items/'], [{ item: 'Foo' }, { item: 'Bar' }]],
  ['tutorial012', tutorial012, ['/items/', '/users/'], undefined],
] as const)('dependencies %s', (_name, app, urls, items) => {
  const valid = { 'x-token': 'fake-super-secret-token', 'x-key': 'fake-super-secret-key' }

  it.each(urls)('GET %s with no headers: both missing', async (url) => {
    const res = await app.inject(url)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ detail: [missingHeader('x-token'), missingHeader('x-key')] })
  })

  // Deliberate difference (as in bigger_applications): FastAPI runs verify_token, whose header is there, and
  // answers its 400; Fastbox validates every part first, so the missing X-Key is a 422 and no dependency runs.
  it.each(urls)('GET %s with an invalid X-Token and no X-Key: 422 (FastAPI: 400)', async (url) => {
    const res = await app.inject({ url, headers: { 'x-token': 'invalid' } })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ detail: [missingHeader('x-key')] })
  })

  it.each(urls)('GET %s with an invalid X-Token: 400', async (url) => {
    const res = await app.inject({ url, headers: { ...valid, 'x-token': 'invalid' } })
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'X-Token header invalid' }])
  })

  it.each(urls)('GET %s with an invalid X-Key: 400', async (url) => {
    const res = await app.inject({ url, headers: { ...valid, 'x-key': 'invalid' } })
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'X-Key header invalid' }])
  })

  it.each(urls)('GET %s with valid headers', async (url) => {
    const res = await app.inject({ url, headers: valid })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(
      items ??
        (url === '/items/'
          ? [{ item: 'Portal Gun' }, { item: 'Plumbus' }]
          : [{ username: 'Rick' }, { username: 'Morty' }]),
    )
  })
})

describe('dependencies tutorial008b', () => {
  it('no item: 404', async () => {
    const res = await tutorial008b.inject('/items/foo')
    expect([res.statusCode, res.json()]).toEqual([404, { detail: 'Item not found' }])
  })

  it("the handler's OwnerError, turned into a 400 by the dependency", async () => {
    const res = await tutorial008b.inject('/items/plumbus')
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'Owner error: Rick' }])
  })

  it('an item', async () => {
    const res = await tutorial008b.inject('/items/portal-gun')
    expect([res.statusCode, res.json()]).toEqual([
      200,
      { description: 'Gun to create portals', owner: 'Rick' },
    ])
  })
})

describe('dependencies tutorial008c', () => {
  it('no item: 404', async () => {
    const res = await tutorial008c.inject('/items/foo')
    expect([res.statusCode, res.json()]).toEqual([
      404,
      { detail: "Item not found, there's only a plumbus here" },
    ])
  })

  it('an item', async () => {
    const res = await tutorial008c.inject('/items/plumbus')
    expect([res.statusCode, res.json()]).toEqual([200, 'plumbus'])
  })

  // FastAPI raises a FastAPIError in the test client and answers a plain-text 500 "Internal Server Error".
  // Difference: Fastbox answers its usual JSON 500; the swallowed error still fails the request.
  it('an error the dependency swallows still answers 500', async () => {
    const res = await tutorial008c.inject('/items/portal-gun')
    expect([res.statusCode, res.json()]).toEqual([500, { detail: 'Internal Server Error' }])
    expect(swallowed).toContain("Oops, we didn't raise again, Britney 😱")
  })
})

describe('dependencies tutorial011', () => {
  it.each([
    ['/query-checker/', false],
    ['/query-checker/?q=qwerty', false],
    ['/query-checker/?q=foobar', true],
  ])('GET %s', async (url, included) => {
    const res = await tutorial011.inject(url)
    expect([res.statusCode, res.json()]).toEqual([200, { fixed_content_in_query: included }])
  })
})
