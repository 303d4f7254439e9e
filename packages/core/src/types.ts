/**
 * @module
 * The static side of a route: from one declaration, the handler's context and return type, and the
 * route's entry in the app's type (method, path, input, output) for a typed client to read later.
 * Kept cheap on purpose: each route is inferred once, and the app accumulates routes as a plain union
 * of lazily evaluated interfaces.
 */
import type { Static, TObject, TOptional, TProperties, TSchema } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from './app/app.ts'
import type { BackgroundTasks } from './background/background-tasks.ts'
import type { Dependency } from './dependency/dependency.ts'
import type { StatusResponse } from './route/respond.ts'
import type { HTTPMethod, MethodRouteSpec, RouteSpec } from './route/spec.ts'
import type { Router } from './router/router.ts'

////////////////////////////////////////////////////////////////////////////////////////////////////
// Paths
////////////////////////////////////////////////////////////////////////////////////////////////////

/** The parameter names of a path: `'/items/{item_id}/{file:path}'` → `'item_id' | 'file'`; `:name` too. */
export type PathParamNames<TPath extends string> = TPath extends `${infer Head}/${infer Rest}`
  ? SegmentParams<Head> | PathParamNames<Rest>
  : SegmentParams<TPath>

type SegmentParams<TSegment extends string> = TSegment extends `${string}{${infer Name}}${infer Rest}`
  ? BraceName<Name> | SegmentParams<Rest>
  : TSegment extends `${string}:${infer Rest}`
    ? ColonParams<Rest>
    : never

type BraceName<TName extends string> = TName extends `${infer Name}:${string}` ? Name : TName

type ColonParams<TRest extends string> = TRest extends `${infer Name}-${infer Rest}`
  ? ColonParams<Name> | SegmentParams<Rest>
  : TRest extends `${infer Name}.${infer Rest}`
    ? ColonParams<Name> | SegmentParams<Rest>
    : TRest

////////////////////////////////////////////////////////////////////////////////////////////////////
// Request parts
////////////////////////////////////////////////////////////////////////////////////////////////////

/** The value of one spec key, or `undefined` when the spec leaves it out. */
type SpecPart<TSpec, TKey extends string> = TSpec extends { readonly [K in TKey]: infer TValue }
  ? TValue
  : undefined

/**
 * The static type of a parameter part: a TypeBox object, a record of schemas, or nothing (`{}`).
 * A record is read through the builders' `const` type parameter, which makes its keys `readonly`;
 * `-readonly` drops that so both forms give the same (mutable) type, as `t.Object` does.
 */
export type PartStatic<TPart> = TPart extends TSchema
  ? Static<TPart>
  : TPart extends TProperties
    ? Static<TObject<{ -readonly [K in keyof TPart]: TPart[K] }>>
    : {}

/** Path parameters: declared ones typed by their schema, the others `string`. */
export type PathStatic<TPath extends string, TPart> = PathValues<PathParamNames<TPath>, PartStatic<TPart>>

type PathValues<TNames extends string, TDeclared> = {
  [K in TNames]: K extends keyof TDeclared ? TDeclared[K] : string
}

/** The body's static type; `undefined` when there is none, possibly `undefined` when it is optional. */
export type BodyStatic<TBody> =
  TBody extends TOptional<infer TInner>
    ? Static<TInner> | undefined
    : TBody extends TSchema
      ? Static<TBody>
      : undefined

////////////////////////////////////////////////////////////////////////////////////////////////////
// Responses
////////////////////////////////////////////////////////////////////////////////////////////////////

/** The success status of a spec (200 unless `status` says otherwise). */
export type SuccessStatus<TSpec> = TSpec extends { readonly status: infer TStatus extends number }
  ? TStatus
  : 200

/** Response schemas by status, whether the spec gave one schema or a map. */
export type ResponseMap<TSpec> = TSpec extends { readonly response: infer TResponse }
  ? TResponse extends TSchema
    ? { [K in SuccessStatus<TSpec>]: TResponse }
    : TResponse
  : {}

type BodylessStatus = 100 | 101 | 102 | 103 | 204 | 205 | 304

/**
 * What a handler may return for a schema: `Static` where a string may also be a `Date` (written as an
 * ISO string by the serializer).
 */
export type Output<T> = T extends string
  ? string extends T
    ? T | Date
    : T
  : T extends readonly unknown[] | Record<string, unknown>
    ? { [K in keyof T]: Output<T[K]> }
    : T

type OutputOf<TMap, TStatus> = TStatus extends keyof TMap
  ? TMap[TStatus] extends TSchema
    ? Output<Static<TMap[TStatus]>>
    : never
  : never

/** The body a handler returns for its success status: checked against its schema, free when it has none. */
export type SuccessOutput<TSpec> =
  SuccessStatus<TSpec> extends BodylessStatus
    ? // biome-ignore lint/suspicious/noConfusingVoidType: a handler with nothing to return returns `void`.
      undefined | void
    : SuccessStatus<TSpec> extends keyof ResponseMap<TSpec>
      ? OutputOf<ResponseMap<TSpec>, SuccessStatus<TSpec>>
      : unknown

