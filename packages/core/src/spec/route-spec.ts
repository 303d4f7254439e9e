/**
 * @module
 * The route declaration: plain values, read once at registration (FastAPI's "declare" phase).
 */
import type { TSchema } from '@sinclair/typebox'
import type { BodySpec } from '../schema/body-parts.ts'
import type { ParamsSpec } from '../schema/parts.ts'
import type { AnyDependency } from './dependency.ts'
import type { FormLimits } from './form-limits.ts'
import type { AnyResponseKind } from './response-kinds.ts'

/** The HTTP methods a route can answer. */
export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/** Response schemas (or kinds: `html()`, `jsonLines(Item)`, ...) by status code: `{ 200: Item, 404: NotFound }`. */
export type ResponseSchemas = { readonly [status: number]: TSchema | AnyResponseKind }

/** A documented response header: its schema, or a schema and a description. */
export type ResponseHeaderDoc = TSchema | { readonly schema: TSchema; readonly description?: string }

/**
 * An extra response documented in OpenAPI (not validated): `responses: { 404: { description, schema } }`.
 * For a status the route declares in `response`, it adds a description and headers.
 */
export interface ResponseDoc {
  readonly description?: string
  readonly schema?: TSchema
  /** The media type `schema` is documented under (default `application/json`). */
  readonly mediaType?: string
  /** Headers the response carries, by name: `{ 'X-Rate-Limit': t.Integer() }`. */
  readonly headers?: { readonly [name: string]: ResponseHeaderDoc }
}

/** The request parts a route or a dependency may read, and the dependencies it needs. */
export interface RequestPartsSpec {
  /** Path parameters; a parameter of the path string left out here is a `string`. */
  readonly path?: ParamsSpec
  /** Query parameters, coerced from strings; a repeated key fills an array parameter. */
  readonly query?: ParamsSpec
  /** Headers, matched without regard to case; `x_token` reads the `x-token` header. */
  readonly headers?: ParamsSpec
  /** Cookies, by name. */
  readonly cookies?: ParamsSpec
  /**
   * The JSON body: one schema (wrap it in `t.Optional(...)` to make the body optional), or a record of named
   * parts, `{ item: Item, importance: t.Integer() }`, read from one JSON object keyed by part name.
   */
  readonly body?: BodySpec
  /**
   * Fields of an `application/x-www-form-urlencoded` or `multipart/form-data` body, coerced from text as query
   * parameters are (FastAPI's `Form()`); files declared with `upload()`. A route reads a JSON `body` or a
   * `form`, not both.
   */
  readonly form?: ParamsSpec
  /** Dependencies whose values arrive as `deps.<name>`. */
  readonly deps?: { readonly [name: string]: AnyDependency }
}

/** Everything a route may declare besides its method, path and handler. */
export interface RouteSpec extends RequestPartsSpec {
  /** Dependencies run for their effect (guards), before the handler; their values are discarded. */
  readonly dependencies?: readonly AnyDependency[]
  /**
   * The output contract: one schema (or response kind) for the success status, or schemas by status.
   * A kind (`html()`, `text()`, `redirect()`, `fileResponse()`, `stream()`, `jsonLines(Item)`,
   * `eventStream(Item)`) is written and documented with its media type.
   */
  readonly response?: TSchema | AnyResponseKind | ResponseSchemas
  /** The success status (default 200, as in FastAPI; 307 for `response: redirect()`). */
  readonly status?: number
  /** Limits of this route's multipart forms, over the app's `formLimits`. */
  readonly formLimits?: FormLimits
  /**
   * `true` takes the JSON body's values as they are: no Pydantic lax-mode conversions (`"50.5"` for a number,
   * `"true"` for a boolean, `2.0` for an integer...). Default: the router's, else the app's, else `false`.
   */
  readonly strict?: boolean
  /**
   * This route's handler deadline in milliseconds, instead of the app's `handlerTimeout` (`0`: none): past it
   * the request is answered `503` and `request.signal` is aborted. Default: the router's, else the app's.
   */
  readonly handlerTimeout?: number
  readonly tags?: readonly string[]
  readonly summary?: string
  readonly description?: string
  readonly operationId?: string
  readonly deprecated?: boolean
  /** `false` keeps the route out of the OpenAPI document; it still answers. */
  readonly includeInSchema?: boolean
  /**
   * Leave out of every response of the route the fields the handler did not set, instead of writing their
   * schema `default` (FastAPI's `response_model_exclude_unset`), at every depth.
   */
  readonly responseExcludeUnset?: boolean
  /** Leave out fields whose value is `null`, at every depth (FastAPI's `response_model_exclude_none`). */
  readonly responseExcludeNone?: boolean
  /**
   * Leave out fields whose value equals their schema `default`, and write no default for a missing field, at
   * every depth (FastAPI's `response_model_exclude_defaults`).
   */
  readonly responseExcludeDefaults?: boolean
  /** Description of the success response in OpenAPI (default "Successful Response"). */
  readonly responseDescription?: string
  /** Extra documented responses, by status code (`404`, `'4XX'`, `'default'`). */
  readonly responses?: { readonly [status: string | number]: ResponseDoc }
}

/** `route()`'s spec: a {@link RouteSpec} plus the method(s) it answers. */
export interface MethodRouteSpec extends RouteSpec {
  readonly method: HTTPMethod | Lowercase<HTTPMethod> | readonly (HTTPMethod | Lowercase<HTTPMethod>)[]
}
