/**
 * Errors over HTTP: `HTTPException`, custom exception handlers, 404/405, unexpected errors (never leaked),
 * Fastify-style status errors and the `status` names. Registration errors are in `config-errors.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { createApp, HTTPException, RequestValidationError, status, t } from '../index.ts'

type Injectable = Pick<ReturnType<typeof createApp>, 'inject'>

async function call(app: Injectable, method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD', url: string) {
  const response = await app.inject({ method, url })
  return { status: response.statusCode, body: response.body, headers: response.headers }
}

async function getJson(app: Injectable, url: string) {
  const response = await app.inject({ method: 'GET', url })
  return { status: response.statusCode, body: response.json() as unknown }
}

describe('HTTPException', () => {
  const app = createApp()
    .get('/items/{id}', () => {
      throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' })
    })
    .get('/object', () => {
      throw new HTTPException(409, { code: 'conflict', ids: [1, 2], nested: { ok: false } })
    })
    .get('/list', () => {
      throw new HTTPException(400, ['a', 1, null])
    })
    .get('/null', () => {
      throw new HTTPException(400, null)
    })
    .get('/default/{code}', { path: { code: t.Integer() } }, ({ path }) => {
      throw new HTTPException(path.code)
    })
    .get('/auth', async () => {
      throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' })
    })
    .get('/empty', () => {
      throw new HTTPException(204, 'ignored', { 'X-Reason': 'nothing' })
    })

  it('answers its status with {detail} and its headers', async () => {
    const response = await call(app, 'GET', '/items/1')
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body)).toEqual({ detail: 'Item not found' })
    expect(response.headers['x-error']).toBe('There goes my error')
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it('sends any JSON value as detail', async () => {
    expect(await getJson(app, '/object')).toEqual({
      status: 409,
      body: { detail: { code: 'conflict', ids: [1, 2], nested: { ok: false } } },
    })
    expect(await getJson(app, '/list')).toEqual({ status: 400, body: { detail: ['a', 1, null] } })
    expect(await getJson(app, '/null')).toEqual({ status: 400, body: { detail: null } })
  })

  it.each([
    [404, 'Not Found'],
    [418, "I'm a teapot"],
    [429, 'Too Many Requests'],
    [503, 'Service Unavailable'],
  ])('uses the reason phrase of %i when there is no detail', async (code, phrase) => {
    expect(await getJson(app, `/default/${code}`)).toEqual({ status: code, body: { detail: phrase } })
    expect(new HTTPException(code).detail).toBe(phrase)
  })

  it('works from an async handler, with a WWW-Authenticate header', async () => {
    const response = await call(app, 'GET', '/auth')
    expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({
      status: 401,
      body: { detail: 'Not authenticated' },
    })
    expect(response.headers['www-authenticate']).toBe('Bearer')
  })

  it('sends no body for a bodyless status, but keeps the headers', async () => {
    const response = await call(app, 'GET', '/empty')
    expect({ status: response.status, body: response.body, reason: response.headers['x-reason'] }).toEqual({
      status: 204,
      body: '',
      reason: 'nothing',
    })
  })
})

class StockError extends Error {}
class OutOfStock extends StockError {
  constructor(readonly sku: string) {
    super(`out of stock: ${sku}`)
  }
}
class Discontinued extends OutOfStock {}

describe('exceptionHandler', () => {
  function stockApp() {
    return createApp({ logLevel: 'silent' })
      .get('/out/{sku}', ({ path }) => {
        throw new OutOfStock(path.sku)
      })
      .get('/discontinued', () => {
        throw new Discontinued('old')
      })
      .get('/stock', () => {
        throw new StockError('generic')
      })
      .get('/type', () => {
        throw new TypeError('secret-type-error')
      })
      .get('/http', () => {
        throw new HTTPException(404, 'Item not found')
      })
      .get('/invalid', { query: { n: t.Integer() } }, () => 'ok')
      .post('/items', { body: t.Object({ name: t.String() }) }, ({ body }) => body)
  }

  it('answers through reply, for the class and its subclasses', async () => {
    const app = stockApp().exceptionHandler(StockError, (error, { reply }) =>
      reply.status(409).header('x-handled', 'stock').send({ detail: error.message }),
    )
    const response = await call(app, 'GET', '/out/abc')
    expect({
      status: response.status,
      body: JSON.parse(response.body),
      handled: response.headers['x-handled'],
    }).toEqual({
      status: 409,
      body: { detail: 'out of stock: abc' },
      handled: 'stock',
    })
    expect(await getJson(app, '/discontinued')).toEqual({
      status: 409,
      body: { detail: 'out of stock: old' },
    })
    expect(await getJson(app, '/stock')).toEqual({ status: 409, body: { detail: 'generic' } })
  })

  it('sends a returned body with the status the handler set', async () => {
    const app = stockApp().exceptionHandler(OutOfStock, (error, { reply }) => {
      reply.status(418)
      return { sku: error.sku }
    })
    expect(await getJson(app, '/out/x1')).toEqual({ status: 418, body: { sku: 'x1' } })
    // StockError is a base class of OutOfStock, not a subclass: the handler does not take it.
    expect(await getJson(app, '/stock')).toEqual({ status: 500, body: { detail: 'Internal Server Error' } })
  })

  it('uses the handler of the nearest registered class', async () => {
    const app = stockApp()
      .exceptionHandler(Error, (_error, { reply }) => reply.status(500).send({ detail: 'from Error' }))
      .exceptionHandler(StockError, (_error, { reply }) =>
        reply.status(409).send({ detail: 'from StockError' }),
      )
      .exceptionHandler(OutOfStock, (_error, { reply }) =>
        reply.status(410).send({ detail: 'from OutOfStock' }),
      )
    expect(await getJson(app, '/discontinued')).toEqual({ status: 410, body: { detail: 'from OutOfStock' } })
    expect(await getJson(app, '/out/a')).toEqual({ status: 410, body: { detail: 'from OutOfStock' } })
    expect(await getJson(app, '/stock')).toEqual({ status: 409, body: { detail: 'from StockError' } })
    expect(await getJson(app, '/type')).toEqual({ status: 500, body: { detail: 'from Error' } })
  })

  it('keeps the default answers of HTTPException and validation errors under a handler for Error', async () => {
    const app = stockApp().exceptionHandler(Error, (_error, { reply }) =>
      reply.status(500).send({ detail: 'caught' }),
    )
    expect(await getJson(app, '/http')).toEqual({ status: 404, body: { detail: 'Item not found' } })
    expect(await getJson(app, '/invalid?n=x')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['query', 'n'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'x',
          },
        ],
      },
    })
  })

  it('overrides the answer to validation errors', async () => {
    const app = stockApp().exceptionHandler(RequestValidationError, (error, { reply }) =>
      reply
        .status(400)
        .send({ message: 'bad request', count: error.errors.length, first: error.errors[0]?.type }),
    )
    expect(await getJson(app, '/invalid?n=x')).toEqual({
      status: 400,
      body: { message: 'bad request', count: 1, first: 'int_parsing' },
    })
  })

  it('overrides the answer to HTTPException, for Fastify request errors too', async () => {
    const app = stockApp().exceptionHandler(HTTPException, (error, { reply }) =>
      reply
        .status(error.status)
        .type('text/plain')
        .send(`plain: ${String(error.detail)}`),
    )
    const notFound = await call(app, 'GET', '/http')
    expect({ status: notFound.status, body: notFound.body, type: notFound.headers['content-type'] }).toEqual({
      status: 404,
      body: 'plain: Item not found',
      type: 'text/plain',
    })
    const media = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    })
    expect({ status: media.statusCode, body: media.body }).toEqual({
      status: 415,
      body: 'plain: Unsupported Media Type',
    })
  })

  it('answers a bare 500 when the exception handler itself throws', async () => {
    const app = stockApp().exceptionHandler(StockError, () => {
      throw new Error('secret-in-handler')
    })
    const response = await call(app, 'GET', '/stock')
    expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({
      status: 500,
      body: { detail: 'Internal Server Error' },
    })
    expect(response.body).not.toContain('secret')
  })
})

describe('404 and 405', () => {
  const app = createApp()
    .get('/items/{id}', () => 'get')
    .delete('/items/{id}', () => 'delete')
    .route('/multi', { method: ['post', 'PUT'] }, () => 'multi')
    .get('/with-head', () => 'get')
    .head('/with-head', ({ reply }) => {
      reply.header('x-head', 'yes')
    })

  it('answers an unknown path 404 {"detail":"Not Found"}', async () => {
    expect(await getJson(app, '/nope')).toEqual({ status: 404, body: { detail: 'Not Found' } })
    const post = await call(app, 'POST', '/nope/deeper?x=1')
    expect({ status: post.status, body: JSON.parse(post.body), allow: post.headers.allow }).toEqual({
      status: 404,
      body: { detail: 'Not Found' },
      allow: undefined,
    })
  })

  it('answers a known path with another method 405 with an Allow header', async () => {
    const response = await call(app, 'POST', '/items/3?q=1')
    expect({
      status: response.status,
      body: JSON.parse(response.body),
      allow: response.headers.allow,
    }).toEqual({
      status: 405,
      body: { detail: 'Method Not Allowed' },
      allow: 'DELETE, GET',
    })
    const multi = await call(app, 'GET', '/multi')
    expect({ status: multi.status, body: JSON.parse(multi.body), allow: multi.headers.allow }).toEqual({
      status: 405,
      body: { detail: 'Method Not Allowed' },
      allow: 'POST, PUT',
    })
  })

  it('does not answer HEAD for a GET route', async () => {
    const response = await call(app, 'HEAD', '/items/1')
    expect({ status: response.status, allow: response.headers.allow }).toEqual({
      status: 405,
      allow: 'DELETE, GET',
    })
  })

  it('answers HEAD where app.head declares it', async () => {
    const response = await call(app, 'HEAD', '/with-head')
    expect({ status: response.status, body: response.body, head: response.headers['x-head'] }).toEqual({
      status: 200,
      body: '',
      head: 'yes',
    })
  })
})

describe('unexpected errors', () => {
  // These errors are logged on purpose (tests/serving checks the log lines); silent keeps the test output short.
  const app = createApp({ logLevel: 'silent' })
    .get('/crash', () => {
      throw new Error('secret-db-password')
    })
    .get('/async-crash', async () => {
      await Promise.resolve()
      throw new Error('secret-db-password')
    })
    .get('/string', () => {
      throw 'secret-db-password'
    })
    .get('/null', () => {
      throw null
    })
    .get('/conflict', () => {
      throw Object.assign(new Error('Version conflict'), { statusCode: 409 })
    })
    .get('/teapot', () => {
      throw Object.assign(new Error('short and stout'), { statusCode: 418 })
    })
    .get('/upstream', () => {
      throw Object.assign(new Error('secret-db-password'), { statusCode: 502 })
    })
    .get('/exposed', () => {
      throw Object.assign(new Error('Try again in a minute'), { statusCode: 503, expose: true })
    })
    .get('/status-500', () => {
      throw Object.assign(new Error('secret-db-password'), { statusCode: 500 })
    })
    .get('/bad-status', () => {
      throw new HTTPException(1000, 'secret-db-password')
    })
    .get('/bad-detail', () => {
      throw new HTTPException(400, { big: 1n, note: 'secret-db-password' })
    })

  it.each(['/crash', '/async-crash', '/string', '/null', '/status-500', '/bad-status', '/bad-detail'])(
    '%s answers a bare 500 that leaks nothing',
    async (url) => {
      const response = await call(app, 'GET', url)
      expect({
        status: response.status,
        body: response.body,
        type: response.headers['content-type'],
      }).toEqual({
        status: 500,
        body: '{"detail":"Internal Server Error"}',
        type: 'application/json; charset=utf-8',
      })
      expect(response.body).not.toContain('secret')
      expect(response.body).not.toContain('at ')
    },
  )

  it('turns an error with a 4xx statusCode into {detail: message}', async () => {
    expect(await getJson(app, '/conflict')).toEqual({ status: 409, body: { detail: 'Version conflict' } })
    expect(await getJson(app, '/teapot')).toEqual({ status: 418, body: { detail: 'short and stout' } })
  })

  it('keeps the status of an error with a 5xx statusCode, its reason phrase as the detail', async () => {
    const response = await call(app, 'GET', '/upstream')
    expect({ status: response.status, body: response.body }).toEqual({
      status: 502,
      body: '{"detail":"Bad Gateway"}',
    })
    // Unless the error says its message is for clients, as http-errors does with `expose`.
    expect(await getJson(app, '/exposed')).toEqual({ status: 503, body: { detail: 'Try again in a minute' } })
  })
})

describe('status', () => {
  it('names the status codes as FastAPI does, with the old aliases', () => {
    expect([
      status.HTTP_200_OK,
      status.HTTP_201_CREATED,
      status.HTTP_204_NO_CONTENT,
      status.HTTP_404_NOT_FOUND,
      status.HTTP_405_METHOD_NOT_ALLOWED,
      status.HTTP_418_IM_A_TEAPOT,
      status.HTTP_422_UNPROCESSABLE_CONTENT,
      status.HTTP_422_UNPROCESSABLE_ENTITY,
      status.HTTP_413_CONTENT_TOO_LARGE,
      status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
      status.HTTP_500_INTERNAL_SERVER_ERROR,
    ]).toEqual([200, 201, 204, 404, 405, 418, 422, 422, 413, 413, 500])
  })

  it('has every name agree with its number', () => {
    for (const [name, code] of Object.entries(status)) expect(name.slice(5, 8)).toBe(String(code))
  })
})

describe('errors the router raises before any route runs', () => {
  it('answers a malformed URL with 400 and a detail, in the same JSON shape', async () => {
    const app = createApp().get('/items/{id}', ({ path }) => path.id)
    const res = await app.inject('/items/%E0%A4%A')
    expect([res.statusCode, res.json()]).toEqual([
      400,
      { detail: "'/items/%E0%A4%A' is not a valid url component" },
    ])
  })

  it("matches 405 the way the app's router does, with its routerOptions", async () => {
    const app = createApp({ fastify: { routerOptions: { ignoreTrailingSlash: true } } }).get(
      '/items',
      () => 1,
    )
    expect((await app.inject('/items/')).json()).toBe(1)
    const res = await app.inject({ method: 'POST', url: '/items/' })
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'GET'])
  })
})
