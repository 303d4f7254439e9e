/**
 * @module
 * `withScopes`: FastAPI's `Security(scheme, scopes=[...])`. The scopes an operation needs are part of its
 * security requirement in the OpenAPI document (`"security": [{"OAuth2PasswordBearer": ["items", "me"]}]`),
 * where Swagger UI and client generators read them.
 */

import { type AnyDependency, type Dependency, makeDependency } from '../dependency.ts'

/**
 * A use of `dependency` that requires `scopes`, as FastAPI's `Security(dependency, scopes=[...])`: on a
 * security scheme, or on any dependency that uses one at any depth (a `currentUser` built on
 * `oauth2PasswordBearer`). The scopes add up along the graph: every scheme below is documented with them,
 * and every dependency below reads them as `securityScopes`. An override of `dependency` applies to this use.
 *
 * @example
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { items: 'Read items.' } })
 * app.get('/items', { deps: { user: withScopes(currentUser, ['items']) } }, ({ deps }) => itemsFor(deps.user))
 */
export function withScopes<TValue>(
  dependency: Dependency<TValue>,
  scopes: readonly string[],
): Dependency<TValue> {
  const use = { dependency: dependency as AnyDependency, scopes: [...new Set(scopes)] }
  return makeDependency({}, runsInstead, undefined, use) as Dependency<TValue>
}

/** Never called: the route's analysis replaces a scoped use by the dependency it names. */
function runsInstead(): never {
  throw new Error('A withScopes() use runs the dependency it names')
}
