import { describe, expect, it } from 'vitest'
import { createApp, FastboxError, t } from '../index.ts'

function itemsApp(options: Parameters<typeof createApp>[0] = {}) {
  return createApp({ title: 'Shop', ...options }).get(
    '/items/{item_id}',
    { path: { item_id: t.Integer() }, response: t.Object({ id: t.Integer() }) },
    ({ path }) => ({ id: path.item_id }),
  )
}

describe('documentation served by every app', () => {
  it('serves the OpenAPI 3.1 document at /openapi.json, the same as app.openapi()', async () => {
    const app = itemsApp()
    const res = await app.inject('/openapi.json')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.json()).toEqual(app.openapi())
    expect(res.json().openapi).toBe('3.1.0')
    expect(res.json().info).toEqual({ title: 'Shop', version: '0.1.0' })
  })

  it('leaves its own docs routes and includeInSchema: false routes out of the document', async () => {
    const app = itemsApp().get('/internal', { includeInSchema: false }, () => ({ ok: true }))
    expect(Object.keys(app.openapi().paths)).toEqual(['/items/{item_id}'])
    expect((await app.inject('/internal')).json()).toEqual({ ok: true })
  })

  it('serves Swagger UI at /docs, its OAuth2 redirect page, and ReDoc at /redoc', async () => {
    const app = itemsApp()
    const docs = await app.inject('/docs')
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(docs.body).toContain('<title>Shop - Swagger UI</title>')
    const redirect = await app.inject('/docs/oauth2-redirect')
    expect(redirect.body).toContain('window.opener.swaggerUIRedirectOauth2')
    const redoc = await app.inject('/redoc')
    expect(redoc.body).toContain('<title>Shop - ReDoc</title>')
    expect(redoc.body).toContain('spec-url="/openapi.json"')
  })

  it('answers 405 with Allow for another method on a docs page', async () => {
    const res = await itemsApp().inject({ method: 'POST', url: '/docs' })
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'GET'])
  })

  it('moves the pages with openapiUrl, and they follow it', async () => {
    const app = itemsApp({ openapiUrl: '/api/v1/openapi.json', docsUrl: '/api/docs', redocUrl: '/api/redoc' })
    expect((await app.inject('/api/v1/openapi.json')).statusCode).toBe(200)
    expect((await app.inject('/openapi.json')).statusCode).toBe(404)
    const init = await app.inject('/api/docs')
    expect(init.statusCode).toBe(200)
    const script = /src="([^"]*swagger-ui-init[^"]*)"/.exec(init.body)?.[1]
    const scriptText = script === undefined ? init.body : (await app.inject(script)).body
    expect(scriptText).toContain('/api/v1/openapi.json')
    expect((await app.inject('/api/redoc')).body).toContain('spec-url="/api/v1/openapi.json"')
  })

  it('turns a page off with null, and all three with openapiUrl: null', async () => {
    const noDocs = itemsApp({ docsUrl: null })
    expect((await noDocs.inject('/docs')).statusCode).toBe(404)
    expect((await noDocs.inject('/redoc')).statusCode).toBe(200)
    const noRedoc = itemsApp({ redocUrl: null })
    expect((await noRedoc.inject('/redoc')).statusCode).toBe(404)
    const none = itemsApp({ openapiUrl: null })
    for (const url of ['/openapi.json', '/docs', '/docs/oauth2-redirect', '/redoc']) {
      expect((await none.inject(url)).json()).toEqual({ detail: 'Not Found' })
    }
  })

  it('is deterministic: the same app gives byte-identical JSON', async () => {
    const first = await itemsApp().inject('/openapi.json')
    const second = await itemsApp().inject('/openapi.json')
    expect(first.body).toBe(second.body)
  })

  it('is built once and rebuilt only when a route is added', () => {
    const app = itemsApp()
    const before = app.openapi()
    expect(app.openapi()).toEqual(before)
    app.post('/items', { body: t.Object({ name: t.String() }) }, ({ body }) => body)
    expect(Object.keys(app.openapi().paths)).toEqual(['/items/{item_id}', '/items'])
  })

  it('stops the app at start-up when the document cannot be built', async () => {
    const app = createApp()
      .get('/a', { operationId: 'same' }, () => 1)
      .get('/b', { operationId: 'same' }, () => 2)
    const error = await app.ready().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(FastboxError)
    expect((error as Error).message).toContain('same')
  })
})
