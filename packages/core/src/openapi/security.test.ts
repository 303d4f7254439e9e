import { describe, expect, it } from 'vitest'
import {
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  createApp,
  dependency,
  FastboxError,
  httpBasic,
  httpBearer,
  oauth2PasswordBearer,
  t,
  withScopes,
} from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

describe('security schemes', () => {
  it('documents each helper’s scheme as FastAPI does, and the operations that use it', async () => {
    const app = createApp()
      .get('/oauth2', { deps: { token: oauth2PasswordBearer({ tokenUrl: 'token' }) } }, () => null)
      .get('/bearer', { deps: { auth: httpBearer({ bearerFormat: 'JWT' }) } }, () => null)
      .get(
        '/basic',
        { deps: { auth: httpBasic({ realm: 'simple', description: 'Basic auth' }) } },
        () => null,
      )
      .get('/header', { dependencies: [apiKeyHeader({ name: 'key' })] }, () => null)
      .get('/query', { dependencies: [apiKeyQuery({ name: 'key' })] }, () => null)
      .get('/cookie', { dependencies: [apiKeyCookie({ name: 'key' })] }, () => null)
      .get('/open', () => null)
    const doc = await documentOf(app)
    expect(doc.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
      HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      HTTPBasic: { type: 'http', description: 'Basic auth', scheme: 'basic' },
      APIKeyHeader: { type: 'apiKey', in: 'header', name: 'key' },
      APIKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
      APIKeyCookie: { type: 'apiKey', in: 'cookie', name: 'key' },
    })
    expect(doc.paths['/oauth2']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
    expect(doc.paths['/bearer']?.get?.security).toEqual([{ HTTPBearer: [] }])
    expect(doc.paths['/basic']?.get?.security).toEqual([{ HTTPBasic: [] }])
    expect(doc.paths['/header']?.get?.security).toEqual([{ APIKeyHeader: [] }])
    expect(doc.paths['/query']?.get?.security).toEqual([{ APIKeyQuery: [] }])
    expect(doc.paths['/cookie']?.get?.security).toEqual([{ APIKeyCookie: [] }])
    // Credentials are read from the request, not declared as parameters (FastAPI documents them as schemes only).
    expect(doc.paths['/header']?.get?.parameters).toBeUndefined()
    expect(doc.paths['/header']?.get?.responses['422']).toBeUndefined()
    expect(doc.paths['/open']?.get).not.toHaveProperty('security')
    await expectValid(doc)
  })

  it('writes security after the operation’s metadata and before its parameters, as FastAPI does', async () => {
    const app = createApp().get(
      '/items',
      { summary: 'Items', query: { q: t.String() }, deps: { token: httpBearer() } },
      () => null,
    )
    expect(Object.keys((await documentOf(app)).paths['/items']?.get ?? {})).toEqual([
      'summary',
      'operationId',
      'security',
      'parameters',
      'responses',
    ])
  })

  it('finds schemes in sub-dependencies, app dependencies and guards, one entry per scheme in the order met', async () => {
    const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { items: 'Items.', me: 'Me.' } })
    const key = apiKeyHeader({ name: 'X-Key' })
    const currentUser = dependency({ deps: { token: oauth2 } }, ({ deps }) => deps.token)
    const app = createApp({ dependencies: [key] }).get(
      '/me',
      {
        deps: {
          user: currentUser,
          again: withScopes(oauth2, ['me']),
          more: withScopes(oauth2, ['items', 'me']),
        },
      },
      () => null,
    )
    const doc = await documentOf(app)
    expect(doc.paths['/me']?.get?.security).toEqual([
      { APIKeyHeader: [] },
      { OAuth2PasswordBearer: ['items', 'me'] },
    ])
    expect(doc.components?.securitySchemes?.OAuth2PasswordBearer).toEqual({
      type: 'oauth2',
      flows: { password: { scopes: { items: 'Items.', me: 'Me.' }, tokenUrl: '/token' } },
    })
    await expectValid(doc)
  })

  it('sorts the scopes of a scheme (FastAPI’s test_tutorial005 shape)', async () => {
    const oauth2 = oauth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Me.', items: 'Items.' } })
    const app = createApp().get(
      '/users/me/items',
      { deps: { token: withScopes(oauth2, ['me', 'items']) } },
      () => null,
    )
    expect((await documentOf(app)).paths['/users/me/items']?.get?.security).toEqual([
      { OAuth2PasswordBearer: ['items', 'me'] },
    ])
  })

  it('keeps schemes of routes left out of the schema out of the document', async () => {
    const app = createApp().get(
      '/hidden',
      { includeInSchema: false, deps: { auth: httpBearer() } },
      () => null,
    )
    expect((await documentOf(app)).components).toBeUndefined()
  })

  it('uses schemeName as the key, so one app can document two keys', async () => {
    const app = createApp()
      .get('/a', { dependencies: [apiKeyHeader({ name: 'X-A', schemeName: 'KeyA' })] }, () => null)
      .get('/b', { dependencies: [apiKeyHeader({ name: 'X-B', schemeName: 'KeyB' })] }, () => null)
    const doc = await documentOf(app)
    expect(Object.keys(doc.components?.securitySchemes ?? {})).toEqual(['KeyA', 'KeyB'])
    expect(doc.paths['/b']?.get?.security).toEqual([{ KeyB: [] }])
    await expectValid(doc)
  })

  it('accepts one scheme made twice with the same options', async () => {
    const app = createApp()
      .get('/a', { deps: { auth: httpBearer() } }, () => null)
      .get('/b', { deps: { auth: httpBearer() } }, () => null)
    expect(Object.keys((await documentOf(app)).components?.securitySchemes ?? {})).toEqual(['HTTPBearer'])
  })

  it('refuses two different schemes under one name, naming it', async () => {
    const app = createApp()
      .get('/a', { dependencies: [apiKeyHeader({ name: 'X-A' })] }, () => null)
      .get('/b', { dependencies: [apiKeyHeader({ name: 'X-B' })] }, () => null)
    await expect(documentOf(app)).rejects.toThrowError(FastboxError)
    await expect(documentOf(app)).rejects.toThrowError(
      /Two different security schemes are named "APIKeyHeader".*GET \/b/,
    )
  })

  it('places securitySchemes after schemas in components, as FastAPI does', async () => {
    const app = createApp().get('/a', { query: { q: t.String() }, deps: { auth: httpBearer() } }, () => null)
    expect(Object.keys((await documentOf(app)).components ?? {})).toEqual(['schemas', 'securitySchemes'])
  })
})
