/**
 * @module
 * `withScopes`: FastAPI's `Security(scheme, scopes=[...])`. The scopes an operation needs are part of its
 * security requirement in the OpenAPI document (`"security": [{"OAuth2PasswordBearer": ["items", "me"]}]`),
 * where Swagger UI and client generators read them.
 */

import { ScopesWithoutSchemeError } from '../../http/fastbox-errors.ts'
import { type Dependency, makeDependency } from '../dependency.ts'

/**
 * A security dependency that runs as `dependency` does but requires `scopes` too (added to those it already
 * requires). It is a new dependency: override the original in `dependencyOverrides` and this one is not.
 *
 * @example
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { items: 'Read items.' } })
 * app.get('/items', { deps: { token: withScopes(oauth2, ['items']) } }, ({ deps }) => itemsFor(deps.token))
 */
export function withScopes<TValue>(
  dependency: Dependency<TValue>,
  scopes: readonly string[],
): Dependency<TValue> {
  const { security } = dependency
  if (security === undefined) {
    throw new ScopesWithoutSchemeError()
  }
  const merged = [...new Set([...security.scopes, ...scopes])]
  return makeDependency(dependency.spec, dependency.fn, { ...security, scopes: merged }) as Dependency<TValue>
}
