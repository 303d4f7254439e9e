/**
 * @module
 * Unknown paths answer `404 {"detail":"Not Found"}`; a known path asked with another method answers
 * `405 {"detail":"Method Not Allowed"}` with an `Allow` header, as in FastAPI. Fastify's router answers
 * 404 for both, so the routes' paths are kept in a second find-my-way router, consulted only on a miss.
 */
import type { FastifyInstance } from 'fastify'
import FindMyWay from 'find-my-way'
import type { HTTPMethod } from '../spec/route-spec.ts'
import { sendJson } from './error-handler.ts'

export interface PathMatchOptions {
  ignoreTrailingSlash?: boolean
  ignoreDuplicateSlashes?: boolean
  caseSensitive?: boolean
}

export class MethodIndex {
  readonly #router
  readonly #methods = new Set<HTTPMethod>()

  constructor(options: PathMatchOptions) {
    this.#router = FindMyWay(options)
  }

  add(methods: readonly HTTPMethod[], url: string): void {
    for (const method of methods) this.#methods.add(method)
    this.#router.on(methods as HTTPMethod[], url, () => {})
  }

  /** The methods some route answers at `path`, in a stable order. */
  allowed(path: string): HTTPMethod[] {
    return [...this.#methods].filter((method) => this.#router.find(method, path) !== null).sort()
  }
}

export function useNotFound(fastify: FastifyInstance, index: MethodIndex): void {
  fastify.setNotFoundHandler((request, reply) => {
    const allowed = index.allowed(request.url.split('?', 1)[0] as string)
    if (allowed.length === 0) return sendJson(reply, 404, { detail: 'Not Found' })
    reply.header('allow', allowed.join(', '))
    return sendJson(reply, 405, { detail: 'Method Not Allowed' })
  })
}
