/**
 * @module
 * The request's cookies, read only by routes and security schemes that declare them.
 */
import { parse as parseCookies } from 'cookie'
import type { FastifyRequest } from 'fastify'

type Cookies = Record<string, unknown>

/**
 * Cookies already parsed by `@fastify/cookie` (its hook, when an app turns it on, or a cookie set earlier),
 * else parsed from the `Cookie` header.
 */
export function readCookies(request: FastifyRequest): Cookies {
  const parsed = (request as { cookies?: Cookies | null }).cookies
  if (parsed !== undefined && parsed !== null) return parsed
  const header = request.headers.cookie
  return header === undefined ? {} : parseCookies(header)
}
