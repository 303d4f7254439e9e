/**
 * @module
 * `apiKeyHeader`, `apiKeyQuery`, `apiKeyCookie`: FastAPI's `APIKeyHeader`, `APIKeyQuery` and `APIKeyCookie`,
 * a key sent in a header, a query parameter or a cookie, by name.
 */
import type { FastifyRequest } from 'fastify'
import { readCookies } from '../../http/cookies.ts'
import type { Dependency } from '../dependency.ts'
import { type SecurityOptions, type SecurityValue, securityDependency } from './security-dependency.ts'

export interface APIKeyOptions extends SecurityOptions {
  /** The header, query parameter or cookie that carries the key. */
  readonly name: string
}

type Location = 'header' | 'query' | 'cookie'

const DEFAULT_NAMES: Readonly<Record<Location, string>> = {
  header: 'APIKeyHeader',
  query: 'APIKeyQuery',
  cookie: 'APIKeyCookie',
}

/**
 * The key in the header `name` (matched without regard to case). Missing or empty:
 * `401 {"detail":"Not authenticated"}` with `WWW-Authenticate: APIKey`, or `undefined` with `autoError: false`.
 *
 * @example
 * const apiKey = apiKeyHeader({ name: 'X-API-Key' })
 * app.get('/stats', { dependencies: [apiKey] }, () => stats())
 */
export function apiKeyHeader<const TOptions extends APIKeyOptions>(
  options: TOptions,
): Dependency<SecurityValue<string, TOptions>> {
  const header = options.name.toLowerCase()
  return apiKey(options, 'header', (request) => request.headers[header])
}

/** The key in the query parameter `name` (the last one, when repeated); otherwise as {@link apiKeyHeader}. */
export function apiKeyQuery<const TOptions extends APIKeyOptions>(
  options: TOptions,
): Dependency<SecurityValue<string, TOptions>> {
  return apiKey(
    options,
    'query',
    (request) => (request.query as Record<string, unknown> | undefined)?.[options.name],
  )
}

/** The key in the cookie `name`; otherwise as {@link apiKeyHeader}. */
export function apiKeyCookie<const TOptions extends APIKeyOptions>(
  options: TOptions,
): Dependency<SecurityValue<string, TOptions>> {
  return apiKey(options, 'cookie', (request) => readCookies(request)[options.name])
}

function apiKey(
  options: APIKeyOptions,
  location: Location,
  read: (request: FastifyRequest) => unknown,
): Dependency<string> {
  return securityDependency(
    options,
    DEFAULT_NAMES[location],
    { type: 'apiKey', in: location, name: options.name },
    'APIKey',
    (request) => {
      let value = read(request)
      // A repeated header or query key: the last value counts, as in Starlette.
      if (Array.isArray(value)) value = value.at(-1)
      return typeof value === 'string' && value !== '' ? value : undefined
    },
  )
}
