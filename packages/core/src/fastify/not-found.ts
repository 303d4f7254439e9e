/**
 * @module
 * Unknown paths answer `404 {"detail":"Not Found"}`; a known path asked with another method answers
 * `405 {"detail":"Method Not Allowed"}` with an `Allow` header, as in FastAPI. Fastify's router answers
 * 404 for both, so every route's path is kept in a second find-my-way router, consulted only on a miss.
 * It is fed by Fastify's `onRoute` hook: plain Fastify routes and plugins' routes answer 405 too.
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
    return [...this.#methods]
      .filter((method) => this.#router.find(method as HTTPMethod, path) !== null)
      .sort()
  }
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
    const allowed = index.allowed(request.url.split('?', 1)[0] as string)
    if (allowed.length === 0) return sendJson(reply, 404, { detail: 'Not Found' })
    reply.header('allow', allowed.join(', '))
    return sendJson(reply, 405, { detail: 'Method Not Allowed' })
  })
}
