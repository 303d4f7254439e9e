/**
 * (a) Plain Fastify 5 with the same TypeBox schemas, written by hand to behave like Fastbox (the baseline):
 * Fastify's own Ajv validation and coercion of the request (the body's validator reports every error, answered
 * 422 with a `detail` list, as Fastbox does), each handler's value checked against its response schema
 * (compiled once per route with Ajv 8 and ajv-formats; a mismatch throws, which Fastify answers with a 500),
 * then fast-json-stringify serialization (which drops undeclared fields); the two dependencies are two
 * `preHandler` hooks. Served as Fastbox serves by default: pino logger at `warn`, request ids from
 * `X-Request-Id` (or made of a random prefix and a counter) echoed in that header, handler and request deadlines.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { TSchema } from '@sinclair/typebox'
import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import Fastify, { type FastifyRequest } from 'fastify'
import { type CurrentUser, type Db, getCurrentUser, getDb, portFromArgs, storedUser, USERS } from './data.ts'
import { DepsOut, Hello, Item, ItemIn, ItemQuery, ItemRef, User, UserList, UserParams } from './schemas.ts'

type DepsRequest = FastifyRequest & { benchDb: Db | null; benchUser: CurrentUser | null }

/** Response checking as Fastbox does it: every error collected, unknown keywords allowed, formats known. */
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)

/**
 * Compiles a response schema once; the function it returns passes a handler's value through, or throws when
 * the value does not match (Fastify's error handler then answers 500 and logs it, when a logger is set).
 */
function responseCheck(schema: TSchema): <T>(value: T) => T {
  const validate = ajv.compile(schema)
  return (value) => {
    if (!validate(value))
      throw new Error(`response does not match its schema: ${ajv.errorsText(validate.errors)}`)
    return value
  }
}

/** The body validator: Fastify's Ajv options, every error reported. */
const bodyAjv = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: true })
addFormats.default(bodyAjv)

/** A 422 item per Ajv error, located in the body (FastAPI's shape, without Fastbox's type names). */
function detail(errors: ErrorObject[]) {
  return errors.map((error) => {
    const loc: (string | number)[] = ['body']
    for (const part of error.instancePath.split('/').slice(1))
      loc.push(/^\d+$/.test(part) ? Number(part) : part)
    if (error.keyword === 'required') loc.push(String(error.params.missingProperty))
    return { type: error.keyword, loc, msg: error.message ?? 'invalid' }
  })
}

const processId = randomBytes(6).toString('hex')
let counter = 0
const requestId = (request: IncomingMessage) => {
  const given = request.headers['x-request-id']
  if (typeof given === 'string' && /^[\x21-\x7e]{1,128}$/.test(given)) return given
  counter++
  return `${processId}-${counter.toString(36)}`
}

export function buildFastify() {
  const app = Fastify({
    logger: { level: 'warn' },
    genReqId: requestId,
    handlerTimeout: 30_000,
    requestTimeout: 20_000,
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.server.headersTimeout = 10_000
  app.decorateRequest('benchDb', null)
  app.decorateRequest('benchUser', null)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  app.setErrorHandler((error, _request, reply) => {
    const errors = (error as { validation?: ErrorObject[] }).validation
    if (errors !== undefined) return reply.code(422).send({ detail: detail(errors) })
    return reply.send(error)
  })

  const checkHello = responseCheck(Hello)
  app.get('/hello', { schema: { response: { 200: Hello } } }, async () => checkHello({ hello: 'world' }))

  const checkItemRef = responseCheck(ItemRef)
  app.get(
    '/items/:id',
    { schema: { params: UserParams, querystring: ItemQuery, response: { 200: ItemRef } } },
    async (request) =>
      checkItemRef({
        id: request.params.id,
        limit: request.query.limit,
        ...(request.query.q === undefined ? {} : { q: request.query.q }),
      }),
  )

  const checkItem = responseCheck(Item)
  app.post(
    '/items',
    {
      schema: { body: ItemIn, response: { 201: Item } },
      validatorCompiler: ({ schema }) => bodyAjv.compile(schema),
    },
    async (request, reply) => {
      reply.code(201)
      return checkItem({ id: 1, ...request.body })
    },
  )

  const checkUser = responseCheck(User)
  app.get('/users/:id', { schema: { params: UserParams, response: { 200: User } } }, async (request) =>
    checkUser(storedUser(request.params.id)),
  )

  const checkUserList = responseCheck(UserList)
  app.get('/users', { schema: { response: { 200: UserList } } }, async () => checkUserList(USERS))

  const checkDepsOut = responseCheck(DepsOut)
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
      return checkDepsOut({ user_id: user.id, db: user.db })
    },
  )
  return app
}

const app = buildFastify()
await app.listen({ host: '127.0.0.1', port: portFromArgs() })
