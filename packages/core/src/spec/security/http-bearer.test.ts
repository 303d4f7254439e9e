/**
 * `httpBearer` over HTTP, as FastAPI's `HTTPBearer` (test test_security_http_bearer*.py).
 */
import { describe, expect, it } from 'vitest'
import { createApp, httpBearer } from '../../index.ts'

describe('httpBearer', () => {
  const app = createApp()
    .get('/me', { deps: { auth: httpBearer() } }, ({ deps }) => deps.auth)
    .get('/maybe', { deps: { auth: httpBearer({ autoError: false }) } }, ({ deps }) => ({
      auth: deps.auth ?? null,
    }))

  async function get(url: string, authorization?: string) {
    const res = await app.inject({ url, headers: authorization === undefined ? {} : { authorization } })
    return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: res.json() as unknown }
  }

  it('gives the scheme as sent and the credentials', async () => {
    expect(await get('/me', 'Bearer foobar')).toEqual({
      status: 200,
      challenge: undefined,
      body: { scheme: 'Bearer', credentials: 'foobar' },
    })
    expect((await get('/me', 'bearer foobar')).body).toEqual({ scheme: 'bearer', credentials: 'foobar' })
  })

  it('answers 401 with WWW-Authenticate: Bearer when missing, empty or of another scheme', async () => {
    for (const header of [undefined, 'Bearer', 'Basic notreally']) {
      expect(await get('/me', header)).toEqual({
        status: 401,
        challenge: 'Bearer',
        body: { detail: 'Not authenticated' },
      })
    }
  })

  it('gives undefined instead with autoError: false', async () => {
    expect(await get('/maybe')).toEqual({ status: 200, challenge: undefined, body: { auth: null } })
    expect((await get('/maybe', 'Basic notreally')).body).toEqual({ auth: null })
  })

  it('documents an http bearer scheme, with its format and description', () => {
    expect(httpBearer().security).toEqual({
      name: 'HTTPBearer',
      scheme: { type: 'http', scheme: 'bearer' },
      scopes: [],
    })
    expect(httpBearer({ bearerFormat: 'JWT', description: 'A JWT.', schemeName: 'jwt' }).security).toEqual({
      name: 'jwt',
      scheme: { type: 'http', description: 'A JWT.', scheme: 'bearer', bearerFormat: 'JWT' },
      scopes: [],
    })
  })
})
