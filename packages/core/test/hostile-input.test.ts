/**
 * Hostile requests: prototype keys, very deep JSON, huge failing bodies, thousands of query keys and an
 * oversized body. Each gets a clear error or a correct answer in bounded time, the server keeps answering
 * normal requests afterwards, and `Object.prototype` is never touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, MAX_ERROR_ITEMS, t } from '../src/index.ts'

const Node = t.Recursive((Self) => t.Object({ child: t.Optional(Self), value: t.Optional(t.Integer()) }))
const Cat = t.Object({ kind: t.Literal('cat'), lives: t.Integer() })
const Dog = t.Object({ kind: t.Literal('dog'), bark: t.String() })

// Room for 100,000-item bodies (a few MB); the 10 MB body is still too large, as it is for the default 1 MiB.
const app = createApp({ fastify: { bodyLimit: 4 * 1024 * 1024 } })
  .get('/health', () => ({ ok: true }))
  .post('/items', { body: t.Object({ name: t.String(), price: t.Optional(t.Number()) }) }, ({ body }) => ({
    body,
    keys: Object.keys(body),
  }))
  .post('/tree', { body: Node }, () => ({ ok: true }))
  .post('/numbers', { body: t.Array(t.Integer()) }, ({ body }) => ({ count: body.length }))
  .post('/rows', { body: t.Array(t.Object({ id: t.Integer(), name: t.String() })) }, ({ body }) => ({
    count: body.length,
  }))
  .post('/pets', { body: t.Array(t.Union([Cat, Dog])) }, ({ body }) => ({ count: body.length }))
  .post(
    '/named',
    { body: t.Object({ constructor: t.Optional(t.String()), name: t.String() }) },
    ({ body }) => body,
  )
  .get(
    '/search',
    { query: { q: t.Optional(t.String()), constructor: t.Optional(t.String()) } },
    ({ query }) => ({
      query,
      keys: Object.keys(query),
    }),
  )
  .get(
    '/strict',
    { query: t.Object({ q: t.Optional(t.String()) }, { additionalProperties: false }) },
    ({ query }) => query,
  )
  .get('/tags', { query: { tag: t.Array(t.Integer()) } }, ({ query }) => ({ count: query.tag.length }))

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(() => app.ready())
afterAll(() => app.close())

async function postJson(url: string, payload: string) {
  const response = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json' },
  })
  return { status: response.statusCode, body: response.json() as unknown }
}

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url })
  return { status: response.statusCode, body: response.json() as unknown }
}

/**
 * Runs `send` and logs how long it took, for the reader. Its cost is bounded by what the answers prove (at most
 * `MAX_ERROR_ITEMS` errors, bodies refused by size) and measured in the bench (`bench/http/bad-input.ts`), never by
 * a clock here: a loaded machine would make such a bound fail for nothing.
 */
async function timed<T>(label: string, send: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await send()
  console.log(`[hostile-input] ${label}: ${(performance.now() - start).toFixed(1)} ms`)
  return result
}

/** After every hostile request: the server still answers, and no prototype was polluted. */
async function expectServerHealthy() {
  expect(await get('/health')).toEqual({ status: 200, body: { ok: true } })
  expect(await postJson('/items', '{"name":"ok","price":1}')).toEqual({
    status: 200,
    body: { body: { name: 'ok', price: 1 }, keys: ['name', 'price'] },
  })
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames)
  const probe: Record<string, unknown> = {}
  expect([probe.polluted, probe.isAdmin, probe.x]).toEqual([undefined, undefined, undefined])
}

const forbiddenKey = (loc: (string | number)[]) => ({
  detail: [
    {
      type: 'json_invalid',
      loc,
      msg: 'JSON decode error',
      input: {},
      ctx: { error: 'Object contains a forbidden "__proto__" or "constructor.prototype" key' },
    },
  ],
})

