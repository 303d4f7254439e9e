/**
 * @module
 * The request's cookies, read only by routes and security schemes that declare them.
 */
import { parse as parseCookies } from 'cookie'
import type { FastifyRequest } from 'fastify'

type Cookies = Record<string, unknown>

/** Cookies from `@fastify/cookie` when it is registered, else parsed from the `Cookie` header. */
export function readCookies(request: FastifyRequest): Cookies {
  const parsed = (request as { cookies?: Cookies }).cookies
  if (parsed !== undefined) return parsed
  const header = request.headers.cookie
  return header === undefined ? {} : parseCookies(header)
}
