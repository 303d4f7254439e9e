/**
 * Time to build the OpenAPI document of a Fastbox app of N routes: `app.openapi()`'s first call on each of
 * several fresh apps (the document is cached per app), in one process. Prints one JSON line (`OpenApiSample`).
 * The document needs the app ready (every route known); served apps build it while they get ready, so these
 * apps serve no docs (`openapiUrl: null`), and the first call after `ready()` builds it: @fastify/swagger's
 * pass over the routes, Fastbox's transforms, the JSON text, and parsing that text into the returned copy.
 *
 * Usage: tsx startup/openapi.ts <routes> <apps>
 */
import { fastboxApp } from './routes.ts'

export interface OpenApiSample {
  /** ms of each app's first `openapi()` call, in order (the first also warms the code up). */
  times: number[]
  /** Bytes of the document as JSON. */
  size: number
  paths: number
}

const routes = Number(process.argv[2])
const apps = Number(process.argv[3] ?? 5)
if (!Number.isInteger(routes) || !Number.isInteger(apps) || apps < 1) {
  throw new Error('usage: startup/openapi.ts <routes> <apps>')
}
const times: number[] = []
let size = 0
let paths = 0
for (let i = 0; i < apps; i++) {
  const app = fastboxApp(routes, { openapiUrl: null })
  await app.ready()
  const t0 = performance.now()
  const document = app.openapi()
  times.push(performance.now() - t0)
  size = JSON.stringify(document).length
  paths = Object.keys(document.paths ?? {}).length
  await app.close()
}
const sample: OpenApiSample = { times, size, paths }
process.stdout.write(`${JSON.stringify(sample)}\n`)
