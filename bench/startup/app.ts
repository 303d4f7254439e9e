/**
 * One start-up measurement, in a fresh process: declare an app of N routes, `ready()` it, listen, and print
 * one JSON line (`StartupSample`). The parent measures spawn-to-listening from outside.
 *
 * Usage: tsx startup/app.ts <fastbox|fastify> <routes>
 */
import { fastboxApp, fastifyApp } from './routes.ts'

export interface StartupSample {
  /** ms from process start (`performance.timeOrigin`) to the first line of this script: Node, tsx, imports. */
  boot: number
  /** ms declaring the routes. */
  declare: number
  /** ms in `app.ready()` (Fastify compiles its schemas here; Fastbox also builds its OpenAPI document). */
  ready: number
  /** Bytes of resident memory after `ready()` (no forced GC). */
  rss: number
  port: number
}

const boot = performance.now()
const [variant, count] = process.argv.slice(2)
const routes = Number(count)
if (!Number.isInteger(routes) || (variant !== 'fastbox' && variant !== 'fastify')) {
  throw new Error('usage: startup/app.ts <fastbox|fastify> <routes>')
}
const t0 = performance.now()
const app = variant === 'fastbox' ? fastboxApp(routes).fastify : fastifyApp(routes)
const t1 = performance.now()
await app.ready()
const t2 = performance.now()
const rss = process.memoryUsage().rss
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const sample: StartupSample = {
  boot,
  declare: t1 - t0,
  ready: t2 - t1,
  rss,
  port: typeof address === 'object' && address !== null ? address.port : 0,
}
process.stdout.write(`${JSON.stringify(sample)}\n`)
await app.close()
