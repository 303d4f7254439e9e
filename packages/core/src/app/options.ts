/**
 * @module
 * `createApp()` options: the OpenAPI metadata of the app, where its docs are served, and Fastify's own
 * server options.
 */
import type { FastifyServerOptions } from 'fastify'
import type { SwaggerUiOptions } from '../openapi/docs/register.ts'
import type { SwaggerOptions } from '../openapi/swagger.ts'
import type { AnyDependency } from '../spec/dependency.ts'
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
  /** How long `close()` waits for queued background tasks, in milliseconds (default 10,000). */
  backgroundTimeout?: number
  /** Options of the underlying Fastify server, e.g. `{ logger: true, bodyLimit: 1_048_576 }`. */
  fastify?: FastifyServerOptions
}
