/**
 * @module
 * The `Authorization` header split as FastAPI's `get_authorization_scheme_param` does: the scheme, then the
 * rest after the first space. The bearer and basic schemes read it.
 */
import type { FastifyRequest } from 'fastify'

export interface AuthorizationParts {
  /** As sent (`Bearer`, `bearer`, ...): schemes compare without regard to case. */
  readonly scheme: string
  readonly credentials: string
}

/** The request's `Authorization` header in two parts, or `undefined` when there is none. */
export function readAuthorization(request: FastifyRequest): AuthorizationParts | undefined {
  const header = request.headers.authorization
  if (header === undefined || header === '') return undefined
  const space = header.indexOf(' ')
  if (space === -1) return { scheme: header, credentials: '' }
  return { scheme: header.slice(0, space), credentials: header.slice(space + 1).trim() }
}
