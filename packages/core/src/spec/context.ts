/**
 * @module
 * The static side of a route: from one declaration, the handler's context and return type, and the
 * route's entry in the app's type (see `app/route-types.ts`).
 */
import type { Static, TArray, TObject, TOptional, TProperties, TSchema, TUnion } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { BodylessStatus } from '../http/status.ts'
import type { TDateString } from '../schema/dates.ts'
import type { Dependency } from './dependency.ts'
import type { StatusResponse } from './respond.ts'
import type { AnyResponseKind, ResponseKind, ServerSentEvent } from './response-kinds.ts'

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
export type SpecPart<TSpec, TKey extends string> = TSpec extends { readonly [K in TKey]: infer TValue }
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

/**
 * The body's static type; `undefined` when there is none, possibly `undefined` when it is optional. A body of
 * named parts is an object of its parts, typed as a parameter part is.
 */
export type BodyStatic<TBody> =
  TBody extends TOptional<infer TInner>
    ? Static<TInner> | undefined
    : TBody extends TSchema
      ? Static<TBody>
      : TBody extends TProperties
        ? PartStatic<TBody>
        : undefined

////////////////////////////////////////////////////////////////////////////////////////////////////
// Responses
////////////////////////////////////////////////////////////////////////////////////////////////////

/** The success status of a spec (200 unless `status` says otherwise; 307 for `response: redirect()`). */
export type SuccessStatus<TSpec> = TSpec extends { readonly status: infer TStatus extends number }
  ? TStatus
  : TSpec extends { readonly response: ResponseKind<'redirect', unknown, undefined> }
    ? 307
    : 200

/** Response schemas (and kinds) by status, whether the spec gave one or a map. */
export type ResponseMap<TSpec> = TSpec extends { readonly response: infer TResponse }
  ? TResponse extends TSchema | AnyResponseKind
    ? { [K in SuccessStatus<TSpec>]: TResponse }
    : TResponse
  : {}

/**
 * What a handler may return for a response schema: its `Static` type, except that a field declared with
 * `dateTime()` or `date()` may also be a `Date` (written as an ISO string by the serializer). Read from the
 * schema, not from `Static`: a plain `t.String()` stays `string`, so a wrong value is reported against it.
 */
export type Output<TSchemaType> = TSchemaType extends TDateString
  ? string | Date
  : TSchemaType extends TObject<infer TProps>
    ? ObjectOutput<TProps>
    : TSchemaType extends TArray<infer TItem>
      ? Output<TItem>[]
      : TSchemaType extends TUnion<infer TBranches>
        ? Output<TBranches[number]>
        : TSchemaType extends TSchema
          ? Static<TSchemaType>
          : never

/**
 * An object's output: `t.Optional` properties optional, the others required, each an {@link Output}; one
 * flat object type, so an error names its fields rather than an intersection.
 */
type ObjectOutput<TProps extends TProperties> = Flat<
  {
    [K in keyof TProps as TProps[K] extends TOptional<TSchema> ? never : K]: Output<TProps[K]>
  } & {
    [K in keyof TProps as TProps[K] extends TOptional<TSchema> ? K : never]?: Output<TProps[K]>
  }
>

/** An intersection as one object type (inferred first, so errors print its fields, not this alias). */
type Flat<T> = T extends infer O ? { [K in keyof O]: O[K] } : never

/**
 * What a handler returns for one declared response: the {@link Output} of a schema, or what a response kind
 * takes (a string for `html()`, an iterable of items for `jsonLines(Item)`, ...).
 */
export type ResponseOutput<TDeclared> =
  TDeclared extends ResponseKind<infer TName, infer TOutput, infer TItem>
    ? TName extends 'jsonLines'
      ? StreamOf<Output<TItem>>
      : TName extends 'eventStream'
        ? StreamOf<Output<TItem> | ServerSentEvent<Output<TItem>>>
        : TOutput
    : Output<TDeclared>

/** The items of a stream: what an async generator (or a sync one) yields. */
type StreamOf<TItem> = AsyncIterable<TItem> | Iterable<TItem>

type OutputOf<TMap, TStatus> = TStatus extends keyof TMap ? ResponseOutput<TMap[TStatus]> : never

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
) => StatusResponse<TArgs[0] & number, TArgs[1]>

/**
 * The `[status, body]` pairs a route's `respond` accepts: one per declared status. A route that declares
 * none gets a message instead, which TypeScript prints where `respond` is called.
 */
export type RespondArgs<TMap> = [keyof TMap & number] extends [never]
  ? [status: NoDeclaredStatus, body?: unknown]
  : { [K in keyof TMap & number]: [status: K, body: OutputOf<TMap, K>] }[keyof TMap & number]

/** What `respond()` says on a route whose `response` declares no status. */
export type NoDeclaredStatus =
  'respond(status, body) answers a status declared in `response: { [status]: schema }`; this route declares none'

/**
 * What a handler may return (or resolve to). A handler that sends through Fastify's `reply` returns it,
 * as Fastify asks of async handlers: `return reply.code(201).send(body)`.
 */
export type HandlerResult<TSpec> =
  | SuccessOutput<TSpec>
  | StatusResponse<keyof ResponseMap<TSpec> & number>
  | SentReply
  | Promise<SuccessOutput<TSpec> | StatusResponse<keyof ResponseMap<TSpec> & number> | SentReply>

/** Fastify's reply, returned by a handler that sent through it; named so that type errors print it short. */
export interface SentReply extends FastifyReply {}

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
  /** The scopes `withScopes` requires at and above this use (FastAPI's `SecurityScopes`). */
  securityScopes: { readonly scopes: readonly string[]; readonly scopeStr: string }
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

/** `background.add(fn, ...args)`: tasks run after the response is sent (see `runtime/background-tasks.ts`). */
export interface BackgroundTasks {
  /**
   * Queues `fn(...args)` to run after the response is sent; the arguments are checked against `fn`.
   *
   * @example
   * background.add(sendWelcomeEmail, user.email)
   */
  add<TArgs extends unknown[]>(fn: (...args: TArgs) => unknown, ...args: TArgs): void
}
