import compress from '@fastify/compress'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { createApp, t } from 'fastbox'

export const app = createApp({ title: 'Catalogue' })

// Registered (and awaited) before the routes: these plugins set themselves up on each route as it is added.
await app.fastify.register(cors, { origin: ['https://shop.example'] })
await app.fastify.register(compress) // gzip, br or deflate, as Accept-Encoding asks, for bodies over 1 KiB
await app.fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' }) // per client address
await app.fastify.register(helmet, {
  contentSecurityPolicy: {
    // ReDoc runs its search in a Web Worker made from a `blob:` URL; the rest of helmet's policy suits the
    // docs pages as they are (scripts and styles from the app itself, inline styles, `data:` images).
    directives: { workerSrc: ["'self'", 'blob:'] },
  },
})

const Product = t.Object({ id: t.Integer(), name: t.String(), description: t.String() })

app
  .get('/products', { response: t.Array(Product) }, () =>
    Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      name: `Product ${i + 1}`,
      description: 'A product of the catalogue, described at some length.',
    })),
  )
  .post('/products', { body: t.Object({ name: t.String({ minLength: 1 }) }), status: 201 }, ({ body }) => ({
    id: 51,
    name: body.name,
  }))
