// FastAPI's tests/test_tutorial/test_security/test_tutorial003.py and test_tutorial005.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { createAccessToken, getPasswordHash, tutorial003, tutorial005, verifyPassword } from './security.ts'
import { dig, openapiOf } from './support.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe('security tutorial003', () => {
  const login = (username: string, password: string) =>
    tutorial003.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: new URLSearchParams({ username, password }).toString(),
    })

  it('login', async () => {
    const res = await login('johndoe', 'secret')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ access_token: 'johndoe', token_type: 'bearer' })
  })

  it.each([
    ['johndoe', 'incorrect'],
    ['foo', 'secret'],
  ])('login as %s / %s: 400', async (username, password) => {
    const res = await login(username, password)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'Incorrect username or password' })
  })

  it.each([
    ['no token', {}],
    ['an unknown token', bearer('nonexistent')],
    ['another scheme', { authorization: 'Notexistent testtoken' }],
  ])('%s: 401 Not authenticated', async (_case, headers) => {
    const res = await tutorial003.inject({ url: '/users/me', headers })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ detail: 'Not authenticated' })
    expect(res.headers['www-authenticate']).toBe('Bearer')
  })

  it('a token: the user, as the dependency returned it', async () => {
    const res = await tutorial003.inject({ url: '/users/me', headers: bearer('johndoe') })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      username: 'johndoe',
      full_name: 'John Doe',
      email: 'johndoe@example.com',
      hashed_password: 'fakehashedsecret',
      disabled: false,
    })
  })

  it('an inactive user: 400', async () => {
    const res = await tutorial003.inject({ url: '/users/me', headers: bearer('alice') })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'Inactive user' })
  })
})

