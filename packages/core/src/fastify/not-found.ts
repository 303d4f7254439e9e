/**
 * @module
 * Unknown paths answer `404 {"detail":"Not Found"}`; a known path asked with another method answers
 * `405 {"detail":"Method Not Allowed"}` with an `Allow` header, as in FastAPI. Fastify's router answers
 * 404 for both, so every route's path is kept in a second find-my-way router, consulted only on a miss.
 * It is fed by Fastify's `onRoute` hook: plain Fastify routes and plugins' routes answer 405 too.
 *
 * As Starlette's `redirect_slashes`: a path that matches no route, but would with its trailing slash added
 * or removed, answers `307` to that path (the query string kept), so `GET /items` reaches `/items/`.
 */
import type { FastifyInstance, RouteOptions } from 'fastify'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import { sendJson } from './error-handler.ts'

export interface PathMatchOptions {
  ignoreTrailingSlash?: boolean
  ignoreDuplicateSlashes?: boolean
  caseSensitive?: boolean
}

const noop = () => {}

class MethodIndex {
  readonly #router
  readonly #methods = new Set<string>()

  constructor(options: PathMatchOptions) {
    this.#router = FindMyWay(options)
  }

  add(methods: readonly string[], url: string): void {
    for (const method of methods) {
      this.#methods.add(method)
      // Fastify allows one path and method twice under different constraints (version, host).
      if (!this.#router.hasRoute(method as HTTPMethod, url)) this.#router.on(method as HTTPMethod, url, noop)
    }
  }

  /** The methods some route answers at `path`, in a stable order. */
  allowed(path: string): string[] {
    return [...this.#methods].filter((method) => this.#matches(method as HTTPMethod, path)).sort()
  }

  /** As in FastAPI, an empty segment fills no parameter: `/items/` does not match `/items/{id}`. */
  #matches(method: HTTPMethod, path: string): boolean {
    const found = this.#router.find(method, path)
    if (found === null) return false
    for (const [name, value] of Object.entries(found.params)) if (value === '' && name !== '*') return false
    return true
  }
}

function splitUrl(url: string): [path: string, query: string | undefined] {
  const at = url.indexOf('?')
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)]
}

/** Must run before any route is registered: the index learns routes from `onRoute`. */
export function useNotFound(fastify: FastifyInstance, options: PathMatchOptions): void {
  const index = new MethodIndex(options)
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    index.add(
      methods.map((method) => method.toUpperCase()),
      route.url,
    )
  })
  fastify.setNotFoundHandler((request, reply) => {
    const [path = '', query] = splitUrl(request.url)
    const allowed = index.allowed(path)
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '))
      return sendJson(reply, 405, { detail: 'Method Not Allowed' })
    }
    const other = path === '/' ? undefined : path.endsWith('/') ? path.slice(0, -1) : `${path}/`
    if (other !== undefined && index.allowed(other).length > 0) {
      // An absolute URL, as Starlette writes it; the method and body are kept by a 307.
      const location = `${request.protocol}://${request.host}${other}${query === undefined ? '' : `?${query}`}`
      return reply.code(307).header('location', location).send()
    }
    return sendJson(reply, 404, { detail: 'Not Found' })
  })
}
