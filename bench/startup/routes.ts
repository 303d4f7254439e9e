/**
 * Apps of N routes for the start-up benchmark, Fastbox and plain Fastify with the same TypeBox schemas.
 * Each route (as in `types/generate.ts`): a path parameter, a query of 2 parameters, a 6-field body and
 * responses 200 and 404; every route gets schema objects of its own, as separately declared routes would.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type as t } from '@sinclair/typebox'
import { type AppOptions, createApp } from 'fastbox'
import Fastify from 'fastify'

export type StartupVariant = 'fastbox' | 'fastify'
const METHODS = ['post', 'put', 'patch'] as const

function routeSchemas(i: number) {
  const fields = {
    name: t.String({ minLength: 1 }),
    price: t.Number({ minimum: 0 }),
    count: t.Integer(),
    active: t.Boolean(),
    tags: t.Array(t.String()),
    note: t.Optional(t.String()),
  }
  return {
    method: METHODS[i % METHODS.length] ?? 'post',
    path: t.Object({ item_id: t.Integer() }),
    query: t.Object({ q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) }),
    body: t.Object(fields),
    item: t.Object({ id: t.Integer(), ...fields }),
    notFound: t.Object({ detail: t.String() }),
  }
}

export function fastboxApp(routes: number, options: AppOptions = {}) {
  const app = createApp(options)
  for (let i = 0; i < routes; i++) {
    const s = routeSchemas(i)
    app.route(
      `/r${i}/items/{item_id}`,
      {
        method: s.method,
        path: s.path,
        query: s.query,
        body: s.body,
        response: { 200: s.item, 404: s.notFound },
      },
      ({ path, query, body, respond }) =>
        query.limit === 0 ? respond(404, { detail: 'none' }) : { id: path.item_id, ...body },
    )
  }
  return app
}

export function fastifyApp(routes: number) {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>()
  for (let i = 0; i < routes; i++) {
    const s = routeSchemas(i)
    app[s.method](
      `/r${i}/items/:item_id`,
      {
        schema: {
          params: s.path,
          querystring: s.query,
          body: s.body,
          response: { 200: s.item, 404: s.notFound },
        },
      },
      async (request, reply) =>
        request.query.limit === 0
          ? reply.code(404).send({ detail: 'none' })
          : { id: request.params.item_id, ...request.body },
    )
  }
  return app
}
