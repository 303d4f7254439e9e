/**
 * @module
 * The route model: everything about a route that can be worked out once, at registration (FastAPI's
 * "analyze" phase). Request handling and the OpenAPI document both read it, so they cannot drift apart.
 */
import type { ValidateFunction } from 'ajv'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { AnyResponseKind } from '../spec/response-kinds.ts'
import type { HTTPMethod, RouteSpec } from '../spec/route-spec.ts'
import type { DependencyPlan } from './dependency-plan.ts'
import type { ParsedPath } from './path.ts'

/** Where a parameter is read from; also the first entry of its errors' `loc`. */
export type ParamLocation = 'path' | 'query' | 'header' | 'cookie'

/**
 * Every part read as text and coerced by the parameter validator: the parameters, and the fields of a form
 * body (`'form'`, whose errors' `loc` starts with `"body"`, as in FastAPI).
 */
export type PartLocation = ParamLocation | 'form'

/** How a parameter's text is read before validation (Pydantic's rules for numbers and booleans). */
export interface Conversion {
  readonly convert: (text: unknown) => unknown
  /** The parameter is a list: each of its values is converted. */
  readonly array: boolean
}

export interface ParamPartModel<TLocation extends PartLocation = ParamLocation> {
  readonly location: TLocation
  /** Object schema keyed by wire names (lower-case for headers); shared schemas referenced by `$ref`. */
  readonly schema: JsonSchema
  /** The same keyed by the handler's names (headers declared `x_token` are read from `x-token`). */
  readonly validationSchema: JsonSchema
  readonly wireNames: readonly string[]
  /** The handler's key for each wire name, in the same order. */
  readonly keys: readonly string[]
  /** Wire name by handler key, where they differ: errors are located by wire name, as in FastAPI. */
  readonly wireOf: ReadonlyMap<string, string> | undefined
  /** The schema forbids undeclared keys: the whole part is validated, so extras are reported. */
  readonly passAll: boolean
  /**
   * The picked parameters can live in a plain object: no name is also an `Object.prototype` key (such as
   * `constructor` or `__proto__`), which would read as inherited when absent. V8 keeps prototype-less
   * objects in slow dictionary mode, so they are used only when needed.
   */
  readonly plain: boolean
  /** Parameters read as booleans (FastAPI's words) or numbers (Pydantic's number text), by wire name. */
  readonly conversions: ReadonlyMap<string, Conversion>
  /**
   * Parameters (handler keys) whose default is `null` (`X | None = None`): filled in after validation, so the
   * validator never coerces a `null` default to `0`, `false` or `""`.
   */
  readonly nullDefaults: readonly string[]
  /** Query parameters that hold one value: of a repeated key, the last one counts. */
  readonly scalars: ReadonlySet<string>
}

/** A body of named parts (see `schema/body-parts.ts`): read from one JSON object keyed by part name. */
export interface BodyParts {
  /** The parts, in declaration order: a body that is not an object lacks each of them. */
  readonly names: readonly string[]
  /** No part is named as an `Object.prototype` key: the picked parts can live in a plain object. */
  readonly plain: boolean
}

export interface BodyModel {
  readonly schema: JsonSchema
  /** The body must be sent: a single schema not `t.Optional`, or some part required with no default. */
  readonly required: boolean
  /** Set when the body is declared as named parts. */
  readonly parts: BodyParts | undefined
  /** Values are converted as Pydantic's lax mode does (FastAPI's default); `false` with the `strict` option. */
  readonly lax: boolean
  readonly validate: ValidateFunction
}

export interface ResponseModel {
  readonly status: number
  /**
   * A response kind (`html()`, `jsonLines(Item)`, ...), written by `runtime/write-kind.ts`; the schema fields
   * then describe its items (JSON Lines, event streams), or accept any value (the writer checks it).
   */
  readonly kind: AnyResponseKind | undefined
  /** The declared schema (shared schemas referenced by `$ref`), as documented. */
  readonly schema: JsonSchema
  /** The schema fast-json-stringify writes with (see `schema/response-schemas.ts`, `schema/response-shape.ts`). */
  readonly serializerSchema: JsonSchema
  readonly validate: ValidateFunction
  /** The route's `responseExclude*` options: the validated value's copy to serialize; `undefined` to send it as it is. */
  readonly shape: ((body: unknown) => unknown) | undefined
}

export interface RouteModel {
  readonly methods: readonly HTTPMethod[]
  readonly path: ParsedPath
  readonly spec: RouteSpec
  /** The parameters (documented as OpenAPI parameters). */
  readonly params: readonly ParamPartModel[]
  /** The fields of an `application/x-www-form-urlencoded` body; never together with `body`. */
  readonly form: ParamPartModel<'form'> | undefined
  /** Every part `validateParams` checks: `params`, then `form`. */
  readonly parts: readonly ParamPartModel<PartLocation>[]
  /** One validator for all parameter parts and the form, so every error is reported together. */
  readonly validateParams: ValidateFunction | undefined
  /** Some part has parameters whose default is `null` (see `ParamPartModel.nullDefaults`). */
  readonly fillsNulls: boolean
  /** The JSON body. */
  readonly body: BodyModel | undefined
  /** The dependency graph (after overrides), whose request parts are merged into `params` and `body`. */
  readonly dependencies: DependencyPlan
  /** The success status. */
  readonly status: number
  readonly responses: ReadonlyMap<number, ResponseModel>
}
