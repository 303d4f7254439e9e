/**
 * @module
 * What every security helper shares: its options, the type of what it provides (`| undefined` once
 * `autoError: false` lets a missing credential through), FastAPI's 401, and the dependency itself, which
 * reads the credential from the raw request (a scheme is documented as a security scheme, not as a header,
 * query or cookie parameter) and carries the scheme for the OpenAPI document.
 */
import type { FastifyRequest } from 'fastify'
import { HTTPException } from '../../http/errors.ts'
import { type Dependency, makeDependency } from '../dependency.ts'

/** Options every security helper accepts. */
export interface SecurityOptions {
  /** The key under `components.securitySchemes` (default: FastAPI's class name, e.g. `HTTPBearer`). */
  readonly schemeName?: string
  /** The scheme's description in the OpenAPI document. */
  readonly description?: string
  /**
   * `false`: a missing credential gives `undefined` instead of a 401, for routes that serve anonymous users
   * too (default `true`).
   */
  readonly autoError?: boolean
}

/**
 * What a security dependency provides: `TValue`, or `TValue | undefined` when its options may turn
 * `autoError` off (`false`, or a `boolean` not known before run time). Read through `keyof`: options without
 * `autoError` would fail an `extends { autoError?: ... }` test (TypeScript's weak type check).
 */
export type SecurityValue<TValue, TOptions> = 'autoError' extends keyof TOptions
  ? [TOptions['autoError' & keyof TOptions]] extends [true | undefined]
    ? TValue
    : TValue | undefined
  : TValue

/** The 401 of a missing credential: `{"detail": "Not authenticated"}` with the scheme's challenge. */
export function notAuthenticated(challenge: string): HTTPException {
  return new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': challenge })
}

/**
 * Builds a security dependency: `read` returns the credential, or `undefined` when the request has none
 * (answered with {@link notAuthenticated} unless `autoError` is `false`).
 */
export function securityDependency<TValue>(
  options: SecurityOptions,
  defaultName: string,
  scheme: Readonly<Record<string, unknown>>,
  challenge: string,
  read: (request: FastifyRequest) => TValue | undefined,
): Dependency<TValue> {
  const autoError = options.autoError !== false
  const provide = ({ request }: { request: FastifyRequest }): TValue | undefined => {
    const value = read(request)
    if (value === undefined && autoError) throw notAuthenticated(challenge)
    return value
  }
  // FastAPI's key order (`type`, `description`, then the scheme's own keys); no `description: undefined`.
  const [type, ...rest] = Object.entries(scheme)
  const documented = Object.fromEntries([
    ...(type === undefined ? [] : [type]),
    ...(options.description === undefined ? [] : [['description', options.description] as const]),
    ...rest,
  ])
  return makeDependency({}, provide, {
    name: options.schemeName ?? defaultName,
    scheme: documented,
    scopes: [],
  }) as Dependency<TValue>
}
