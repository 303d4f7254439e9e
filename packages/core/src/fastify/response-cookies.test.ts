/**
 * Cookies and headers out: set on Fastify's reply by handlers and dependencies (FastAPI's `Response`
 * parameter), with `@fastify/cookie`'s options, signed with the app's `cookieSecret`.
 */
import { describe, expect, it } from 'vitest'
import { createApp, dependency, HTTPException, t } from '../index.ts'

describe('cookies and headers out', () => {
  it('sets a cookie with its options from a handler (FastAPI response_cookies/tutorial002)', async () => {
    const app = createApp().post('/cookie-and-object/', {}, ({ reply }) => {
      reply.setCookie('fakesession', 'fake-cookie-session-value', {
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        maxAge: 3600,
        path: '/',
      })
      return { message: 'Come to the dark side, we have cookies' }
    })
    const res = await app.inject({ method: 'POST', url: '/cookie-and-object/' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ message: 'Come to the dark side, we have cookies' })
    expect(res.headers['set-cookie']).toBe(
      'fakesession=fake-cookie-session-value; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict',
    )
  })

  it('defaults a cookie to SameSite=Lax and Path=/, as Starlette does', async () => {
    const app = createApp().get('/', {}, ({ reply }) => {
      reply.setCookie('a', '1')
      return null
    })
    const res = await app.inject('/')
    expect(res.headers['set-cookie']).toBe('a=1; Path=/; SameSite=Lax')
  })

  it('sets headers and cookies from dependencies, merged into the response', async () => {
    const tracked = dependency(({ reply }) => {
      reply.header('X-Cat-Dog', 'alone in the world')
      reply.setCookie('seen', 'yes', { httpOnly: true })
      return 'tracked'
    })
    const app = createApp().get('/headers-and-object/', { deps: { tracked } }, ({ deps, reply }) => {
      reply.setCookie('second', '2')
      return { message: deps.tracked }
    })
    const res = await app.inject('/headers-and-object/')
    expect(res.json()).toEqual({ message: 'tracked' })
    expect(res.headers['x-cat-dog']).toBe('alone in the world')
    expect(res.headers['set-cookie']).toEqual([
      'seen=yes; Path=/; HttpOnly; SameSite=Lax',
      'second=2; Path=/; SameSite=Lax',
    ])
  })

  it('keeps what a dependency set on an error response', async () => {
    const login = dependency(({ reply }) => {
      reply.header('X-Trace', 't1')
      reply.setCookie('attempt', '1')
    })
    const app = createApp({ logLevel: 'silent' }).get('/', { dependencies: [login] }, () => {
      throw new HTTPException(403, 'Forbidden')
    })
    const res = await app.inject('/')
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({ detail: 'Forbidden' })
    expect(res.headers['x-trace']).toBe('t1')
    expect(res.headers['set-cookie']).toBe('attempt=1; Path=/; SameSite=Lax')
  })

  it('signs a cookie with the app secret, and reads it back', async () => {
    const app = createApp({ cookieSecret: 'a secret of at least some length' })
      .get('/login', {}, ({ reply }) => {
        reply.setCookie('user', 'ada', { signed: true, httpOnly: true })
        return null
      })
      .get('/me', { cookies: { user: t.String() } }, ({ cookies, request }) => {
        const unsigned = request.unsignCookie(cookies.user)
        return { valid: unsigned.valid, user: unsigned.value }
      })
    const login = await app.inject('/login')
    const cookie = String(login.headers['set-cookie'])
    expect(cookie).toMatch(/^user=ada\.[^;]+; Path=\/; HttpOnly; SameSite=Lax$/)
    const value = cookie.split(';')[0] as string
    const me = await app.inject({ url: '/me', headers: { cookie: value } })
    expect(me.json()).toEqual({ valid: true, user: 'ada' })
    const forged = await app.inject({ url: '/me', headers: { cookie: 'user=ada.forged' } })
    expect(forged.json()).toEqual({ valid: false, user: null })
  })

  it('parses no cookie for a route that declares none', async () => {
    const app = createApp().get('/', {}, ({ request }) => ({ parsed: request.cookies !== null }))
    const res = await app.inject({ url: '/', headers: { cookie: 'a=1' } })
    expect(res.json()).toEqual({ parsed: false })
  })
})
