/**
 * @module
 * The app: route builders over one Fastify instance, with FastAPI's request and error behaviour.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawServerDefault,
} from 'fastify'
import { analyzeRoute, describeRoute } from '../analysis/analyze.ts'
import { planDependencies } from '../analysis/dependency-plan.ts'
import type { RouteModel } from '../analysis/model.ts'
import { DependencyOverrides } from '../analysis/overrides.ts'
import { registerAtStart } from '../fastify/at-start.ts'
import { useCookies } from '../fastify/cookie-plugin.ts'
import { sendJson, useErrorHandler } from '../fastify/error-handler.ts'
import { type ErrorClass, type ExceptionHandler, ExceptionHandlers } from '../fastify/exception-handlers.ts'
import { useFormParser } from '../fastify/form-parser.ts'
import { useJsonParser } from '../fastify/json-parser.ts'
import {
  AccessLog,
  loggerOptions,
  requestId,
  resolveLogFormat,
  resolveLogLevel,
  useRequestIdHeader,
} from '../fastify/logging.ts'
import { MultipartForms } from '../fastify/multipart.ts'
import { type PathMatchOptions, useNotFound } from '../fastify/not-found.ts'
import { registerRoute } from '../fastify/register-route.ts'
import { ConnectionDrain } from '../fastify/shutdown.ts'
import {
  applyServerTimeouts,
  clientErrorHandler,
  DEFAULT_TIMEOUTS,
  fastifyTimeoutOptions,
  type TimeoutOptions,
} from '../fastify/timeouts.ts'
import { useUnderPressure } from '../fastify/under-pressure.ts'
import { FastboxError } from '../http/errors.ts'
import { registerDocs } from '../openapi/docs/register.ts'
import { useSwagger } from '../openapi/swagger.ts'
import { checkRoutes, type DocumentedRoute } from '../openapi/transform.ts'
import type { OpenAPIDocument } from '../openapi/types.ts'
import { createRouteHandler, type RuntimeHandler } from '../runtime/handler.ts'
import { SchemaRegistry } from '../schema/registry.ts'
import { toSerializerSchema } from '../schema/response-schemas.ts'
import type { HTTPMethod, RouteSpec } from '../spec/route-spec.ts'
import { createValidators } from '../validation/ajv.ts'
import { installBuilders } from './builders.ts'
import { applyRouterOptions, type RouterOptions } from './include.ts'
import type { AppOptions } from './options.ts'
import type { PrefixRoutes, RouteBuilders } from './route-types.ts'
import type { Router } from './router.ts'
import { kAddRoute, kRouteModels, kSchemas } from './symbols.ts'

/** The Fastify instance under an app, typed with `@fastify/type-provider-typebox`. */
export type FastboxFastify = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

/** What `app.close()` came to: whether anything had to be cut off at a deadline. */
export interface CloseResult {
  /** Nothing was cut off: every request in progress was answered, every background task finished. */
  clean: boolean
  /** Requests still in progress after `shutdownTimeout`; their connections were closed without an answer. */
  droppedRequests: number
  /** Requests that arrived during shutdown and were answered `503` with `Connection: close`. */
  refusedRequests: number
  /** Background task runs still going after `backgroundTimeout`. */
  unfinishedTasks: number
}

/** Brands apps, so the CLI recognizes one made by another copy of this package. */
const kApp = Symbol.for('fastbox.app')

/** Whether `value` is a Fastbox app (from any copy of the package). */
export function isApp(value: unknown): value is App<unknown> {
  return typeof value === 'object' && value !== null && (value as { [kApp]?: unknown })[kApp] === true
}

/**
 * A Fastbox application. Declare routes with `get`/`post`/.../`route`; each returns the app typed with the
 * new route, so `typeof app` describes every route of a chained declaration.
 */
