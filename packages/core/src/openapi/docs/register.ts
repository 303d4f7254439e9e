/**
 * @module
 * `registerDocsRoutes`: the OpenAPI document, Swagger UI, its OAuth2 redirect page and ReDoc as plain Fastify
 * GET routes, with FastAPI's URLs and switches (`openapiUrl`, `docsUrl`, `redocUrl`,
 * `swaggerUiOAuth2RedirectUrl`; `null` turns one off, a `null` `openapiUrl` turns off all).
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { type Asset, HTML, IMMUTABLE, JS, once, REVALIDATE, SVG } from './assets.ts'
import { REDOC_LOGO_SVG, redocBundle, redocHtml, redocPackage } from './redoc.ts'
import {
  oauth2RedirectHtml,
  type SwaggerUiAssetName,
  type SwaggerUiParameters,
  swaggerUiAssets,
  swaggerUiHtml,
  swaggerUiInitScript,
  swaggerUiPackage,
} from './swagger-ui.ts'

export interface DocsOptions {
  /** The API title; the pages are titled `<title> - Swagger UI` and `<title> - ReDoc`. */
  readonly title: string
  /** Where the JSON document is served (FastAPI: `/openapi.json`); `null` serves no document and no pages. */
  readonly openapiUrl: string | null
  /** The Swagger UI page (FastAPI: `/docs`); its files are served under `<docsUrl>/assets/`. */
  readonly docsUrl: string | null
  /** The ReDoc page (FastAPI: `/redoc`); its files are served under `<redocUrl>/assets/`. */
  readonly redocUrl: string | null
  /**
   * The OAuth2 redirect page of Swagger UI; `<docsUrl>/oauth2-redirect` when left out, `null` for none (then
   * Swagger UI is given no `oauth2RedirectUrl`, as in FastAPI).
   */
  readonly swaggerUiOAuth2RedirectUrl?: string | null | undefined
  /** Added to (and overriding) FastAPI's default Swagger UI parameters (`swagger_ui_parameters`). JSON only. */
  readonly swaggerUiParameters?: SwaggerUiParameters | undefined
  /** When given, Swagger UI calls `ui.initOAuth(...)` with it (`swagger_ui_init_oauth`). JSON only. */
  readonly swaggerUiInitOAuth?: SwaggerUiParameters | undefined
  /**
   * The document's JSON text. Called on every request to `openapiUrl`: the caller builds the document once
   * (after all routes are added) and caches it; this module never builds or changes it.
   */
  readonly document: () => string
}

/**
 * Adds the docs routes to `fastify`. No request for them goes to another host: every script, stylesheet and
 * image comes from the installed `swagger-ui-dist` and `redoc` packages, read once per process on first use
 * and kept in memory.
 *
 * @example
 * registerDocsRoutes(app.fastify, {
 *   title: 'Shop', openapiUrl: '/openapi.json', docsUrl: '/docs', redocUrl: '/redoc',
 *   document: () => json,
 * })
 */
export function registerDocsRoutes(fastify: FastifyInstance, options: DocsOptions): void {
  const { openapiUrl, title } = options
  if (openapiUrl === null) return

  fastify.get(openapiUrl, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(options.document()),
  )

  if (options.docsUrl !== null) {
    const docsUrl = options.docsUrl
    const assetsUrl = `${withoutTrailingSlash(docsUrl)}/assets`
    const oauth2RedirectUrl =
      options.swaggerUiOAuth2RedirectUrl === undefined
        ? `${withoutTrailingSlash(docsUrl)}/oauth2-redirect`
        : options.swaggerUiOAuth2RedirectUrl
    // Resolved now, so a missing package fails at start-up rather than on the first visit.
    const pkg = swaggerUiPackage()
    const html = swaggerUiHtml({ title, openapiUrl, assetsUrl, pkg })
    const init = swaggerUiInitScript({
      openapiUrl,
      oauth2RedirectUrl,
      parameters: options.swaggerUiParameters,
      initOAuth: options.swaggerUiInitOAuth,
    })

    fastify.get(docsUrl, (_request, reply) => reply.type(HTML).send(html))
    fastify.get(`${assetsUrl}/swagger-ui-init.js`, (_request, reply) =>
      send(reply, { body: init, contentType: JS }, REVALIDATE),
    )
    for (const name of Object.keys(swaggerUiAssets) as SwaggerUiAssetName[]) {
      fastify.get(`${assetsUrl}/${name}`, (_request, reply) =>
        send(reply, swaggerUiAssets[name](), IMMUTABLE),
      )
    }
    if (oauth2RedirectUrl !== null) {
      fastify.get(oauth2RedirectUrl, (_request, reply) => reply.type(HTML).send(oauth2RedirectHtml()))
    }
  }

  if (options.redocUrl !== null) {
    const redocUrl = options.redocUrl
    const assetsUrl = `${withoutTrailingSlash(redocUrl)}/assets`
    const pkg = redocPackage()
    const html = redocHtml({ title, openapiUrl, assetsUrl, pkg })
    // Rewritten once per app (the logo URL depends on `redocUrl`) on first use, then kept.
    const bundle = once(() => redocBundle(`${assetsUrl}/logo.svg`))

    fastify.get(redocUrl, (_request, reply) => reply.type(HTML).send(html))
    fastify.get(`${assetsUrl}/redoc.standalone.js`, (_request, reply) => send(reply, bundle(), IMMUTABLE))
    fastify.get(`${assetsUrl}/logo.svg`, (_request, reply) =>
      send(reply, { body: REDOC_LOGO_SVG, contentType: SVG }, 'public, max-age=86400'),
    )
  }
}

function send(reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  return reply.type(asset.contentType).header('cache-control', cacheControl).send(asset.body)
}

/** `/docs/` gives `/docs/assets`, not `/docs//assets`. */
function withoutTrailingSlash(url: string): string {
  return url.length > 1 ? url.replace(/\/+$/, '') : ''
}