describe('security tutorial005', () => {
  async function getAccessToken({ username = 'johndoe', password = 'secret', scope = '' } = {}) {
    const data = new URLSearchParams({ username, password, ...(scope ? { scope } : {}) })
    const res = await tutorial005.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: data.toString(),
    })
    return res.json().access_token as string
  }
  const meScope = { detail: 'Could not validate credentials' }

  /**
   * FastAPI's tests call `/users/me`, and TestClient follows Starlette's redirect to `/users/me/`. Fastbox
   * answers the same 307; `inject` does not follow redirects, so this does, once.
   */
  async function get(url: string, headers: Record<string, string> = {}) {
    const res = await tutorial005.inject({ url, headers })
    if (res.statusCode !== 307) return res
    return tutorial005.inject({ url: String(res.headers.location), headers })
  }

  it('/users/me redirects to /users/me/ (redirect_slashes)', async () => {
    const res = await tutorial005.inject({ url: '/users/me?x=1' })
    expect(res.statusCode).toBe(307)
    // An absolute URL, as Starlette's (the Host header's: light-my-request sends localhost:80).
    expect(res.headers.location).toBe('http://localhost:80/users/me/?x=1')
  })

  it('login', async () => {
    const res = await tutorial005.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: 'username=johndoe&password=secret',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer' })
  })

  it.each([
    ['johndoe', 'incorrect'],
    ['foo', 'secret'],
  ])('login as %s / %s: 400', async (username, password) => {
    const res = await tutorial005.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: new URLSearchParams({ username, password }).toString(),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'Incorrect username or password' })
  })

  it('no token: 401 Not authenticated, no scope in the challenge', async () => {
    const res = await get('/users/me')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ detail: 'Not authenticated' })
    expect(res.headers['www-authenticate']).toBe('Bearer')
  })

  it('a token with the "me" scope: the user, filtered by the User response model', async () => {
    const res = await get('/users/me', bearer(await getAccessToken({ scope: 'me' })))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      username: 'johndoe',
      full_name: 'John Doe',
      email: 'johndoe@example.com',
      disabled: false,
    })
  })

  it('an invalid token: 401 with the scope in the challenge', async () => {
    const res = await get('/users/me', bearer('nonexistent'))
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual(meScope)
    expect(res.headers['www-authenticate']).toBe('Bearer scope="me"')
  })

  it('another scheme: 401 Not authenticated', async () => {
    const res = await get('/users/me', { authorization: 'Notexistent testtoken' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ detail: 'Not authenticated' })
    expect(res.headers['www-authenticate']).toBe('Bearer')
  })

  it('verify and hash passwords, create tokens', async () => {
    expect(verifyPassword('secretalice', getPasswordHash('secretalice'))).toBe(true)
    expect(verifyPassword('secret', getPasswordHash('secretalice'))).toBe(false)
    expect(await createAccessToken({ data: 'foo' })).toMatch(/^ey/)
  })

  // FastAPI's own tokens, signed with the tutorial's key: jose verifies what PyJWT signed.
  it.each([
    [
      'no sub',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjoiZm9vIn0.9ynBhuYb4e6aW3oJr_K_TBgwcMTDpRToQIE25L57rOE',
    ],
    [
      'an unknown user',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb28ifQ.NnExK_dlNAYyzACrXtXDrcWOgGY2JuPbI4eDaHdfK5Y',
    ],
    [
      'a nonexistent user',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VybmFtZTpib2IifQ.HcfCW67Uda-0gz54ZWTqmtgJnZeNem0Q757eTa9EZuw',
    ],
  ])('a token with %s: 401', async (_case, token) => {
    const res = await get('/users/me', bearer(token))
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual(meScope)
    expect(res.headers['www-authenticate']).toBe('Bearer scope="me"')
  })

  it('a token without the scope: 401 Not enough permissions', async () => {
    const res = await get('/users/me', bearer(await getAccessToken()))
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ detail: 'Not enough permissions' })
    expect(res.headers['www-authenticate']).toBe('Bearer scope="me"')
  })

  it('an inactive user: 400', async () => {
    const token = await getAccessToken({ username: 'alice', password: 'secretalice', scope: 'me' })
    const res = await get('/users/me', bearer(token))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'Inactive user' })
  })

  it('items need "me" and "items"', async () => {
    const res = await get('/users/me/items/', bearer(await getAccessToken({ scope: 'me items' })))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual([{ item_id: 'Foo', owner: 'johndoe' }])
    const onlyMe = await get('/users/me/items/', bearer(await getAccessToken({ scope: 'me' })))
    expect(onlyMe.statusCode).toBe(401)
    expect(onlyMe.headers['www-authenticate']).toBe('Bearer scope="items me"')
  })

  it('the status needs a valid token, no scope', async () => {
    const res = await get('/status/', bearer(await getAccessToken()))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
    const none = await get('/status/')
    expect(none.statusCode).toBe(401)
    expect(none.json()).toEqual({ detail: 'Not authenticated' })
    expect(none.headers['www-authenticate']).toBe('Bearer')
  })

  it('openapi: the scheme with its scopes, and the scopes each operation needs', async () => {
    const document = await openapiOf(tutorial005)
    expect(dig(document, 'components', 'securitySchemes')).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: {
          password: {
            scopes: { me: 'Read information about the current user.', items: 'Read items.' },
            tokenUrl: 'token',
          },
        },
      },
    })
    expect(dig(document, 'paths', '/users/me/', 'get', 'security')).toEqual([
      { OAuth2PasswordBearer: ['me'] },
    ])
    expect(dig(document, 'paths', '/users/me/items/', 'get', 'security')).toEqual([
      { OAuth2PasswordBearer: ['items', 'me'] },
    ])
    expect(dig(document, 'paths', '/status/', 'get', 'security')).toEqual([{ OAuth2PasswordBearer: [] }])
    expect(
      dig(document, 'paths', '/users/me/', 'get', 'responses', '200', 'content', 'application/json'),
    ).toEqual({
      schema: { $ref: '#/components/schemas/User' },
    })
    // Difference: Fastbox documents the 401 its security dependencies send (FastAPI leaves it out); the form is
    // inline rather than a `Body_login_for_access_token_token_post` component.
    expect(dig(document, 'paths', '/users/me/', 'get', 'responses', '401')).toBeDefined()
    expect(
      Object.keys(
        dig(
          document,
          'paths',
          '/token',
          'post',
          'requestBody',
          'content',
          'application/x-www-form-urlencoded',
          'schema',
          'properties',
        ) as object,
      ),
    ).toEqual(['grant_type', 'username', 'password', 'scope', 'client_id', 'client_secret'])
  })
})
