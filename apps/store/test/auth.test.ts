import { describe, expect, it } from 'vitest'
import { buildApp, type StoreApp } from '../src/app.ts'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function logIn(app: StoreApp, payload: string) {
  const res = await app.inject({ method: 'POST', url: '/token', payload, headers: FORM })
  return { status: res.statusCode, body: res.json() as Record<string, unknown> }
}

describe('store: login', () => {
  it('trades alice’s username and password for a bearer token', async () => {
    const { status, body } = await logIn(buildApp(), 'grant_type=password&username=alice&password=wonderland')
    expect(status).toBe(200)
    expect(body).toEqual({ access_token: expect.stringMatching(/^[\w-]{32}$/), token_type: 'bearer' })
  })

  it('hands out a new token at each login', async () => {
    const app = buildApp()
    const first = await logIn(app, 'username=alice&password=wonderland')
    const second = await logIn(app, 'username=alice&password=wonderland')
    expect(first.body.access_token).not.toBe(second.body.access_token)
  })

  it('answers 400 to a wrong password or an unknown user', async () => {
    const app = buildApp()
    for (const payload of ['username=alice&password=nope', 'username=nobody&password=wonderland']) {
      expect(await logIn(app, payload)).toEqual({
        status: 400,
        body: { detail: 'Incorrect username or password' },
      })
    }
  })

  it('answers 422 for missing fields, as FastAPI’s form does', async () => {
    const { status, body } = await logIn(buildApp(), 'username=alice')
    expect(status).toBe(422)
    expect(body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null }],
    })
  })

  it('answers 415 to JSON credentials', async () => {
    const res = await buildApp().inject({
      method: 'POST',
      url: '/token',
      payload: { username: 'alice', password: 'wonderland' },
    })
    expect(res.statusCode).toBe(415)
  })
})

describe('store: the logged-in user', () => {
  it('answers the user of a valid token, without the password hash', async () => {
    const app = buildApp()
    const { body } = await logIn(app, 'username=alice&password=wonderland')
    const res = await app.inject({
      url: '/users/me',
      headers: { authorization: `Bearer ${body.access_token}` },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      id: 1,
      username: 'alice',
      email: 'alice@example.com',
      fullName: 'Alice Liddell',
    })
  })

  it('answers 401 Not authenticated without a token', async () => {
    const res = await buildApp().inject('/users/me')
    expect(res.statusCode).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Bearer')
    expect(res.json()).toEqual({ detail: 'Not authenticated' })
  })

  it('answers 401 to an unknown token, or one of another app', async () => {
    const other = buildApp()
    const { body } = await logIn(other, 'username=alice&password=wonderland')
    for (const token of ['made-up', String(body.access_token)]) {
      const res = await buildApp().inject({ url: '/users/me', headers: { authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toBe('Bearer')
      expect(res.json()).toEqual({ detail: 'Could not validate credentials' })
    }
  })

  it('still reads other users by id', async () => {
    const res = await buildApp().inject('/users/1')
    expect(res.json()).toMatchObject({ id: 1, username: 'alice' })
  })
})
