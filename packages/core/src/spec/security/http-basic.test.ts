/**
 * `httpBasic` over HTTP, as FastAPI's `HTTPBasic` (tests test_security_http_basic_realm.py,
 * test_security_http_basic_optional.py).
 */
import { describe, expect, it } from 'vitest'
import { createApp, httpBasic } from '../../index.ts'

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`

describe('httpBasic', () => {
  const app = createApp()
    .get('/me', { deps: { login: httpBasic({ realm: 'simple' }) } }, ({ deps }) => deps.login)
    .get('/plain', { deps: { login: httpBasic() } }, ({ deps }) => deps.login)
    .get('/maybe', { deps: { login: httpBasic({ autoError: false }) } }, ({ deps }) => ({
      login: deps.login ?? null,
    }))

  async function get(url: string, authorization?: string) {
    const res = await app.inject({ url, headers: authorization === undefined ? {} : { authorization } })
    return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: res.json() as unknown }
  }

  it('gives the decoded username and password (the password may hold colons, the names UTF-8)', async () => {
    expect(await get('/me', basic('john:secret'))).toEqual({
      status: 200,
      challenge: undefined,
      body: { username: 'john', password: 'secret' },
    })
    expect((await get('/me', basic('zoë:a:b:'))).body).toEqual({ username: 'zoë', password: 'a:b:' })
    expect((await get('/me', basic(':'))).body).toEqual({ username: '', password: '' })
  })

  it('answers 401 with the realm’s challenge when missing or of another scheme', async () => {
    for (const header of [undefined, 'Bearer abc', 'Other']) {
      expect(await get('/me', header)).toEqual({
        status: 401,
        challenge: 'Basic realm="simple"',
        body: { detail: 'Not authenticated' },
      })
    }
    expect((await get('/plain')).challenge).toBe('Basic')
  })

  it('answers 401 Invalid authentication credentials to undecodable credentials, autoError or not', async () => {
    const invalid = { detail: 'Invalid authentication credentials' }
    for (const header of [
      'Basic notabase64token',
      basic('johnsecret'),
      'Basic ////',
      'Basic',
      'Basic /w==',
    ]) {
      expect(await get('/me', header)).toEqual({
        status: 401,
        challenge: 'Basic realm="simple"',
        body: invalid,
      })
    }
    expect(await get('/maybe', 'Basic notabase64token')).toEqual({
      status: 401,
      challenge: 'Basic',
      body: invalid,
    })
  })

  it('gives undefined when missing with autoError: false', async () => {
    expect(await get('/maybe')).toEqual({ status: 200, challenge: undefined, body: { login: null } })
    expect((await get('/maybe', basic('a:b'))).body).toEqual({ login: { username: 'a', password: 'b' } })
  })

  it('documents an http basic scheme', () => {
    expect(httpBasic({ realm: 'simple' }).security).toEqual({
      name: 'HTTPBasic',
      scheme: { type: 'http', scheme: 'basic' },
      scopes: [],
    })
  })
})