export interface App<TRoutes = never> extends RouteBuilders<'app', TRoutes> {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the builders are typed by the interface and set on the prototype below.
export class App<TRoutes = never> {
  /**
   * The underlying Fastify instance: register plugins, hooks, decorators and plain Fastify routes on it
   * (typed from TypeBox schemas by `@fastify/type-provider-typebox`).
   */
  readonly fastify: FastboxFastify
  /** The options the app was created with. */
  readonly settings: Readonly<AppOptions>
  /** Type-only: the routes declared so far (for typed clients). Never set at run time. */
  declare readonly '~routes'?: TRoutes
  /** Shared (`$id`) schemas, registered once for validators, serializer and OpenAPI. */
  readonly [kSchemas] = new SchemaRegistry()
  readonly #routes: AnalyzedRoute[] = []
  readonly #exceptionHandlers = new ExceptionHandlers()
  readonly #validators = createValidators(this[kSchemas])
  /** Background task runs still going, awaited by `close()`. */
  readonly #pending = new Set<Promise<void>>()
  /**
   * Replacements for dependencies, for tests: `app.dependencyOverrides.set(getDb, getTestDb)`. The
   * replacement's own request parts replace the original's, from the next request on.
   */
  readonly dependencyOverrides = new DependencyOverrides()
  /** The OpenAPI document as JSON text, built once, when first asked for (after the app is ready). */
  #documentText: string | undefined
  /** Set once the app is ready: @fastify/swagger knows every route (plugins' too) only then. */
  #ready = false

  readonly inject: FastifyInstance['inject']
  readonly listen: FastifyInstance['listen']
  readonly ready: FastifyInstance['ready']
  /** Drains the server's connections on close. */
  readonly #connections: ConnectionDrain
  /** Reads the multipart bodies of form routes. */
  readonly #forms: MultipartForms
  #closeResult: CloseResult = { clean: true, droppedRequests: 0, refusedRequests: 0, unfinishedTasks: 0 }
  #closing: Promise<CloseResult> | undefined

