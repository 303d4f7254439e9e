/**
 * @module
 * Starts the demo store on http://127.0.0.1:8000 (or `HOST` and `PORT`).
 */
import { buildApp } from './app.ts'

const app = buildApp()
const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 8000)
const address = await app.listen({ host, port })
console.log(`Fastbox store listening on ${address} (try ${address}/items)`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0))
  })
}
