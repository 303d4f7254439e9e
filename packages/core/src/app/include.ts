/**
 * @module
 * What a router (or an `includeRouter` call) adds to the routes it holds, as in FastAPI: prefixes join,
 * tags add up and dependencies run outer first, responses merge (the route's own win).
 */

import { joinPaths } from '../analysis/path.ts'
import type { AnyDependency } from '../spec/dependency.ts'
import type { ResponseDoc, RouteSpec } from '../spec/route-spec.ts'

/** Options of `createRouter` and of `includeRouter`. */
export interface RouterOptions<TPrefix extends string = string> {
  /** A path prefix for every route (`'/items'`); it may hold path parameters. */
  readonly prefix?: TPrefix
  /** Tags added before each route's own. */
  readonly tags?: readonly string[]
  /** Dependencies run before each route's own. */
  readonly dependencies?: readonly AnyDependency[]
  /** Extra documented responses, merged under each route's own. */
  readonly responses?: { readonly [status: string | number]: ResponseDoc }
  /** JSON bodies taken as they are (no lax conversions) in routes that do not say otherwise. */
  readonly strict?: boolean
  /** The handler deadline (ms; `0`: none) of routes that do not set their own. */
  readonly handlerTimeout?: number
}

/** A route as a router holds it: ready to be added, with the router's additions applied. */
export interface RouteDeclaration {
  readonly methods: readonly import('../spec/route-spec.ts').HTTPMethod[]
  readonly path: string
  readonly spec: RouteSpec
  readonly handler: import('../runtime/handler.ts').RuntimeHandler
}

/**
 * Applies a router's (or an inclusion's) options to one route: the outer options come first, and the
 * innermost `strict` and `handlerTimeout` (the route's own, else its router's) win.
 */
export function applyRouterOptions(options: RouterOptions, declaration: RouteDeclaration): RouteDeclaration {
  const { spec } = declaration
  const tags = [...(options.tags ?? []), ...(spec.tags ?? [])]
  const dependencies = [...(options.dependencies ?? []), ...(spec.dependencies ?? [])]
  const responses = { ...options.responses, ...spec.responses }
  return {
    ...declaration,
    path: joinPaths(options.prefix ?? '', declaration.path),
    spec: {
      ...spec,
      ...(tags.length > 0 && { tags: [...new Set(tags)] }),
      ...(dependencies.length > 0 && { dependencies }),
      ...(Object.keys(responses).length > 0 && { responses }),
      ...(spec.strict === undefined && options.strict !== undefined && { strict: options.strict }),
      ...(spec.handlerTimeout === undefined &&
        options.handlerTimeout !== undefined && { handlerTimeout: options.handlerTimeout }),
    },
  }
}
