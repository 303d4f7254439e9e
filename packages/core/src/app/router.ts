/**
 * @module
 * Routers, as in FastAPI: a group of routes with a prefix, tags, dependencies and documented responses,
 * included into an app or another router (to any depth). A router keeps its routes and tells whoever
 * included it about routes added later, so a route added after `includeRouter` still works.
 */
import type { RuntimeHandler } from '../runtime/handler.ts'
import type { HTTPMethod, RouteSpec } from '../spec/route-spec.ts'
import { installBuilders } from './builders.ts'
import { applyRouterOptions, type RouteDeclaration, type RouterOptions } from './include.ts'
import type { JoinPath, PrefixRoutes, RouteBuilders } from './route-types.ts'
import { kAddRoute } from './symbols.ts'

type Listener = (declaration: RouteDeclaration) => void

/**
 * A router: declare routes with `get`/`post`/.../`route`, then `app.includeRouter(router, options?)`.
 * Typed like an app: `typeof router` lists its routes, with its prefix in their paths.
 */
// biome-ignore lint/correctness/noUnusedVariables: merged with the class below, which uses TPrefix; both must declare it.
export interface Router<TRoutes = never, TPrefix extends string = ''>
  extends RouteBuilders<'router', TRoutes> {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the builders are typed by the interface and installed on the prototype below.
export class Router<TRoutes = never, TPrefix extends string = ''> {
  /** Type-only: the routes declared so far. Never set at run time. */
  declare readonly '~routes'?: TRoutes
  /** Type-only: the router's prefix, for its routes' paths. */
  declare readonly '~prefix'?: TPrefix
  readonly #options: RouterOptions
  readonly #routes: RouteDeclaration[] = []
  readonly #listeners: Listener[] = []

  constructor(options: RouterOptions<TPrefix> = {}) {
    this.#options = options
  }

  /** Adds a route with the router's prefix, tags, dependencies and responses applied. */
  [kAddRoute](methods: readonly HTTPMethod[], path: string, spec: RouteSpec, handler: RuntimeHandler): this {
    this.#add(applyRouterOptions(this.#options, { methods, path, spec, handler }))
    return this
  }

  /** Includes another router's routes (now and later ones), with `options` applied outside its own. */
  includeRouter<TChildRoutes, const TIncludePrefix extends string = ''>(
    router: Router<TChildRoutes, string>,
    options: RouterOptions<TIncludePrefix> = {},
  ): Router<TRoutes | PrefixRoutes<TChildRoutes, JoinPath<TPrefix, TIncludePrefix>>, TPrefix> {
    router.subscribe((declaration) =>
      this.#add(applyRouterOptions(this.#options, applyRouterOptions(options, declaration))),
    )
    return this as Router<TRoutes | PrefixRoutes<TChildRoutes, JoinPath<TPrefix, TIncludePrefix>>, TPrefix>
  }

  /** Calls `listener` for every route, those declared already and those declared later. */
  subscribe(listener: Listener): void {
    for (const declaration of this.#routes) listener(declaration)
    this.#listeners.push(listener)
  }

  #add(declaration: RouteDeclaration): void {
    this.#routes.push(declaration)
    for (const listener of this.#listeners) listener(declaration)
  }
}

installBuilders(Router.prototype)

/**
 * Creates a router.
 *
 * @example
 * const items = createRouter({ prefix: '/items', tags: ['items'], dependencies: [verifyToken] })
 *   .get('/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => load(path.item_id))
 * app.includeRouter(items)
 */
export function createRouter<const TPrefix extends string = ''>(
  options: RouterOptions<TPrefix> = {},
): Router<never, TPrefix> {
  return new Router(options)
}
