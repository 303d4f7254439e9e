/**
 * (c) Hono with `@hono/zod-openapi` on `@hono/node-server`. Invalid requests answer 422 listing every issue
 * (a `defaultHook`). zod-openapi validates requests but does not filter responses, so the filtering routes
 * parse their output with the response schema (Zod drops undeclared keys), the equivalent of what Fastify's
 * serializer and Fastbox do. The two dependencies are two middleware that `c.set` their values.
 */
import { serve } from '@hono/node-server'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import { type CurrentUser, type Db, getCurrentUser, getDb, portFromArgs, storedUser, USERS } from './data.ts'

const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } },
  description,
})

const Hello = z.object({ hello: z.string() })
const ItemParams = z.object({ id: z.coerce.number().int() })
const ItemQuery = z.object({ q: z.string().optional(), limit: z.coerce.number().int().default(10) })
const ItemRef = z.object({ id: z.number().int(), q: z.string().optional(), limit: z.number().int() })
const ItemIn = z.object({
  name: z.string().min(1),
  price: z.number().min(0),
  count: z.number().int(),
  active: z.boolean(),
  tags: z.array(z.string()),
  note: z.string().optional(),
})
const Item = ItemIn.extend({ id: z.number().int() })
const User = z.object({ id: z.number().int(), name: z.string(), email: z.string(), active: z.boolean() })
const UserList = z.array(User)
const DepsOut = z.object({ user_id: z.number().int(), db: z.string() })

type Env = { Variables: { db: Db; user: CurrentUser } }

const dbMiddleware = createMiddleware<Env>(async (c, next) => {
  c.set('db', getDb())
  await next()
})
const userMiddleware = createMiddleware<Env>(async (c, next) => {
  c.set('user', getCurrentUser(c.get('db')))
  await next()
})

export function buildHono() {
  return new OpenAPIHono<Env>({
    // A request that fails its schemas: 422 listing every issue, in FastAPI's shape (zod's codes as types).
    defaultHook: (result, c) => {
      if (result.success) return undefined
      const detail = result.error.issues.map((issue) => ({
        type: issue.code,
        loc: [result.target === 'json' ? 'body' : result.target, ...issue.path],
        msg: issue.message,
      }))
      return c.json({ detail }, 422)
    },
  })
    .openapi(createRoute({ method: 'get', path: '/hello', responses: { 200: json(Hello) } }), (c) =>
      c.json({ hello: 'world' }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items/{id}',
        request: { params: ItemParams, query: ItemQuery },
        responses: { 200: json(ItemRef) },
      }),
      (c) => {
        const { id } = c.req.valid('param')
        const { q, limit } = c.req.valid('query')
        return c.json({ id, q, limit }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/items',
        request: { body: { content: { 'application/json': { schema: ItemIn } }, required: true } },
        responses: { 201: json(Item, 'Created') },
      }),
      (c) => c.json({ id: 1, ...c.req.valid('json') }, 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{id}',
        request: { params: ItemParams },
        responses: { 200: json(User) },
      }),
      (c) => c.json(User.parse(storedUser(c.req.valid('param').id)), 200),
    )
    .openapi(createRoute({ method: 'get', path: '/users', responses: { 200: json(UserList) } }), (c) =>
      c.json(UserList.parse(USERS), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/deps',
        middleware: [dbMiddleware, userMiddleware] as const,
        responses: { 200: json(DepsOut) },
      }),
      (c) => {
        const user = c.get('user')
        return c.json({ user_id: user.id, db: user.db }, 200)
      },
    )
}

serve({ fetch: buildHono().fetch, hostname: '127.0.0.1', port: portFromArgs() })