  constructor(options: AppOptions = {}) {
    this.settings = options
    const timeouts = timeoutOptions(options)
    const fastifyOptions: FastifyServerOptions = {
      // As in FastAPI, a GET route does not answer HEAD: declare `app.head(...)` for that.
      exposeHeadRoutes: false,
      ...loggingOptions(options),
      ...fastifyTimeoutOptions(timeouts),
      clientErrorHandler: clientErrorHandler(() => fastify.log),
      ...options.fastify,
      frameworkErrors: (error, _request, reply) => sendJson(reply, 400, { detail: error.message }),
    }
    const fastify = Fastify(fastifyOptions).withTypeProvider<TypeBoxTypeProvider>()
    this.fastify = fastify
    applyServerTimeouts(fastify.server, {
      ...timeouts,
      headersTimeout: givenHttp(options)?.headersTimeout ?? timeouts.headersTimeout,
    })
    this.#connections = new ConnectionDrain(fastify.server)
    useRequestIdHeader(fastify)
    if (options.underPressure !== undefined && options.underPressure !== false)
      useUnderPressure(fastify, options.underPressure)
    useNotFound(fastify, routerOptions(fastifyOptions))
    this[kSchemas].subscribe((id, schema) => fastify.addSchema({ ...toSerializerSchema(schema), $id: id }))
    useJsonParser(fastify)
    useCookies(fastify, options.cookieSecret)
    useFormParser(fastify)
    this.#forms = new MultipartForms(fastify, { limits: options.formLimits, uploadDir: options.uploadDir })
    useErrorHandler(fastify, this.#exceptionHandlers)
    this.dependencyOverrides.onChange(() => this.#analyzeAgain())
    this.#useDocs(options)
    this.#useLifecycle(options)
    this.inject = fastify.inject.bind(fastify) as FastifyInstance['inject']
    this.listen = fastify.listen.bind(fastify) as FastifyInstance['listen']
    this.ready = fastify.ready.bind(fastify) as FastifyInstance['ready']
  }

  /**
   * Shuts the app down: stops accepting connections, answers requests that arrive on open keep-alive
   * connections `503` with `Connection: close`, lets the requests in progress finish (at most
   * `shutdownTimeout`), then the queued background tasks (at most `backgroundTimeout`), then runs the lifespan's
   * teardown. Resolves with what had to be cut off; calling it again gives the same result.
   */
  close(): Promise<CloseResult> {
    this.#closing ??= this.fastify.close().then(() => this.#closeResult)
    return this.#closing
  }

  /** The analyzed routes, in declaration order (what validation and the OpenAPI document both read). */
  get [kRouteModels](): readonly RouteModel[] {
    return this.#routes.map((route) => route.model)
  }

  /**
   * The OpenAPI 3.1 document of the app, built by @fastify/swagger from every Fastify route (Fastbox's, with
   * the same route models that validate requests, plain ones and plugins'), on first use, then cached; served
   * at `openapiUrl`. Routes are all known only once the app is ready: call it after `await app.ready()`.
   */
  openapi(): OpenAPIDocument {
    return JSON.parse(this.#openapiText()) as OpenAPIDocument
  }

  #openapiText(): string {
    if (!this.#ready) {
      throw new FastboxError(
        'FASTBOX_ERR_NOT_READY',
        'The OpenAPI document is built once every route is known: call app.openapi() after `await app.ready()`.',
      )
    }
    this.#documentText ??= JSON.stringify(this.fastify.swagger())
    return this.#documentText
  }

  /**
   * Documents the routes with @fastify/swagger (in place before any route is declared), and serves the
   * document, Swagger UI and ReDoc (each can be turned off with `null`), from local assets only.
   */
  #useDocs(options: AppOptions): void {
    useSwagger(this.fastify, {
      metadata: options,
      shared: this[kSchemas].schemas,
      options: options.swagger,
      documentHeadRoutes: options.fastify?.exposeHeadRoutes !== true,
    })
    const openapiUrl = options.openapiUrl === undefined ? '/openapi.json' : options.openapiUrl
    this.fastify.addHook('onReady', async () => {
      this.#ready = true
      // A route the document cannot describe (two routes given one operationId) stops the app at start-up;
      // the document itself is built on first use, as FastAPI does.
      if (openapiUrl !== null) checkRoutes(this.#routes, this[kSchemas].schemas)
    })
    if (openapiUrl === null) return
    // Added when the app starts, after the user's plugins, so that compression or rate limits cover them too.
    registerAtStart(this.fastify, () =>
      registerDocs(this.fastify, {
        title: options.title ?? 'Fastbox',
        openapiUrl,
        docsUrl: options.docsUrl === undefined ? '/docs' : options.docsUrl,
        redocUrl: options.redocUrl === undefined ? '/redoc' : options.redocUrl,
        swaggerUi: options.swaggerUi,
        document: () => this.#openapiText(),
      }),
    )
  }

  #track(run: Promise<void>): void {
    this.#pending.add(run)
    void run.finally(() => this.#pending.delete(run))
  }

  /**
   * Lifespan start before the first request. On close: the connections drained (before Fastify closes its
   * server), then queued background tasks, then lifespan stop.
   */
  #useLifecycle(options: AppOptions): void {
    const { lifespan } = options
    if (lifespan !== undefined) this.fastify.addHook('onReady', () => lifespan.start(this.fastify))
    this.fastify.addHook('preClose', async () => {
      const refuse = options.fastify?.return503OnClosing !== false
      const drained = await this.#connections.drain(
        options.shutdownTimeout ?? 10_000,
        this.fastify.log,
        refuse,
      )
      this.#closeResult.droppedRequests = drained.dropped
      this.#closeResult.refusedRequests = drained.refused
    })
    this.fastify.addHook('onClose', async () => {
      const unfinished = await waitFor(this.#pending, options.backgroundTimeout ?? 10_000, this.fastify)
      this.#closeResult.unfinishedTasks = unfinished
      this.#closeResult.clean = unfinished === 0 && this.#closeResult.droppedRequests === 0
      await lifespan?.stop(this.fastify)
    })
  }

  /**
   * Includes a router's routes (those declared now and later), with `options` applied outside the router's
   * own: prefixes join, tags add up, dependencies run outer first, responses merge.
   */
  includeRouter<TRouterRoutes, const TPrefix extends string = ''>(
    router: Router<TRouterRoutes, string>,
    options: RouterOptions<TPrefix> = {},
  ): App<TRoutes | PrefixRoutes<TRouterRoutes, TPrefix>> {
    router.subscribe((declaration) => {
      const { methods, path, spec, handler } = applyRouterOptions(options, declaration)
      this[kAddRoute](methods, path, spec, handler)
    })
    return this as App<TRoutes | PrefixRoutes<TRouterRoutes, TPrefix>>
  }

  /**
   * Answers errors that are `instanceof errorClass` (subclasses too; the nearest registered class wins).
   *
   * @example
   * app.exceptionHandler(OutOfStock, (error, { reply }) => reply.status(409).send({ detail: error.message }))
   */
  exceptionHandler<TError extends Error>(
    errorClass: ErrorClass<TError>,
    handler: ExceptionHandler<TError>,
  ): this {
    this.#exceptionHandlers.add(errorClass, handler)
    return this
  }

  /** Registers a route for `methods`; the builders all end here. */
  [kAddRoute](methods: readonly HTTPMethod[], path: string, spec: RouteSpec, handler: RuntimeHandler): this {
    const where = describeRoute(methods, path)
    const effects = [...(this.settings.dependencies ?? []), ...(spec.dependencies ?? [])]
    const context = { registry: this[kSchemas], validators: this.#validators, strict: this.settings.strict }
    const overrides = this.dependencyOverrides
    const analyze = () =>
      analyzeRoute(methods, path, spec, context, planDependencies(effects, spec.deps, overrides, where))
    const record: AnalyzedRoute = { model: analyze(), analyze, handlerName: handler.name }
    registerRoute(
      this.fastify,
      record,
      createRouteHandler({ route: record, track: (run) => this.#track(run) }, handler),
      where,
      this.#forms,
    )
    this.#routes.push(record)
    return this
  }

  /** `dependencyOverrides` changed: every route's graph is analyzed again, before the next request. */
  #analyzeAgain(): void {
    for (const route of this.#routes) route.model = route.analyze()
  }
}

interface AnalyzedRoute extends DocumentedRoute {
  model: RouteModel
  readonly analyze: () => RouteModel
}

installBuilders(App.prototype)
Object.defineProperty(App.prototype, kApp, { value: true })

/** The deadlines of `options`, defaults filled in. */
function timeoutOptions(options: AppOptions): TimeoutOptions {
  const pick = (key: keyof TimeoutOptions) => options[key] ?? DEFAULT_TIMEOUTS[key]
  return {
    headersTimeout: pick('headersTimeout'),
    requestTimeout: pick('requestTimeout'),
    handlerTimeout: pick('handlerTimeout'),
    keepAliveTimeout: pick('keepAliveTimeout'),
  }
}

/**
 * Fastify's pino logger at the app's level (JSON lines, or pino-pretty's under `fastbox dev`), one access line
 * per request, and request ids from `X-Request-Id` or random UUIDs. A logger the user gives replaces the first.
 */
function loggingOptions(options: AppOptions): FastifyServerOptions {
  const given = options.fastify
  const logger =
    given?.logger !== undefined || given?.loggerInstance !== undefined
      ? {}
      : { logger: loggerOptions(resolveLogLevel(options.logLevel), resolveLogFormat()) }
  return { ...logger, logController: new AccessLog(), genReqId: requestId }
}

/** Node HTTP server options given through `fastify.http`. */
function givenHttp(options: AppOptions): { headersTimeout?: number } | undefined {
  return (options.fastify as { http?: { headersTimeout?: number } } | undefined)?.http
}

/** Waits for the runs in `pending` (those queued meanwhile too), at most `timeout` ms; returns how many are left. */
async function waitFor(
  pending: Set<Promise<void>>,
  timeout: number,
  fastify: FastifyInstance,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeout)
  })
  try {
    while (pending.size > 0) {
      if ((await Promise.race([Promise.all(pending), expired])) === 'expired') {
        fastify.log.warn(
          `${pending.size} background task run(s) still going after ${timeout} ms; closing anyway`,
        )
        return pending.size
      }
    }
    return 0
  } finally {
    clearTimeout(timer)
  }
}

function routerOptions(options: FastifyServerOptions): PathMatchOptions {
  const legacy = options as PathMatchOptions
  const nested = (options as { routerOptions?: PathMatchOptions }).routerOptions ?? {}
  const pick = (key: keyof PathMatchOptions) => nested[key] ?? legacy[key]
  const result: PathMatchOptions = {}
  for (const key of ['ignoreTrailingSlash', 'ignoreDuplicateSlashes', 'caseSensitive'] as const) {
    const value = pick(key)
    if (value !== undefined) result[key] = value
  }
  return result
}

/**
 * Creates a Fastbox app.
 *
 * @example
 * const app = createApp({ title: 'Store' })
 *   .get('/items/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => ({ id: path.item_id }))
 */
export function createApp(options: AppOptions = {}): App {
  return new App(options)
}
