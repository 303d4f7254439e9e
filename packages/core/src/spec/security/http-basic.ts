/**
 * @module
 * `httpBasic`: FastAPI's `HTTPBasic`, a username and password in `Authorization: Basic <base64>`.
 */

import { readAuthorization } from '../../http/authorization.ts'
import { HTTPException } from '../../http/errors.ts'
import type { Dependency } from '../dependency.ts'
import { type SecurityOptions, type SecurityValue, securityDependency } from './security-dependency.ts'

export interface HTTPBasicOptions extends SecurityOptions {
  /** Sent in the challenge (`WWW-Authenticate: Basic realm="<realm>"`), which browsers show in their prompt. */
  readonly realm?: string
}

/** The decoded credentials of a Basic authorization (FastAPI's `HTTPBasicCredentials`). */
export interface HTTPBasicCredentials {
  username: string
  password: string
}

/** Canonical base64 only: `Buffer` would quietly skip any other character. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * The request's Basic credentials. Without them (or with another scheme): `401 {"detail":"Not authenticated"}`
 * with `WWW-Authenticate: Basic realm="<realm>"` (or `Basic`), or `undefined` with `autoError: false`.
 * Credentials that are not base64 of UTF-8 `user:password` are always a 401
 * `{"detail":"Invalid authentication credentials"}`, as in FastAPI: the client meant to log in.
 *
 * @example
 * const basic = httpBasic({ realm: 'store' })
 * app.get('/me', { deps: { login: basic } }, ({ deps }) => ({ username: deps.login.username }))
 */
export function httpBasic<const TOptions extends HTTPBasicOptions = {}>(
  options?: TOptions,
): Dependency<SecurityValue<HTTPBasicCredentials, TOptions>> {
  const settings: HTTPBasicOptions = options ?? {}
  const challenge = settings.realm === undefined ? 'Basic' : `Basic realm="${settings.realm}"`
  return securityDependency(
    settings,
    'HTTPBasic',
    { type: 'http', scheme: 'basic' },
    challenge,
    (request): HTTPBasicCredentials | undefined => {
      const authorization = readAuthorization(request)
      if (authorization === undefined || authorization.scheme.toLowerCase() !== 'basic') return undefined
      const decoded = decode(authorization.credentials)
      const colon = decoded?.indexOf(':') ?? -1
      if (decoded === undefined || colon === -1) {
        throw new HTTPException(401, 'Invalid authentication credentials', {
          'WWW-Authenticate': challenge,
        })
      }
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
    },
  )
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function decode(text: string): string | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined
  try {
    return UTF8.decode(Buffer.from(text, 'base64'))
  } catch {
    return undefined
  }
}
