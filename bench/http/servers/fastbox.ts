/**
 * (b) Fastbox: the same TypeBox schemas as the plain Fastify server, its own validation, filtering and
 * response validation, and the two chained dependencies as `dependency(...)`.
 */
import { createApp, dependency } from 'fastbox'
import { getCurrentUser, getDb, portFromArgs, storedUser, USERS } from './data.ts'
import { DepsOut, Hello, Item, ItemIn, ItemQuery, ItemRef, User, UserList, UserParams } from './schemas.ts'

const db = dependency(() => getDb())
const currentUser = dependency({ deps: { db } }, ({ deps }) => getCurrentUser(deps.db))

export function buildFastbox() {
  return createApp()
    .get('/hello', { response: Hello }, () => ({ hello: 'world' }))
    .get('/items/{id}', { path: UserParams, query: ItemQuery, response: ItemRef }, ({ path, query }) => ({
      id: path.id,
      limit: query.limit,
      ...(query.q === undefined ? {} : { q: query.q }),
    }))
    .post('/items', { body: ItemIn, status: 201, response: Item }, ({ body }) => ({ id: 1, ...body }))
    .get('/users/{id}', { path: UserParams, response: User }, ({ path }) => storedUser(path.id))
    .get('/users', { response: UserList }, () => USERS)
    .get('/deps', { response: DepsOut, deps: { user: currentUser } }, ({ deps }) => ({
      user_id: deps.user.id,
      db: deps.user.db,
    }))
}

const app = buildFastbox()
await app.listen({ host: '127.0.0.1', port: portFromArgs() })
