// FastAPI's tests/test_tutorial/test_header_params/test_tutorial001.py ... test_tutorial003.py and
// tests/test_tutorial/test_cookie_params/test_tutorial001.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  cookieTutorial001,
  headerTutorial001,
  headerTutorial002,
  headerTutorial003,
} from './header-cookie-params.ts'
import { dig, injectFollowing, openapiOf } from './support.ts'

describe('header_params tutorial001', () => {
  it.each([
    // light-my-request's User-Agent is `lightMyRequest` (TestClient's is `testclient`).
    [{}, { 'User-Agent': 'lightMyRequest' }],
    [{ 'X-Header': 'notvalid' }, { 'User-Agent': 'lightMyRequest' }],
    [{ 'User-Agent': 'FastAPI test' }, { 'User-Agent': 'FastAPI test' }],
  ])('GET /items with %j', async (headers, expected) => {
    const res = await injectFollowing(headerTutorial001, { url: '/items', headers })
    expect([res.statusCode, res.json()]).toEqual([200, expected])
  })

  it('openapi: documented as the header user-agent', async () => {
    const document = await openapiOf(headerTutorial001)
    expect(dig(document, 'paths', '/items/', 'get', 'parameters', 0)).toMatchObject({
      name: 'user-agent',
      in: 'header',
      required: false,
    })
  })
})

describe('header_params tutorial002', () => {
  it.each([
    [{}, null],
    [{ 'X-Header': 'notvalid' }, null],
  ])('GET /items with %j', async (headers, value) => {
    const res = await injectFollowing(headerTutorial002, { url: '/items', headers })
    expect([res.statusCode, res.json()]).toEqual([200, { strange_header: value }])
  })

  // Deliberate difference (no `convert_underscores=False`): FastAPI reads `strange_header` and ignores
  // `strange-header`; Fastbox reads `strange-header`.
  it.each([
    [{ strange_header: 'FastAPI test' }, null],
    [{ 'strange-header': 'Not really underscore' }, 'Not really underscore'],
  ])('GET /items with %j (FastAPI: the reverse)', async (headers, value) => {
    const res = await injectFollowing(headerTutorial002, { url: '/items', headers })
    expect([res.statusCode, res.json()]).toEqual([200, { strange_header: value }])
  })
})

describe('header_params tutorial003', () => {
  it.each([
    [{}, null],
    [{ 'x-token': 'foo' }, ['foo']],
    [{ 'x-token': ['foo', 'bar'] }, ['foo', 'bar']],
  ])('GET /items with %j', async (headers, values) => {
    const res = await headerTutorial003.inject({ url: '/items/', headers })
    expect([res.statusCode, res.json()]).toEqual([200, { 'X-Token values': values }])
  })
})

describe('cookie_params tutorial001', () => {
  it.each([
    [undefined, { ads_id: null }],
    ['ads_id=ads_track', { ads_id: 'ads_track' }],
    ['ads_id=ads_track; session=cookiesession', { ads_id: 'ads_track' }],
    ['session=cookiesession', { ads_id: null }],
  ])('GET /items with the cookies %s', async (cookie, expected) => {
    const headers: Record<string, string> = cookie === undefined ? {} : { cookie }
    const res = await injectFollowing(cookieTutorial001, { url: '/items', headers })
    expect([res.statusCode, res.json()]).toEqual([200, expected])
  })

  it('openapi: a cookie parameter', async () => {
    const document = await openapiOf(cookieTutorial001)
    expect(dig(document, 'paths', '/items/', 'get', 'parameters', 0)).toEqual({
      name: 'ads_id',
      in: 'cookie',
      required: false,
      schema: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    })
  })
})
