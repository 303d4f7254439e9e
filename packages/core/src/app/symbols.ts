/**
 * @module
 * Internal members of apps and routers, behind symbols so they stay out of the public API (as Fastify's
 * `lib/symbols.js`): what the builders, routers and Fastbox's own tests reach, and users need not.
 */

/** `holder[kAddRoute](methods, path, spec, handler)`: where every route builder ends. */
export const kAddRoute = Symbol('fastbox.addRoute')

/** `app[kRouteModels]`: the analyzed routes, in declaration order. */
export const kRouteModels = Symbol('fastbox.routeModels')

/** `app[kSchemas]`: the shared (`$id`) schemas registry. */
export const kSchemas = Symbol('fastbox.schemas')
