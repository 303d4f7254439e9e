/**
 * `passwordRequestForm` over HTTP, as FastAPI's `OAuth2PasswordRequestForm` (test
 * test_tutorial/test_security/test_tutorial003.py).
 */
import { describe, expect, it } from 'vitest'
import { createApp, passwordRequestForm } from '../../index.ts'

describe('passwordRequestForm', () => {
  const app = createApp().post('/token', { deps: { login: passwordRequestForm } }, ({ deps }) => ({
    ...deps.login,
    grantType: deps.login.grantType ?? null,
    clientId: deps.login.clientId ?? null,
    clientSecret: deps.login.clientSecret ?? null,
  }))

  async function post(payload: string, contentType = 'application/x-www-form-urlencoded') {
    const res = await app.inject({
      method: 'POST',
      url: '/token',
      payload,
      headers: { 'content-type': contentType },
    })
    return { status: res.statusCode, body: res.json() as unknown }
  }

  it('reads the fields an OAuth2 client posts, the scopes split on spaces', async () => {
    const payload =
      'grant_type=password&username=alice&password=wonderland&scope=items+me&client_id=c&client_secret=s'
    expect(await post(payload)).toEqual({
      status: 200,
      body: {
        grantType: 'password',
        username: 'alice',
        password: 'wonderland',
        scopes: ['items', 'me'],
        clientId: 'c',
        clientSecret: 's',
      },
    })
  })

  it('needs only the username and password', async () => {
    expect(await post('username=alice&password=x')).toEqual({
      status: 200,
      body: {
        grantType: null,
        username: 'alice',
        password: 'x',
        scopes: [],
        clientId: null,
        clientSecret: null,
      },
    })
  })

  it('reports missing fields and a grant_type other than password in one 422', async () => {
    expect(await post('grant_type=client_credentials')).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_pattern_mismatch',
            loc: ['body', 'grant_type'],
            msg: "String should match pattern '^password$'",
            input: 'client_credentials',
            ctx: { pattern: '^password$' },
          },
          { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null },
        ],
      },
    })
  })

  it('answers 415 to JSON', async () => {
    expect((await post('{"username":"a","password":"b"}', 'application/json')).status).toBe(415)
  })
})
