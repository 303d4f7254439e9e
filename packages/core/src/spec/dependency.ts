/**
 * @module
 * Dependencies, as in FastAPI: a function (plain, async, or a generator that yields its value and cleans up
 * after the handler) that may declare its own request parts and sub-dependencies. Declared once as a plain
 * value; the route that uses it is analyzed once, and each request solves the graph with a cache.
 */

import type { DependencyContext, DependencyValue } from './context.ts'
import type { RequestPartsSpec } from './route-spec.ts'

/** What a dependency may declare: request parts (validated with the route's) and sub-dependencies. */
export interface DependencySpec extends RequestPartsSpec {
  /** `false` runs the dependency at each use instead of once per request. */
  readonly cache?: boolean
}

/** Security metadata a dependency contributes to the OpenAPI document (set by the security helpers). */
export interface SecurityRequirement {
  /** The key under `components.securitySchemes`. */
  readonly name: string
  readonly scheme: Readonly<Record<string, unknown>>
  readonly scopes: readonly string[]
}

/** The function of a dependency; its context type is computed by `dependency()`'s signature. */
// biome-ignore lint/suspicious/noExplicitAny: the context is typed at the `dependency()` call site.
export type DependencyFunction = (context: any) => unknown

/** A use of another dependency that requires scopes (made by `withScopes`): FastAPI's `Security(dep, scopes)`. */
export interface ScopedUse {
  readonly dependency: AnyDependency
  readonly scopes: readonly string[]
}

/**
 * A dependency. `TValue` is what it provides (the resolved, or yielded, value); the spec and function are
 * read at registration.
 */
export interface Dependency<TValue = unknown> {
  readonly '~kind': 'dependency'
  readonly spec: DependencySpec
  readonly fn: DependencyFunction
  readonly security: SecurityRequirement | undefined
  /** Set on a `withScopes` use: the dependency that runs, with the scopes this use adds. */
  readonly use?: ScopedUse | undefined
  /** Type-only: the value the dependency provides. */
  readonly '~value'?: TValue
}

/** Any dependency, whatever it provides. */
export type AnyDependency = Dependency<unknown>

export function isDependency(value: unknown): value is AnyDependency {
  return typeof value === 'object' && value !== null && (value as AnyDependency)['~kind'] === 'dependency'
}

/**
 * Declares a dependency: `fn` receives its own validated request parts and sub-dependencies (`deps`), and
 * what it returns (awaited), or yields, is injected where it is used.
 *
 * @example
 * const currentUser = dependency(
 *   { headers: { authorization: t.String() }, deps: { db: getDb } },
 *   async ({ headers, deps }) => deps.db.userForToken(headers.authorization),
 * )
 */
export function dependency<TResult>(
  fn: (context: DependencyContext<{}>) => TResult,
): Dependency<DependencyValue<TResult>>
export function dependency<const TSpec extends DependencySpec, TResult>(
  spec: TSpec,
  fn: (context: DependencyContext<TSpec>) => TResult,
): Dependency<DependencyValue<TResult>>
export function dependency(
  specOrFn: DependencySpec | DependencyFunction,
  fn?: DependencyFunction,
): AnyDependency {
  return typeof specOrFn === 'function'
    ? makeDependency({}, specOrFn)
    : makeDependency(specOrFn, fn as DependencyFunction)
}

/** Builds a dependency value. */
export function makeDependency(
  spec: DependencySpec,
  fn: DependencyFunction,
  security?: SecurityRequirement,
  use?: ScopedUse,
): AnyDependency {
  return { '~kind': 'dependency', spec, fn, security, use }
}
