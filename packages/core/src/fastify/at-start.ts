/**
 * @module
 * Work deferred to the moment the app starts. Plugins such as @fastify/compress and @fastify/rate-limit set
 * themselves up on each route as it is added (an `onRoute` hook), so routes added before they are registered
 * go without them. The docs routes are Fastbox's own, not the user's: they are added when the app starts, after
 * every plugin the user registered, so that such plugins cover `/openapi.json`, `/docs` and `/redoc` as
 * FastAPI's middleware covers its docs.
 */
import type { FastifyInstance } from 'fastify'

/**
 * Runs `register` once, at the instance's first `ready()` (which `listen()` and `inject()` call too), before
 * Fastify loads the plugins still queued: what it registers comes after every plugin registered until then.
 */
export function registerAtStart(fastify: FastifyInstance, register: () => void): void {
  const ready = fastify.ready
  let registered = false
  fastify.ready = function readyAfterRegistering(this: FastifyInstance, ...args: unknown[]) {
    if (!registered) {
      registered = true
      register()
    }
    return (ready as (...rest: unknown[]) => unknown).apply(this, args)
  } as FastifyInstance['ready']
}
