/**
 * @module
 * `httpBearer`: FastAPI's `HTTPBearer`, the `Authorization: Bearer <credentials>` header as an HTTP
 * authentication scheme (Swagger UI asks for the token itself).
 */

import { readAuthorization } from '../../http/authorization.ts'
import type { Dependency } from '../dependency.ts'
import { type SecurityOptions, type SecurityValue, securityDependency } from './security-dependency.ts'

export interface HTTPBearerOptions extends SecurityOptions {
  /** A hint at the token's format for the docs (`'JWT'`). */
  readonly bearerFormat?: string
}

/** The parts of an `Authorization` header (FastAPI's `HTTPAuthorizationCredentials`). */
export interface HTTPAuthorizationCredentials {
  /** As sent: `Bearer`, or `bearer`. */
  scheme: string
  credentials: string
}

/**
 * The request's bearer credentials. Without them (or with another scheme):
 * `401 {"detail":"Not authenticated"}` with `WWW-Authenticate: Bearer`, or `undefined` with `autoError: false`.
 *
 * @example
 * const bearer = httpBearer()
 * app.get('/me', { deps: { auth: bearer } }, ({ deps }) => ({ token: deps.auth.credentials }))
 */
export function httpBearer<const TOptions extends HTTPBearerOptions = {}>(
  options?: TOptions,
): Dependency<SecurityValue<HTTPAuthorizationCredentials, TOptions>> {
  const settings: HTTPBearerOptions = options ?? {}
  return securityDependency(
    settings,
    'HTTPBearer',
    {
      type: 'http',
      scheme: 'bearer',
      ...(settings.bearerFormat !== undefined && { bearerFormat: settings.bearerFormat }),
    },
    'Bearer',
    (request): HTTPAuthorizationCredentials | undefined => {
      const authorization = readAuthorization(request)
      if (authorization === undefined || authorization.credentials === '') return undefined
      if (authorization.scheme.toLowerCase() !== 'bearer') return undefined
      return { scheme: authorization.scheme, credentials: authorization.credentials }
    },
  )
}
