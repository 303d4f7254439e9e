/**
 * @module
 * `POST /token`: OAuth2's password flow. A form's username and password for a signed access token; attempts are
 * limited per client address and username, and no answer may be cached.
 */

import { eq } from 'drizzle-orm'
import { createRouter, dependency, HTTPException, passwordRequestForm } from 'fastbox'
import type { FastifyRequest } from 'fastify'
import { verifyPassword } from '../auth/passwords.ts'
import { users } from '../db/tables.ts'
import type { StoreDependencies } from '../dependencies.ts'
import { ErrorDetail, Token } from '../schemas.ts'
import { BODY_TOO_LARGE } from './common.ts'

const NO_STORE = { 'Cache-Control': 'no-store' }

export interface LoginLimit {
  /** Attempts allowed per client address and username in `windowMs`. */
  readonly max: number
  readonly windowMs: number
}

/** A dependency that counts login attempts with `@fastify/rate-limit` (registered on the app) and answers 429. */
function loginRateLimit(limit: LoginLimit) {
  let limiter: ReturnType<FastifyRequest['server']['createRateLimit']> | undefined
  return dependency({ deps: { login: passwordRequestForm } }, async ({ request, reply, deps }) => {
    limiter ??= request.server.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (r) => `${r.ip}\n${(r.body as { username?: unknown } | undefined)?.username}`,
    })
    const outcome = await limiter(request)
    if (outcome.isAllowed || !outcome.isExceeded) return deps.login
    reply.header('Retry-After', String(outcome.ttlInSeconds))
    throw new HTTPException(429, 'Too many login attempts, try again later', NO_STORE)
  })
}

export function authRouter(d: StoreDependencies, limit: LoginLimit) {
  return createRouter({ tags: ['auth'] }).post(
    '/token',
    {
      summary: 'Log in for an access token',
      deps: { login: loginRateLimit(limit), db: d.database, tokens: d.tokens },
      response: Token,
      responses: {
        401: { description: 'Incorrect username or password', schema: ErrorDetail },
        429: { description: 'Too many login attempts for this client and username', schema: ErrorDetail },
        ...BODY_TOO_LARGE,
      },
    },
    async ({ deps, request, reply }) => {
      reply.header('Cache-Control', 'no-store')
      const { username, password } = deps.login
      const [user] = await deps.db.select().from(users).where(eq(users.username, username))
      const valid = await verifyPassword(user?.passwordHash, password)
      if (user === undefined || !valid || !user.isActive) {
        // Who tried, never with what: the password stays out of the log.
        request.log.warn({ username, known: user !== undefined }, 'Failed sign-in')
        throw new HTTPException(401, 'Incorrect username or password', {
          'WWW-Authenticate': 'Bearer',
          ...NO_STORE,
        })
      }
      return { access_token: await deps.tokens.issue(user.id), token_type: 'bearer' as const }
    },
  )
}
