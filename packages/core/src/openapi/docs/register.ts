/**
 * @module
 * The docs routes, with FastAPI's URLs and switches (`openapiUrl`, `docsUrl`, `redocUrl`; `null` turns one
 * off, a `null` `openapiUrl` all three): the OpenAPI document, Swagger UI served by `@fastify/swagger-ui`
 * (its assets, from swagger-ui-dist, ship inside that package), and ReDoc. Every page and asset is answered
 * by the app itself, and every one answers `HEAD` too (as Starlette's routes do), although the app's own
 * GET routes do not.
 */
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui'
import type { FastifyInstance, FastifyReply, RouteOptions } from 'fastify'
import { type Asset, HTML, IMMUTABLE, once, SVG } from './assets.ts'
import { escapeHtml } from './html.ts'
import { REDOC_LOGO_SVG, redocBundle, redocHtml, redocPackage } from './redoc.ts'

/**
 * @fastify/swagger-ui's options, as an app may pass them (`createApp({ swaggerUi })`). Fastbox sets
 * `routePrefix` (from `docsUrl`) and the page's title (`<title> - Swagger UI`, unless `theme.title` is given),
 * and starts Swagger UI with FastAPI's parameters (`BaseLayout`, deep links, extensions shown), which
 * `uiConfig` adds to or overrides. Swagger UI reads the document from `<docsUrl>/json` (the same document as
 * `openapiUrl`) and its OAuth2 redirect page is `<docsUrl>/static/oauth2-redirect.html`: @fastify/swagger-ui
 * fixes both.
 */
export type SwaggerUiOptions = Omit<FastifySwaggerUiOptions, 'routePrefix' | 'prefix' | 'hooks'>

/** FastAPI's `swagger_ui_default_parameters` (dom_id is @fastify/swagger-ui's). */
export const SWAGGER_UI_DEFAULT_PARAMETERS = {
  layout: 'BaseLayout',
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
} as const

export interface DocsOptions {
  /** The API title; the pages are titled `<title> - Swagger UI` and `<title> - ReDoc`. */
  readonly title: string
  /** Where the JSON document is served (FastAPI: `/openapi.json`). */
  readonly openapiUrl: string
  /** The Swagger UI page (FastAPI: `/docs`); its files are served under `<docsUrl>/static/`. */
  readonly docsUrl: string | null
  /** The ReDoc page (FastAPI: `/redoc`); its files are served under `<redocUrl>/assets/`. */
  readonly redocUrl: string | null
  readonly swaggerUi?: SwaggerUiOptions | undefined
  /** The document's JSON text, built once by the caller and cached. */
  readonly document: () => string
}

/**
 * Registers the docs routes in a plugin of their own (loaded when the app starts). The routes are hidden from
 * the document.
 *
 * @example
 * registerDocs(app.fastify, { title: 'Shop', openapiUrl: '/openapi.json', docsUrl: '/docs', redocUrl: '/redoc', document })
 */
export function registerDocs(fastify: FastifyInstance, options: DocsOptions): void {
  fastify.register(async function fastboxDocs(docs) {
    docs.addHook('onRoute', answerHead)
    docs.get(options.openapiUrl, { schema: { hide: true } }, (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(options.document()),
    )
    if (options.docsUrl !== null) await registerSwaggerUi(docs, options.docsUrl, options)
    if (options.redocUrl !== null) registerRedoc(docs, options.redocUrl, options)
  })
}

/**
 * A GET route of the docs gets a HEAD twin (Fastify's own `exposeHeadRoutes` is off in Fastbox apps, as in
 * FastAPI, whose docs pages still answer HEAD). Added through `route()`, so every `onRoute` hook sees it.
 */
function answerHead(
  this: FastifyInstance,
  route: RouteOptions & { routePath?: string; path?: string },
): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  if (!methods.includes('GET') || methods.includes('HEAD')) return
  // The path as the plugin gave it (Fastify adds the prefix again); `''` is the prefix's own URL.
  const { path: _path, routePath, ...rest } = route
  this.route({ ...rest, method: 'HEAD', url: routePath ?? route.url })
}

async function registerSwaggerUi(
  docs: FastifyInstance,
  docsUrl: string,
  options: DocsOptions,
): Promise<void> {
  const { uiConfig, theme, ...rest } = options.swaggerUi ?? {}
  const settings: FastifySwaggerUiOptions = {
    ...rest,
    routePrefix: docsUrl,
    theme: { ...theme, title: theme?.title ?? escapeHtml(`${options.title} - Swagger UI`) },
    uiConfig: { ...SWAGGER_UI_DEFAULT_PARAMETERS, ...uiConfig },
  }
  // Loaded by the apps that serve the page, when they start (it brings @fastify/static along).
  const { fastifySwaggerUi } = (await import('@fastify/swagger-ui')) as unknown as {
    fastifySwaggerUi: (instance: FastifyInstance, options: FastifySwaggerUiOptions) => Promise<void>
  }
  // Registered without its plugin metadata: @fastify/swagger is applied to the app directly (see
  // `useSwagger`), so fastify-plugin's check for it by name would fail.
  await docs.register(
    async (instance, own: FastifySwaggerUiOptions) => fastifySwaggerUi(instance, own),
    settings,
  )
}

/** ReDoc at `redocUrl`, its bundle and logo under `<redocUrl>/assets/`. */
function registerRedoc(docs: FastifyInstance, redocUrl: string, options: DocsOptions): void {
  const assetsUrl = `${withoutTrailingSlash(redocUrl)}/assets`
  const pkg = redocPackage()
  const html = redocHtml({ title: options.title, openapiUrl: options.openapiUrl, assetsUrl, pkg })
  // Rewritten once per app (the logo URL depends on `redocUrl`) on first use, then kept.
  const bundle = once(() => redocBundle(`${assetsUrl}/logo.svg`))
  const hide = { schema: { hide: true } }
  docs.get(redocUrl, hide, (_request, reply) => reply.type(HTML).send(html))
  docs.get(`${assetsUrl}/redoc.standalone.js`, hide, (_request, reply) => send(reply, bundle(), IMMUTABLE))
  docs.get(`${assetsUrl}/logo.svg`, hide, (_request, reply) =>
    send(reply, { body: REDOC_LOGO_SVG, contentType: SVG }, 'public, max-age=86400'),
  )
}

function send(reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  return reply.type(asset.contentType).header('cache-control', cacheControl).send(asset.body)
}

/** `/redoc/` gives `/redoc/assets`, not `/redoc//assets`. */
function withoutTrailingSlash(url: string): string {
  return url.length > 1 ? url.replace(/\/+$/, '') : ''
}
