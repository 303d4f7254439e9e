/**
 * `apiKeyHeader`, `apiKeyQuery` and `apiKeyCookie` over HTTP, as FastAPI's `APIKeyHeader`, `APIKeyQuery` and
 * `APIKeyCookie` (tests test_security_api_key_{header,query,cookie}*.py).
 */
import { describe, expect, it } from 'vitest'
import { apiKeyCookie, apiKeyHeader, apiKeyQuery, createApp } from '../../index.ts'

const NOT_AUTHENTICATED = { status: 401, challenge: 'APIKey', body: { detail: 'Not authenticated' } }

describe('API keys', () => {
  const app = createApp()
    .get('/header', { deps: { key: apiKeyHeader({ name: 'X-Key' }) } }, ({ deps }) => ({ key: deps.key }))
    .get('/query', { deps: { key: apiKeyQuery({ name: 'key' }) } }, ({ deps }) => ({ key: deps.key }))
    .get('/cookie', { deps: { key: apiKeyCookie({ name: 'session' }) } }, ({ deps }) => ({ key: deps.key }))
    .get(
      '/maybe',
      { deps: { key: apiKeyHeader({ name: 'key', autoError: false, schemeName: 'OptionalKey' }) } },
      ({ deps }) => ({
        key: deps.key ?? null,
      }),
    )

  async function get(url: string, headers: Record<string, string> = {}) {
    const res = await app.inject({ url, headers })
    return { status: res.statusCode, challenge: res.headers['www-authenticate'], body: res.json() as unknown }
  }

  it('reads the key from a header, by name without regard to case', async () => {
    expect(await get('/header', { 'x-key': 'secret' })).toEqual({
      status: 200,
      challenge: undefined,
      body: { key: 'secret' },
    })
  })

  it('reads the key from the query (the last of a repeated one)', async () => {
    expect((await get('/query?key=secret')).body).toEqual({ key: 'secret' })
    expect((await get('/query?key=a&key=b')).body).toEqual({ key: 'b' })
  })

  it('reads the key from a cookie', async () => {
    expect((await get('/cookie', { cookie: 'other=1; session=secret' })).body).toEqual({ key: 'secret' })
  })

  it('answers 401 with WWW-Authenticate: APIKey when the key is missing or empty', async () => {
    expect(await get('/header')).toEqual(NOT_AUTHENTICATED)
    expect(await get('/header', { 'x-key': '' })).toEqual(NOT_AUTHENTICATED)
    expect(await get('/query')).toEqual(NOT_AUTHENTICATED)
    expect(await get('/query?key=')).toEqual(NOT_AUTHENTICATED)
    expect(await get('/cookie')).toEqual(NOT_AUTHENTICATED)
    expect(await get('/cookie', { cookie: 'other=1' })).toEqual(NOT_AUTHENTICATED)
  })

  it('gives undefined instead with autoError: false', async () => {
    expect(await get('/maybe')).toEqual({ status: 200, challenge: undefined, body: { key: null } })
    expect((await get('/maybe', { key: 'k' })).body).toEqual({ key: 'k' })
  })

  it('documents apiKey schemes under FastAPI’s names', () => {
    expect(apiKeyHeader({ name: 'X-Key' }).security).toEqual({
      name: 'APIKeyHeader',
      scheme: { type: 'apiKey', in: 'header', name: 'X-Key' },
      scopes: [],
    })
    expect(apiKeyQuery({ name: 'key' }).security?.name).toBe('APIKeyQuery')
    expect(apiKeyCookie({ name: 'session', description: 'The session.' }).security).toEqual({
      name: 'APIKeyCookie',
      scheme: { type: 'apiKey', description: 'The session.', in: 'cookie', name: 'session' },
      scopes: [],
    })
  })
})
