/**
 * @module
 * `oauth2PasswordBearer`: FastAPI's `OAuth2PasswordBearer`. Reads a bearer token and documents OAuth2's
 * password flow, so Swagger UI's "Authorize" dialog asks for a username and password, posts them to
 * `tokenUrl` and sends the token it gets back with every "Try it out".
 */

import { readAuthorization } from '../../http/authorization.ts'
import type { Dependency } from '../dependency.ts'
import { type SecurityOptions, type SecurityValue, securityDependency } from './security-dependency.ts'

export interface OAuth2PasswordBearerOptions extends SecurityOptions {
  /** Where the client gets a token (a route reading `passwordRequestForm`), e.g. `'/token'`. */
  readonly tokenUrl: string
  /** The scopes a token may grant, with their descriptions (shown in the "Authorize" dialog). */
  readonly scopes?: Readonly<Record<string, string>>
  /** Where the client refreshes a token, if it can. */
  readonly refreshUrl?: string
}

/**
 * The bearer token of the request's `Authorization: Bearer <token>` header. Without one (or with another
 * scheme): `401 {"detail":"Not authenticated"}` with `WWW-Authenticate: Bearer`, or `undefined` with
 * `autoError: false`. Checking the token is up to the dependency that uses it.
 *
 * @example
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token' })
 * const currentUser = dependency({ deps: { token: oauth2 } }, ({ deps }) => usersByToken.get(deps.token))
 */
export function oauth2PasswordBearer<const TOptions extends OAuth2PasswordBearerOptions>(
  options: TOptions,
): Dependency<SecurityValue<string, TOptions>> {
  const flow = {
    ...(options.refreshUrl !== undefined && { refreshUrl: options.refreshUrl }),
    scopes: { ...options.scopes },
    tokenUrl: options.tokenUrl,
  }
  return securityDependency(
    options,
    'OAuth2PasswordBearer',
    { type: 'oauth2', flows: { password: flow } },
    'Bearer',
    (request) => bearerToken(request),
  )
}

/** The token of a `Bearer` authorization (scheme in any case); an empty one counts as none. */
export function bearerToken(request: Parameters<typeof readAuthorization>[0]): string | undefined {
  const authorization = readAuthorization(request)
  if (authorization === undefined || authorization.scheme.toLowerCase() !== 'bearer') return undefined
  return authorization.credentials === '' ? undefined : authorization.credentials
}
