/**
 * @module
 * `@fastify/cookie`, registered by every app, so handlers and dependencies set cookies on Fastify's reply
 * (`reply.setCookie(name, value, { httpOnly, secure, sameSite, maxAge, signed })`, typed by the plugin)
 * and read signed ones (`request.unsignCookie`). Its parsing hook is off: Fastbox reads the `Cookie` header
 * only for routes that declare `cookies` (see `http/cookies.ts`), so other requests pay nothing. What a
 * dependency sets stays on the reply, so it reaches the response, an error response too.
 */
import fastifyCookie, { type FastifyCookieOptions } from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'

/** What signs cookies set with `signed: true`: a secret, or several (the first signs, all verify). */
export type CookieSecret = NonNullable<FastifyCookieOptions['secret']>

export function useCookies(fastify: FastifyInstance, secret: CookieSecret | undefined): void {
  // Cookies default to `Path=/` (and `SameSite=Lax`, the plugin's default), as Starlette's `set_cookie`.
  const options: FastifyCookieOptions = { hook: false, parseOptions: { path: '/' } }
  fastify.register(fastifyCookie, secret === undefined ? options : { ...options, secret })
}
