/**
 * The server of the bad-input measurement (`http/bad-input.ts`): `POST /flags` takes `{ flags: boolean[] }`, and
 * `GET /items` answers a small list (the request whose latency the bad bodies must not push up). Fastbox with
 * its defaults, or plain Fastify with the same TypeBox schema and its own defaults (Ajv stops at the first
 * error and Fastify answers 400).
 *
 * Usage: node --import tsx http/servers/bad-input.ts <fastbox|fastify> <port>
 */
import { Type } from '@sinclair/typebox'
import { createApp } from 'fastbox'
import Fastify from 'fastify'

const Flags = Type.Object({ flags: Type.Array(Type.Boolean()) })
const ITEMS = Array.from({ length: 10 }, (_, id) => ({ id, name: `item ${id}` }))

const [kind, portText] = process.argv.slice(2)
const port = Number(portText)
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: bad-input.ts <fastbox|fastify> <port>')

if (kind === 'fastbox') {
  const app = createApp()
    .post('/flags', { body: Flags }, ({ body }) => ({ count: body.flags.length }))
    .get('/items', () => ITEMS)
  await app.listen({ host: '127.0.0.1', port })
} else if (kind === 'fastify') {
  const app = Fastify({ logger: { level: 'warn' } })
  app.post('/flags', { schema: { body: Flags } }, (request) => ({
    count: (request.body as { flags: boolean[] }).flags.length,
  }))
  app.get('/items', () => ITEMS)
  await app.listen({ host: '127.0.0.1', port })
} else {
  throw new Error(`unknown server kind: ${kind}`)
}