/**
 * `respond(status, body)`: answers another declared status, its body checked against that status's schema.
 * The arguments are one of a union of `[status, body]` tuples, computed once per route: a signature
 * generic in the status alone made TypeScript evaluate the body type for a still-generic status at
 * every call (about 1,100 extra instantiations per route using `respond`; see `bench/types`).
 */
export type Respond<TMap> = <TArgs extends RespondArgs<TMap>>(
  ...args: TArgs
) => StatusResponse<TArgs[0], TArgs[1]>

/** The `[status, body]` pairs a route's `respond` accepts: one per declared status. */
export type RespondArgs<TMap> = {
  [K in keyof TMap & number]: [status: K, body: OutputOf<TMap, K>]
}[keyof TMap & number]

/** What a handler may return (or resolve to). */
export type HandlerResult<TSpec> =
  | SuccessOutput<TSpec>
  | StatusResponse<keyof ResponseMap<TSpec> & number>
  | Promise<SuccessOutput<TSpec> | StatusResponse<keyof ResponseMap<TSpec> & number>>

////////////////////////////////////////////////////////////////////////////////////////////////////
// Handler
////////////////////////////////////////////////////////////////////////////////////////////////////

/** What handlers and dependencies both receive: the validated request parts (path aside) and helpers. */
export interface RequestContext<TSpec> {
  query: PartStatic<SpecPart<TSpec, 'query'>>
  headers: PartStatic<SpecPart<TSpec, 'headers'>>
  cookies: PartStatic<SpecPart<TSpec, 'cookies'>>
  body: BodyStatic<SpecPart<TSpec, 'body'>>
  /** The fields of a form body (`application/x-www-form-urlencoded`), coerced as query parameters are. */
  form: PartStatic<SpecPart<TSpec, 'form'>>
  /** The values of the spec's `deps`, by name. */
  deps: DepsStatic<SpecPart<TSpec, 'deps'>>
  /** Tasks to run after the response is sent: `background.add(fn, ...args)`. */
  background: BackgroundTasks
  /** Fastify's request (escape hatch: raw headers, `log`, decorations). */
  request: FastifyRequest
  /** Fastify's reply (escape hatch: headers, cookies, streaming). A handler that sends through it is done. */
  reply: FastifyReply
}

/** The handler's argument, typed from the route's spec; every parameter of the path string is in `path`. */
export interface Context<TPath extends string, TSpec> extends RequestContext<TSpec> {
  path: PathStatic<TPath, SpecPart<TSpec, 'path'>>
  respond: Respond<ResponseMap<TSpec>>
}

////////////////////////////////////////////////////////////////////////////////////////////////////
// Dependencies
////////////////////////////////////////////////////////////////////////////////////////////////////

/** The values of a `deps` record: what each dependency provides. */
export type DepsStatic<TDeps> = [TDeps] extends [undefined]
  ? {}
  : { -readonly [K in keyof TDeps]: TDeps[K] extends Dependency<infer TValue> ? TValue : never }

/** What a dependency function's result provides: the awaited value, or what a generator yields. */
export type DependencyValue<TResult> =
  TResult extends Generator<infer TYield, unknown, unknown>
    ? TYield
    : TResult extends AsyncGenerator<infer TYield, unknown, unknown>
      ? TYield
      : Awaited<TResult>

/** A dependency function's argument, typed from its spec (its own request parts and sub-dependencies). */
export interface DependencyContext<TSpec> extends RequestContext<TSpec> {
  path: PartStatic<SpecPart<TSpec, 'path'>>
}

export type Handler<TPath extends string, TSpec> = (context: Context<TPath, TSpec>) => HandlerResult<TSpec>

/**
 * Turns a `path` part naming a parameter the path string does not have into a type error that names it.
 */
export type CheckSpec<TPath extends string, TSpec> = TSpec extends { readonly path: infer TPart }
  ? [Exclude<PartKeys<TPart>, PathParamNames<TPath>>] extends [never]
    ? unknown
    : TPart extends TObject
      ? { path: { properties: UnknownParams<TPath, Exclude<PartKeys<TPart>, PathParamNames<TPath>>> } }
      : { path: UnknownParams<TPath, Exclude<PartKeys<TPart>, PathParamNames<TPath>>> }
  : unknown

type PartKeys<TPart> = TPart extends TObject<infer TProps> ? keyof TProps & string : keyof TPart & string

type UnknownParams<TPath extends string, TNames extends string> = {
  [K in TNames]: `"${K}" is not a parameter of the path "${TPath}"`
}

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

/** A prefix joined to a path as routers join them at run time: `'/items'` + `'/'` → `'/items'`. */
export type JoinPath<TPrefix extends string, TPath extends string> = TPrefix extends ''
  ? TPath
  : TPath extends '/'
    ? TPrefix
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
