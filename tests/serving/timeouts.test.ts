/**
 * Deadlines over real sockets (app.listen on port 0, raw HTTP/1.1 through node:net): a slow or lying body and
 * slow headers are answered 408 and the connection closed, a handler that never answers gets 503 (never a 500),
 * an idle keep-alive connection is closed. Deadlines are set small; nothing measures time, the outcomes are
 * asserted and the test timeouts are generous.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type App, createApp, createRouter, t } from '../../packages/core/src/index.ts'
import { Connection, logLines, portOf, until } from './support.ts'

const apps: App<unknown>[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function serve(app: App<unknown>): Promise<number> {
  apps.push(app)
  return portOf(await app.listen({ host: '127.0.0.1', port: 0 }))
}

const Item = t.Object({ name: t.String() })

describe('request deadlines', () => {
  it('answers a body that arrives too slowly 408 and closes the connection', async () => {
    const port = await serve(
      createApp({ requestTimeout: 300, handlerTimeout: 0, logLevel: 'silent' }).post(
        '/items',
        { body: Item },
        ({ body }) => body,
      ),
    )
    const connection = await Connection.open(port)
    connection.write(
      'POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 15\r\n\r\n',
    )
    // One byte at a time, far slower than the deadline allows for the whole body.
    const trickle = setInterval(() => connection.socket.writable && connection.write(' '), 100)
    try {
      const response = await connection.response()
      await connection.closed
      expect(response).toMatchObject({ status: 408, body: '{"detail":"Request Timeout"}' })
      expect(response?.headers.connection).toBe('close')
    } finally {
      clearInterval(trickle)
    }
  }, 20_000)

  it('answers a body shorter than its Content-Length 408 and closes the connection', async () => {
    const port = await serve(
      createApp({ requestTimeout: 300, handlerTimeout: 0, logLevel: 'silent' }).post(
        '/items',
        { body: Item },
        ({ body }) => body,
      ),
    )
    const connection = await Connection.open(port)
    connection.write(
      'POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":"a"}',
    )
    expect(await connection.response()).toMatchObject({ status: 408, body: '{"detail":"Request Timeout"}' })
    await connection.closed
  }, 20_000)

  it('answers headers that never end 408 and closes the connection', async () => {
    const port = await serve(createApp({ headersTimeout: 200, logLevel: 'silent' }).get('/', () => 'hi'))
    const connection = await Connection.open(port)
    connection.write('GET / HTTP/1.1\r\nhost: x\r\n')
    expect(await connection.response()).toMatchObject({ status: 408 })
    await connection.closed
  }, 20_000)

  it('answers a handler that never resolves 503 {"detail"}, aborts request.signal and logs it once', async () => {
    const { lines, stream } = logLines()
    let aborted = false
    const app = createApp({ handlerTimeout: 200, fastify: { logger: { level: 'warn', stream } } }).get(
      '/hang',
      ({ request }) => {
        request.signal.addEventListener('abort', () => {
          aborted = true
        })
        return new Promise<never>(() => {})
      },
    )
    const connection = await Connection.open(await serve(app))
    connection.get('/hang', { 'x-request-id': 'hung-1' })
    const response = await connection.response()
    expect(response).toMatchObject({ status: 503, body: '{"detail":"Request timed out"}' })
    expect(response?.headers['x-request-id']).toBe('hung-1')
    expect(aborted).toBe(true)
    await until(() => lines.length > 0)
    expect(lines).toMatchObject([
      {
        level: 50,
        reqId: 'hung-1',
        msg: "Request timed out after 200 ms on route '/hang' (handlerTimeout); answered 503",
      },
    ])
    // The connection stays usable: the answer was complete.
    connection.get('/hang')
    expect(await connection.response()).toMatchObject({ status: 503 })
  }, 20_000)

  it("lets a route's or its router's handlerTimeout replace the app's, 0 turning it off", async () => {
    const slow = (ms: number) => () => new Promise<string>((done) => setTimeout(() => done('done'), ms))
    const router = createRouter({ prefix: '/router', handlerTimeout: 200 })
      .get('/hang', () => new Promise<never>(() => {}))
      .get('/own', { handlerTimeout: 0 }, slow(600))
    const app = createApp({ handlerTimeout: 300, logLevel: 'silent' })
      .get('/short', { handlerTimeout: 100 }, slow(250))
      .get('/long', { handlerTimeout: 5_000 }, slow(600))
      .get('/none', { handlerTimeout: 0 }, slow(600))
      .get('/app', slow(600))
      .includeRouter(router)
    const connection = await Connection.open(await serve(app))
    const answer = async (path: string) => {
      connection.get(path)
      return connection.response()
    }
    // Shorter than the app's deadline, and longer: each route's own decides.
    expect(await answer('/short')).toMatchObject({ status: 503, body: '{"detail":"Request timed out"}' })
    expect(await answer('/long')).toMatchObject({ status: 200, body: '"done"' })
    expect(await answer('/none')).toMatchObject({ status: 200, body: '"done"' })
    expect(await answer('/app')).toMatchObject({ status: 503 })
    expect(await answer('/router/hang')).toMatchObject({ status: 503 })
    expect(await answer('/router/own')).toMatchObject({ status: 200, body: '"done"' })
  }, 20_000)

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const port = await serve(createApp({ keepAliveTimeout: 200, logLevel: 'silent' }).get('/', () => 'hi'))
    const connection = await Connection.open(port)
    connection.get('/')
    expect(await connection.response()).toMatchObject({ status: 200, body: '"hi"' })
    await connection.closed
  }, 20_000)
})

describe('request ids and error logs over a socket', () => {
  it('echoes X-Request-Id (or makes one up) and logs a 500 once with it, the stack only in the log', async () => {
    const { lines, stream } = logLines()
    const app = createApp({ fastify: { logger: { level: 'info', stream } } }).get('/boom', () => {
      throw new Error('kaboom')
    })
    const connection = await Connection.open(await serve(app))
    connection.get('/boom', { 'x-request-id': 'req-42' })
    const response = await connection.response()
    expect(response).toMatchObject({ status: 500, body: '{"detail":"Internal Server Error"}' })
    expect(response?.headers['x-request-id']).toBe('req-42')
    connection.get('/boom', { 'x-request-id': 'not a sane id, it has spaces' })
    const second = await connection.response()
    expect(second?.headers['x-request-id']).toMatch(/^[0-9a-f]{12}-[0-9a-z]+$/)
    const access = () => lines.filter((line) => /^GET /.test(String(line.msg)))
    await until(() => access().length === 2)
    const errors = lines.filter((line) => line.level === 50)
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatchObject({ reqId: 'req-42', err: { message: 'kaboom' } })
    expect(String((errors[0]?.err as { stack?: string } | undefined)?.stack)).toContain('timeouts.test.ts')
    // One access line per request, at info.
    expect(access().map((line) => [line.level, line.msg])).toEqual([
      [30, expect.stringMatching(/^GET \/boom 500 [\d.]+ ms$/)],
      [30, expect.stringMatching(/^GET \/boom 500 [\d.]+ ms$/)],
    ])
  }, 20_000)
})
