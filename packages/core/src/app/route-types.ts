/**
 * @module
 * The app's type: each route declared on an app or router recorded as `Route<method, path, spec>`, whose
 * `input` and `output` are evaluated only when read (by a typed client, later). Kept cheap on purpose: each
 * route is inferred once, and the app accumulates routes as a plain union of lazily evaluated interfaces.
 */
import type { Static, TSchema } from '@sinclair/typebox'
import type {
  BodyStatic,
  CheckSpec,
  Handler,
  PartStatic,
  PathStatic,
  ResponseMap,
  SpecPart,
} from '../spec/context.ts'
import type { HTTPMethod, MethodRouteSpec, RouteSpec } from '../spec/route-spec.ts'
import type { App } from './app.ts'
import type { Router } from './router.ts'

////////////////////////////////////////////////////////////////////////////////////////////////////
// Routes in the app's type
////////////////////////////////////////////////////////////////////////////////////////////////////

/** One route as the app's type records it; `input` and `output` are evaluated only when read. */
export interface Route<
  TMethod extends HTTPMethod = HTTPMethod,
  TPath extends string = string,
  TSpec = unknown,
> {
  method: TMethod
  path: TPath
  input: RouteInput<TPath, TSpec>
  output: RouteOutput<TSpec>
}

/** The request parts of a route, as its handler sees them after validation. */
export interface RouteInput<TPath extends string, TSpec> {
  path: PathStatic<TPath, SpecPart<TSpec, 'path'>>
  query: PartStatic<SpecPart<TSpec, 'query'>>
  headers: PartStatic<SpecPart<TSpec, 'headers'>>
  cookies: PartStatic<SpecPart<TSpec, 'cookies'>>
  body: BodyStatic<SpecPart<TSpec, 'body'>>
  form: PartStatic<SpecPart<TSpec, 'form'>>
}

/**
 * The response bodies of a route by status, as JSON (dates are strings). `-readonly`: a `response` map
 * read through the builders' `const` type parameter has `readonly` keys; a single schema does not.
 */
export type RouteOutput<TSpec> = {
  -readonly [K in keyof ResponseMap<TSpec>]: ResponseMap<TSpec>[K] extends TSchema
    ? Static<ResponseMap<TSpec>[K]>
    : never
}

/** The methods named by a `route()` spec, upper-cased. */
export type SpecMethods<TSpec extends MethodRouteSpec> = Uppercase<
  TSpec['method'] extends readonly (infer TMethod extends string)[] ? TMethod : TSpec['method'] & string
> &
  HTTPMethod

/**
 * The route holders by kind, each with its routes so far; an app's builders return `RouteHolders<R>['app']`.
 * Routers add their kind here. A holder carries its routes in the type-only `'~routes'` property, which
 * is where the builders read them from (see {@link RoutesCarrier}).
 */
export interface RouteHolders<TRoutes, TPrefix extends string = ''> {
  app: App<TRoutes>
  router: Router<TRoutes, TPrefix>
}

/** A prefix joined to a path as routers join them at run time: `'/items'` + `'/'` → `'/items/'`. */
export type JoinPath<TPrefix extends string, TPath extends string> = TPrefix extends '' | '/'
  ? TPath
  : `${TPrefix}${TPath}`

/** Routes moved under a prefix (by `includeRouter`). */
export type PrefixRoutes<TRoutes, TPrefix extends string> = TPrefix extends ''
  ? TRoutes
  : TRoutes extends Route<infer TMethod, infer TPath, infer TSpec>
    ? Route<TMethod, JoinPath<TPrefix, TPath>, TSpec>
    : never

export type HolderKind = keyof RouteHolders<never>

/**
 * The builders' `this`: the holder's routes so far are inferred from it (`TPrev`), rather than written
 * into the builder's type by its holder. A builder typed with the holder's routes had them substituted
 * first and the call's own type parameters next, and that second pass walked every route of the union
 * at each call: quadratic in the number of chained routes (about 420k extra instantiations at 500 routes;
 * see `bench/types`). It also types calling a builder detached from its holder as the error it is at
 * run time.
 */
export interface RoutesCarrier<TRoutes, TPrefix extends string = ''> {
  readonly '~routes'?: TRoutes
  /** A router's prefix, joined to its routes' paths (path parameters in it reach the handler). */
  readonly '~prefix'?: TPrefix
}

/** The builder for one method: `(path, spec, handler)` or `(path, handler)`; returns the holder retyped. */
export interface MethodBuilder<TMethod extends HTTPMethod, TKind extends HolderKind> {
  <const TPath extends string, const TSpec extends RouteSpec, TPrev = never, TPrefix extends string = ''>(
    this: RoutesCarrier<TPrev, TPrefix>,
    path: TPath,
    spec: TSpec & CheckSpec<JoinPath<TPrefix, TPath>, TSpec>,
    handler: Handler<JoinPath<TPrefix, TPath>, TSpec>,
  ): RouteHolders<TPrev | Route<TMethod, JoinPath<TPrefix, TPath>, TSpec>, TPrefix>[TKind]
  <const TPath extends string, TPrev = never, TPrefix extends string = ''>(
    this: RoutesCarrier<TPrev, TPrefix>,
    path: TPath,
    handler: Handler<JoinPath<TPrefix, TPath>, {}>,
  ): RouteHolders<TPrev | Route<TMethod, JoinPath<TPrefix, TPath>, {}>, TPrefix>[TKind]
}

/** `route(path, { method, ...spec }, handler)`: one route for one or several methods. */
export type MethodsBuilder<TKind extends HolderKind> = <
  const TPath extends string,
  const TSpec extends MethodRouteSpec,
  TPrev = never,
  TPrefix extends string = '',
>(
  this: RoutesCarrier<TPrev, TPrefix>,
  path: TPath,
  spec: TSpec & CheckSpec<JoinPath<TPrefix, TPath>, TSpec>,
  handler: Handler<JoinPath<TPrefix, TPath>, TSpec>,
) => RouteHolders<TPrev | Route<SpecMethods<TSpec>, JoinPath<TPrefix, TPath>, TSpec>, TPrefix>[TKind]

/**
 * The route builders shared by apps and routers. `_TRoutes` is the holder's routes, kept in the signature
 * for the holders' declarations; the builders infer the routes from `this` (see {@link RoutesCarrier}).
 */
export interface RouteBuilders<TKind extends HolderKind, _TRoutes> {
  route: MethodsBuilder<TKind>
  get: MethodBuilder<'GET', TKind>
  post: MethodBuilder<'POST', TKind>
  put: MethodBuilder<'PUT', TKind>
  patch: MethodBuilder<'PATCH', TKind>
  delete: MethodBuilder<'DELETE', TKind>
  head: MethodBuilder<'HEAD', TKind>
  options: MethodBuilder<'OPTIONS', TKind>
}
