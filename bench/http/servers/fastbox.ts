/**
 * (b) Fastbox. The two chained dependencies use `dependency(...)` when the package exports it; until then
 * they are two plain function calls inside the handler (the report says which, from `GET /bench-info`).
 */
import * as fastbox from 'fastbox'
import { createApp, type RouteSpec } from 'fastbox'
import { type CurrentUser, getCurrentUser, getDb, portFromArgs, storedUser, USERS } from './data.ts'
import { DepsOut, Hello, Item, ItemIn, ItemQuery, ItemRef, User, UserList, UserParams } from './schemas.ts'

/** `dependency` as DESIGN.md describes it; looked up at run time so this file runs before it is exported. */
type DependencyFactory = (
  specOrFn: unknown,
  fn?: (context: { deps: Record<string, unknown> }) => unknown,
) => unknown
type AddRouteHandler = Parameters<fastbox.App['addRoute']>[3]

const exported = fastbox as unknown as Record<string, unknown>
const dependency =
  typeof exported.dependency === 'function' ? (exported.dependency as DependencyFactory) : undefined
export const DEPS_MODE = dependency === undefined ? 'function-calls' : 'dependency'

export function buildFastbox() {
  const app = createApp()
    .get('/hello', { response: Hello }, () => ({ hello: 'world' }))
    .get('/items/{id}', { path: UserParams, query: ItemQuery, response: ItemRef }, ({ path, query }) => ({
      id: path.id,
      limit: query.limit,
      ...(query.q === undefined ? {} : { q: query.q }),
    }))
    .post('/items', { body: ItemIn, status: 201, response: Item }, ({ body }) => ({ id: 1, ...body }))
    .get('/users/{id}', { path: UserParams, response: User }, ({ path }) => storedUser(path.id))
    .get('/users', { response: UserList }, () => USERS)
    .get('/bench-info', () => ({ deps: DEPS_MODE }))

  if (dependency === undefined) {
    app.get('/deps', { response: DepsOut }, () => {
      const user = getCurrentUser(getDb())
      return { user_id: user.id, db: user.db }
    })
  } else {
    const db = dependency(() => getDb())
    const currentUser = dependency({ deps: { db } }, ({ deps }) =>
      getCurrentUser(deps.db as ReturnType<typeof getDb>),
    )
    const spec = { response: DepsOut, deps: { user: currentUser } } as RouteSpec
    const handler: AddRouteHandler = (context) => {
      const { user } = (context as unknown as { deps: { user: CurrentUser } }).deps
      return { user_id: user.id, db: user.db }
    }
    app.addRoute(['GET'], '/deps', spec, handler)
  }
  return app
}

const app = buildFastbox()
await app.listen({ host: '127.0.0.1', port: portFromArgs() })