describe('prototype keys in a JSON body', () => {
  it.each([
    ['at the top', '{"name":"a","__proto__":{"isAdmin":true,"polluted":1}}'],
    ['nested in an array', '{"name":"a","list":[{"x":{"__proto__":{"polluted":1}}}]}'],
    ['escaped', '{"name":"a","\\u005f_proto__":{"polluted":1}}'],
    ['as constructor.prototype', '{"name":"a","constructor":{"prototype":{"polluted":1}}}'],
  ])('refuses __proto__ %s with json_invalid', async (_where, payload) => {
    expect(await postJson('/items', payload)).toEqual({ status: 422, body: forbiddenKey(['body']) })
    await expectServerHealthy()
  })

  it('drops an undeclared "constructor" field like any other', async () => {
    expect(await postJson('/items', '{"name":"a","constructor":"x"}')).toEqual({
      status: 200,
      body: { body: { name: 'a' }, keys: ['name'] },
    })
    await expectServerHealthy()
  })

  it('reads a declared "constructor" field as data', async () => {
    expect(await postJson('/named', '{"name":"a","constructor":"x"}')).toEqual({
      status: 200,
      body: { name: 'a', constructor: 'x' },
    })
    await expectServerHealthy()
  })

  // Ajv must not read an absent optional field through the prototype chain (`data.constructor` is `Object`).
  it('leaves a declared optional "constructor" field out when the body lacks it', async () => {
    expect(await postJson('/named', '{"name":"a"}')).toEqual({ status: 200, body: { name: 'a' } })
  })
})

describe('prototype keys in the query string', () => {
  it('ignores undeclared __proto__, constructor and toString keys', async () => {
    expect(await get('/search?__proto__=x&toString=1&hasOwnProperty=2&q=a')).toEqual({
      status: 200,
      body: { query: { q: 'a' }, keys: ['q'] },
    })
    expect(await get('/search?__proto__=a&__proto__=b')).toEqual({
      status: 200,
      body: { query: {}, keys: [] },
    })
    await expectServerHealthy()
  })

  it('reads a declared "constructor" parameter, and leaves it out when absent', async () => {
    expect(await get('/search?constructor=x')).toEqual({
      status: 200,
      body: { query: { constructor: 'x' }, keys: ['constructor'] },
    })
    expect(await get('/search')).toEqual({ status: 200, body: { query: {}, keys: [] } })
    await expectServerHealthy()
  })

  it('reports __proto__ and constructor as extra keys where extras are forbidden', async () => {
    const extra = (name: string, input: unknown) => ({
      type: 'extra_forbidden',
      loc: ['query', name],
      msg: 'Extra inputs are not permitted',
      input,
    })
    expect(await get('/strict?__proto__=x')).toEqual({
      status: 422,
      body: { detail: [extra('__proto__', 'x')] },
    })
    expect(await get('/strict?__proto__=a&__proto__=b&constructor=c')).toEqual({
      status: 422,
      body: { detail: [extra('__proto__', ['a', 'b']), extra('constructor', 'c')] },
    })
    await expectServerHealthy()
  })
})

