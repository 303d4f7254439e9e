/**
 * @module
 * A route's own `handlerTimeout` (its spec's, else its router's), overriding the app's: Fastify's route option
 * of that name, which arms the same 503 and `request.signal` abort as the app-wide deadline.
 */
import { InvalidHandlerTimeoutError } from '../http/fastbox-errors.ts'

/**
 * The longest delay a Node timer takes (about 24.8 days; a longer one fires at once). Fastify reads a route's
 * `0` as "the app's deadline", so a route's `0` (no deadline) is this.
 */
export const NO_DEADLINE = 2 ** 31 - 1

/** Fastify's route options for a route's `handlerTimeout` (none when the route has none of its own). */
export function routeDeadline(
  handlerTimeout: number | undefined,
  where: string,
): { handlerTimeout?: number } {
  if (handlerTimeout === undefined) return {}
  if (!Number.isInteger(handlerTimeout) || handlerTimeout < 0 || handlerTimeout > NO_DEADLINE) {
    throw new InvalidHandlerTimeoutError(where, handlerTimeout)
  }
  return { handlerTimeout: handlerTimeout === 0 ? NO_DEADLINE : handlerTimeout }
}
