/**
 * @module
 * `createApp()` options: the OpenAPI metadata of the app, where its docs are served, how it serves (deadlines,
 * shutdown, logging, overload) and Fastify's own server options.
 */
import type { FastifyServerOptions } from 'fastify'
import type { CookieSecret } from '../fastify/cookie-plugin.ts'
import type { LogLevel } from '../fastify/logging.ts'
import type { UnderPressureOptions } from '../fastify/under-pressure.ts'
import type { SwaggerUiOptions } from '../openapi/docs/register.ts'
import type { SwaggerOptions } from '../openapi/swagger.ts'
import type { AnyDependency } from '../spec/dependency.ts'
import type { FormLimits } from '../spec/form-limits.ts'
import type { Lifespan } from '../spec/lifespan.ts'

export interface ContactInfo {
  name?: string
  url?: string
  email?: string
}

export interface LicenseInfo {
  name: string
  identifier?: string
  url?: string
}

export interface ServerInfo {
  url: string
  description?: string
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>
}

export interface TagInfo {
  name: string
  description?: string
  externalDocs?: { url: string; description?: string }
}

export interface AppOptions {
  /** OpenAPI `info.title` (default `'Fastbox'`). */
  title?: string
  /** OpenAPI `info.version` of the API (default `'0.1.0'`). */
  version?: string
  description?: string
  summary?: string
  termsOfService?: string
  contact?: ContactInfo
  license?: LicenseInfo
  servers?: ServerInfo[]
  /** Tag metadata, listed in this order. */
  tags?: TagInfo[]
  /** Where the OpenAPI document is served (default `'/openapi.json'`); `null` turns off the docs too. */
  openapiUrl?: string | null
  /** Swagger UI (default `'/docs'`); `null` turns it off. */
  docsUrl?: string | null
  /** ReDoc (default `'/redoc'`); `null` turns it off. */
  redocUrl?: string | null
  /**
   * Options for `@fastify/swagger`, which builds the document (e.g. `hiddenTag`, `openapi.externalDocs`, a
   * `transform` or `transformObject` of your own, run after Fastbox's). See the README for what Fastbox sets.
   */
  swagger?: SwaggerOptions
  /** Options for `@fastify/swagger-ui`, which serves `docsUrl` (e.g. `uiConfig`, `initOAuth`, `theme`). */
  swaggerUi?: SwaggerUiOptions
  /** Dependencies run (for their effect) before every route's own, e.g. a global guard. */
  dependencies?: readonly AnyDependency[]
  /** Set-up before the first request and tear-down on `close()`; see `createLifespan`. */
  lifespan?: Lifespan<unknown>
  /**
   * `true` takes JSON bodies' values as they are, for every route (a router's or a route's `strict` wins):
   * no Pydantic lax-mode conversions such as `"50.5"` for a number. Default `false`, as in FastAPI.
   */
  strict?: boolean
  /**
   * Limits of every route's multipart forms (file size, files, fields, parts); a route's `formLimits` win.
   * A request over one is answered `413`.
   */
  formLimits?: FormLimits
  /** Where uploaded files are spooled while their request is handled (default: the OS's temporary directory). */
  uploadDir?: string
  /** How long `close()` waits for queued background tasks, after the requests, in milliseconds (default 10,000). */
  backgroundTimeout?: number
  /**
   * How long `close()` lets requests in progress finish, in milliseconds (default 10,000); the connections still
   * busy then are closed. With `backgroundTimeout` and a short lifespan teardown, shutdown fits in the 30 s a
   * container platform usually waits between SIGTERM and SIGKILL.
   */
  shutdownTimeout?: number
  /**
   * The request line and headers must arrive within this many milliseconds (default 10,000; `0`: no deadline),
   * else `408 {"detail":"Request Timeout"}` and the connection is closed.
   */
  headersTimeout?: number
  /**
   * The whole request, body included, must arrive within this many milliseconds (default 20,000; `0`: none),
   * else `408` and the connection is closed: a slow upload, or a body shorter than its `Content-Length`.
   */
  requestTimeout?: number
  /**
   * A response not sent within this many milliseconds of the request's arrival is answered
   * `503 {"detail":"Request timed out"}` and `request.signal` is aborted (default 30,000; `0`: none). The
   * handler is not stopped: pass `request.signal` to what it awaits (`fetch`, database drivers).
   */
  handlerTimeout?: number
  /** An idle keep-alive connection is closed after this many milliseconds (default 72,000, Fastify's). */
  keepAliveTimeout?: number
  /**
   * The log level (default `'warn'`: problems only; `fastbox run` and `fastbox dev` serve at `'info'`, which adds
   * one access line per request). The `FASTBOX_LOG_LEVEL` environment variable (the CLI's `--log-level`) overrides
   * it; `fastify.logger` replaces the whole logger.
   */
  logLevel?: LogLevel
  /**
   * Sheds load with `@fastify/under-pressure`: while the event loop lags or memory is above a threshold, requests
   * are answered `503 {"detail":"Service Unavailable"}` with `Retry-After`. `true` uses
   * `{ maxEventLoopDelay: 1000 }`; an object sets the thresholds (off by default).
   */
  underPressure?: boolean | UnderPressureOptions
  /**
   * The secret that signs cookies set with `reply.setCookie(name, value, { signed: true })` (`@fastify/cookie`,
   * which every app registers); several rotate: the first signs, all verify (`request.unsignCookie(value)`).
   */
  cookieSecret?: CookieSecret
  /** Options of the underlying Fastify server, e.g. `{ bodyLimit: 1_048_576 }`; they win over the options above. */
  fastify?: FastifyServerOptions
}
