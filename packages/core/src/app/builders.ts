/**
 * @module
 * The route builders (`get`, `post`, ..., `route`) are the same few lines for every method and for apps and
 * routers alike: installed once on each holder's prototype, all ending in the holder's `[kAddRoute]`.
 */
import { UnknownMethodError } from '../http/fastbox-errors.ts'
import type { RuntimeHandler } from '../runtime/handler.ts'
import type { HTTPMethod, MethodRouteSpec, RouteSpec } from '../spec/route-spec.ts'
import { kAddRoute } from './symbols.ts'

/** Anything routes can be added to. */
export interface RouteSink {
  [kAddRoute](methods: readonly HTTPMethod[], path: string, spec: RouteSpec, handler: RuntimeHandler): unknown
}

const METHODS: Readonly<Record<string, HTTPMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
}

export function installBuilders(prototype: RouteSink): void {
  const builders = prototype as unknown as Record<string, unknown>
  for (const [name, method] of Object.entries(METHODS)) {
    builders[name] = function (
      this: RouteSink,
      path: string,
      specOrHandler: RouteSpec | RuntimeHandler,
      handler?: RuntimeHandler,
    ) {
      return typeof specOrHandler === 'function'
        ? this[kAddRoute]([method], path, {}, specOrHandler)
        : this[kAddRoute]([method], path, specOrHandler, handler as RuntimeHandler)
    }
  }
  builders.route = function (this: RouteSink, path: string, spec: MethodRouteSpec, handler: RuntimeHandler) {
    const { method, ...rest } = spec
    return this[kAddRoute](toMethods(method), path, rest, handler)
  }
}

function toMethods(method: MethodRouteSpec['method']): HTTPMethod[] {
  const names = typeof method === 'string' ? [method] : [...method]
  return names.map((name) => {
    const known = METHODS[name.toLowerCase()]
    if (known === undefined) throw new UnknownMethodError(name)
    return known
  })
}
