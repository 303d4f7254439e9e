/**
 * (a) Plain Fastify 5 with the same TypeBox schemas (the ceiling): Fastify's own Ajv validation and
 * coercion, fast-json-stringify serialization (which drops undeclared fields), and the two dependencies as
 * two `preHandler` hooks.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyRequest } from 'fastify'
import { type CurrentUser, type Db, getCurrentUser, getDb, portFromArgs, storedUser, USERS } from './data.ts'
import { DepsOut, Hello, Item, ItemIn, ItemQuery, ItemRef, User, UserList, UserParams } from './schemas.ts'

type DepsRequest = FastifyRequest & { benchDb: Db | null; benchUser: CurrentUser | null }

export function buildFastify() {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>()
  app.decorateRequest('benchDb', null)
  app.decorateRequest('benchUser', null)

  app.get('/hello', { schema: { response: { 200: Hello } } }, async () => ({ hello: 'world' }))

  app.get(
    '/items/:id',
    { schema: { params: UserParams, querystring: ItemQuery, response: { 200: ItemRef } } },
    async (request) => ({
      id: request.params.id,
      limit: request.query.limit,
      ...(request.query.q === undefined ? {} : { q: request.query.q }),
    }),
  )

  app.post('/items', { schema: { body: ItemIn, response: { 201: Item } } }, async (request, reply) => {
    reply.code(201)
    return { id: 1, ...request.body }
  })

  app.get('/users/:id', { schema: { params: UserParams, response: { 200: User } } }, async (request) =>
    storedUser(request.params.id),
  )

  app.get('/users', { schema: { response: { 200: UserList } } }, async () => USERS)

  app.get(
    '/deps',
    {
      schema: { response: { 200: DepsOut } },
      preHandler: [
        async (request) => {
          ;(request as DepsRequest).benchDb = getDb()
        },
        async (request) => {
          const deps = request as DepsRequest
          if (deps.benchDb === null) throw new Error('getDb did not run')
          deps.benchUser = getCurrentUser(deps.benchDb)
        },
      ],
    },
    async (request) => {
      const user = (request as DepsRequest).benchUser
      if (user === null) throw new Error('getCurrentUser did not run')
      return { user_id: user.id, db: user.db }
    },
  )
  return app
}

const app = buildFastify()
await app.listen({ host: '127.0.0.1', port: portFromArgs() })
