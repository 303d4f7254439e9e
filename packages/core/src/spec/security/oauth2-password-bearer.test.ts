/**
 * `oauth2PasswordBearer` over HTTP, as FastAPI's `OAuth2PasswordBearer` (tests test_security_oauth2*.py):
 * the token of `Authorization: Bearer`, FastAPI's 401 otherwise, `undefined` with `autoError: false`.
 */

import { describe, expect, it } from 'vitest'
import { kRouteModels } from '../../app/symbols.ts'
import { createApp, oauth2PasswordBearer } from '../../index.ts'

const NOT_AUTHENTICATED = { detail: 'Not authenticated' }

describe('oauth2PasswordBearer', () => {
  const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token' })
  const optional = oauth2PasswordBearer({ tokenUrl: '/token', autoError: false })
  const app = createApp()
    .get('/me', { deps: { token: oauth2 } }, ({ deps }) => ({ token: deps.token }))
    .get('/maybe', { deps: { token: optional } }, ({ deps }) => ({ token: deps.token ?? null }))

  async function get(url: string, authorization?: string) {
    const res = await app.inject({ url, headers: authorization === undefined ? {} : { authorization } })
    return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: res.json() as unknown }
  }

  it('gives the bearer token, whatever the case of the scheme', async () => {
    expect(await get('/me', 'Bearer abc.def')).toEqual({
      status: 200,
      challenge: undefined,
      body: { token: 'abc.def' },
    })
    expect((await get('/me', 'bearer xyz')).body).toEqual({ token: 'xyz' })
  })

  it('answers 401 Not authenticated with WWW-Authenticate: Bearer without a header', async () => {
    expect(await get('/me')).toEqual({ status: 401, challenge: 'Bearer', body: NOT_AUTHENTICATED })
  })

  it('answers the same 401 to another scheme, or a bearer without token', async () => {
    for (const header of ['Basic YWxpY2U6eA==', 'Token abc', 'Bearer', 'Bearer ', 'abc']) {
      expect(await get('/me', header)).toEqual({ status: 401, challenge: 'Bearer', body: NOT_AUTHENTICATED })
    }
  })

  it('gives undefined instead with autoError: false', async () => {
    expect(await get('/maybe')).toEqual({ status: 200, challenge: undefined, body: { token: null } })
    expect((await get('/maybe', 'Basic abc')).body).toEqual({ token: null })
    expect((await get('/maybe', 'Bearer t')).body).toEqual({ token: 't' })
  })

  it('documents the password flow (scopes, tokenUrl) under FastAPI’s name', () => {
    expect(oauth2.security).toEqual({
      name: 'OAuth2PasswordBearer',
      scheme: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/token' } } },
      scopes: [],
    })
    const custom = oauth2PasswordBearer({
      tokenUrl: 'token',
      refreshUrl: 'refresh',
      scopes: { me: 'Read your profile.' },
      schemeName: 'Login',
      description: 'Log in with your store account.',
    })
    expect(custom.security).toEqual({
      name: 'Login',
      scheme: {
        type: 'oauth2',
        description: 'Log in with your store account.',
        flows: {
          password: { refreshUrl: 'refresh', scopes: { me: 'Read your profile.' }, tokenUrl: 'token' },
        },
      },
      scopes: [],
    })
  })

  it('declares no request part: the header is documented as the scheme only', () => {
    expect(oauth2.spec).toEqual({})
    expect(createApp().get('/me', { deps: { token: oauth2 } }, () => null)[kRouteModels][0]?.params).toEqual(
      [],
    )
  })
})
