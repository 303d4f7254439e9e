/**
 * The `underPressure` option: `@fastify/under-pressure` registered, its 503 turned into `{"detail"}` with
 * `Retry-After`. A heap threshold of 1 byte puts the app under pressure from its first sample, so the test needs
 * no real overload.
 */
import { afterEach, expect, it } from 'vitest'
import { type App, createApp } from '../../packages/core/src/index.ts'
import { Connection, portOf, until } from './support.ts'

const apps: App<unknown>[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

it('answers 503 {"detail"} with Retry-After while the process is under pressure', async () => {
  const app = createApp({
    underPressure: { maxHeapUsedBytes: 1, sampleInterval: 10, retryAfter: 7 },
    logLevel: 'silent',
  }).get('/', () => 'hi')
  apps.push(app)
  const port = portOf(await app.listen({ host: '127.0.0.1', port: 0 }))
  const fastify = app.fastify as unknown as { isUnderPressure(): boolean }
  await until(() => fastify.isUnderPressure())
  const connection = await Connection.open(port)
  connection.get('/')
  const response = await connection.response()
  expect(response).toMatchObject({ status: 503, body: '{"detail":"Service Unavailable"}' })
  expect(response?.headers['retry-after']).toBe('7')
}, 20_000)

it('is off by default, and `true` watches the event loop', async () => {
  const off = createApp({ logLevel: 'silent' })
  const on = createApp({ underPressure: true, logLevel: 'silent' }).get('/', () => 'hi')
  apps.push(off, on)
  await Promise.all([off.ready(), on.ready()])
  expect(off.fastify.hasDecorator('isUnderPressure')).toBe(false)
  expect(on.fastify.hasDecorator('isUnderPressure')).toBe(true)
  expect((await on.inject('/')).statusCode).toBe(200)
}, 20_000)