describe('JSON nested 10,000 deep', () => {
  const depth = 10_000
  const deepObject = `${'{"child":'.repeat(depth)}{}${'}'.repeat(depth)}`
  const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`

  it('drops a deep undeclared field without walking it', async () => {
    const result = await timed('deep undeclared field', () =>
      postJson('/items', `{"name":"a","x":${deepObject}}`),
    )
    expect(result).toEqual({ status: 200, body: { body: { name: 'a' }, keys: ['name'] } })
    await expectServerHealthy()
  })

  it('reports a deep array given for an object, without echoing it', async () => {
    const result = await timed('deep array for an object', () => postJson('/items', deepArray))
    expect(result).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'model_attributes_type',
            loc: ['body'],
            msg: 'Input should be a valid dictionary or object to extract fields from',
          },
        ],
      },
    })
    await expectServerHealthy()
  })

  it('answers 422 when a recursive schema would have to recurse 10,000 times', async () => {
    const result = await timed('deep recursive schema', () => postJson('/tree', deepObject))
    expect(result).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'json_invalid',
            loc: ['body'],
            msg: 'JSON decode error',
            input: {},
            ctx: { error: 'The JSON document is nested too deeply' },
          },
        ],
      },
    })
    await expectServerHealthy()
  })

  it('still validates a recursive document of a reasonable depth', async () => {
    const tree = `${'{"child":'.repeat(200)}{"value":1}${'}'.repeat(200)}`
    expect(await postJson('/tree', tree)).toEqual({ status: 200, body: { ok: true } })
  })

  it('refuses a __proto__ key at the bottom of a deep document', async () => {
    const payload = `{"name":"a","x":${'{"child":'.repeat(depth)}{"__proto__":{"polluted":1}}${'}'.repeat(depth)}}`
    const result = await timed('deep __proto__', () => postJson('/items', payload))
    expect(result).toEqual({ status: 422, body: forbiddenKey(['body']) })
    await expectServerHealthy()
  })
})

describe('100,000 failing array items', () => {
  const count = 100_000
  const intParsing = (index: number) => ({
    type: 'int_parsing',
    loc: ['body', index],
    msg: 'Input should be a valid integer, unable to parse string as an integer',
    input: 'x',
  })

  it.each([
    ['integers', '/numbers', 'x', intParsing],
    [
      'objects missing a field',
      '/rows',
      { id: 1 },
      (index: number) => ({
        type: 'missing',
        loc: ['body', index, 'name'],
        msg: 'Field required',
        input: { id: 1 },
      }),
    ],
    [
      'unions of objects',
      '/pets',
      { kind: 'cat', lives: 'many' },
      (index: number) => ({
        type: 'int_parsing',
        loc: ['body', index, 'lives'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'many',
      }),
    ],
  ] as const)('%s: answers 422 listing the first errors only', async (label, url, item, expected) => {
    const payload = JSON.stringify(Array.from({ length: count }, () => item))
    const result = await timed(`100,000 failing ${label}`, () => postJson(url, payload))
    expect(result).toEqual({
      status: 422,
      body: { detail: Array.from({ length: MAX_ERROR_ITEMS }, (_, index) => expected(index)) },
    })
    await expectServerHealthy()
  })
})

describe('10,000 query keys', () => {
  const keys = Array.from({ length: 10_000 }, (_, index) => `k${index}=${index}`).join('&')

  it('ignores 10,000 undeclared keys', async () => {
    const result = await timed('10,000 undeclared query keys', () => get(`/search?${keys}&q=found`))
    expect(result).toEqual({ status: 200, body: { query: { q: 'found' }, keys: ['q'] } })
    await expectServerHealthy()
  })

  it('caps the errors of 10,000 forbidden keys', async () => {
    const result = await timed('10,000 forbidden query keys', () => get(`/strict?${keys}`))
    expect(result).toEqual({
      status: 422,
      body: {
        detail: Array.from({ length: MAX_ERROR_ITEMS }, (_, index) => ({
          type: 'extra_forbidden',
          loc: ['query', `k${index}`],
          msg: 'Extra inputs are not permitted',
          input: String(index),
        })),
      },
    })
    await expectServerHealthy()
  })

  it('reads 10,000 repeats of an array key, and caps their errors', async () => {
    const good = Array.from({ length: 10_000 }, (_, index) => `tag=${index}`).join('&')
    expect(await timed('10,000 repeated keys', () => get(`/tags?${good}`))).toEqual({
      status: 200,
      body: { count: 10_000 },
    })
    const bad = Array.from({ length: 10_000 }, () => 'tag=x').join('&')
    const result = await timed('10,000 failing repeated keys', () => get(`/tags?${bad}`))
    expect(result).toEqual({
      status: 422,
      body: {
        detail: Array.from({ length: MAX_ERROR_ITEMS }, (_, index) => ({
          type: 'int_parsing',
          loc: ['query', 'tag', index],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        })),
      },
    })
    await expectServerHealthy()
  })
})

describe('a 10 MB body', () => {
  it('answers 413 {"detail":"Request body is too large"}', async () => {
    const payload = JSON.stringify({ name: 'a'.repeat(10 * 1024 * 1024) })
    const result = await timed('10 MB body', () => postJson('/items', payload))
    expect(result).toEqual({ status: 413, body: { detail: 'Request body is too large' } })
    await expectServerHealthy()
  })

  it('answers 413 under the default limit (1 MiB) too', async () => {
    const defaults = createApp().post('/items', { body: t.Object({ name: t.String() }) }, ({ body }) => body)
    const payload = JSON.stringify({ name: 'a'.repeat(10 * 1024 * 1024) })
    const response = await defaults.inject({
      method: 'POST',
      url: '/items',
      payload,
      headers: { 'content-type': 'application/json' },
    })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 413,
      body: { detail: 'Request body is too large' },
    })
    expect(
      (await defaults.inject({ method: 'POST', url: '/items', payload: { name: 'ok' } })).json(),
    ).toEqual({
      name: 'ok',
    })
  })
})
