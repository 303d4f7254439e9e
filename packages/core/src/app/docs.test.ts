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
    await app.ready()
    expect(Object.keys(app.openapi().paths)).toEqual(['/items/{item_id}'])
    expect((await app.inject('/internal')).json()).toEqual({ ok: true })
  })

  it('serves Swagger UI at /docs, its OAuth2 redirect page, and ReDoc at /redoc', async () => {
    const app = itemsApp()
    const docs = await app.inject('/docs')
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(docs.body).toContain('<title>Shop - Swagger UI</title>')
    const redirect = await app.inject('/docs/static/oauth2-redirect.js')
    expect(redirect.body).toContain('window.opener.swaggerUIRedirectOauth2')
    const redoc = await app.inject('/redoc')
    expect(redoc.body).toContain('<title>Shop - ReDoc</title>')
    expect(redoc.body).toContain('spec-url="/openapi.json"')
  })

  it('answers 405 with Allow for another method on a docs page', async () => {
    const res = await itemsApp().inject({ method: 'POST', url: '/docs' })
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'GET, HEAD'])
  })

  it('moves the pages with openapiUrl, and they follow it', async () => {
    const app = itemsApp({ openapiUrl: '/api/v1/openapi.json', docsUrl: '/api/docs', redocUrl: '/api/redoc' })
    expect((await app.inject('/api/v1/openapi.json')).statusCode).toBe(200)
    expect((await app.inject('/openapi.json')).statusCode).toBe(404)
    const page = await app.inject('/api/docs')
    expect(page.statusCode).toBe(200)
    // Swagger UI reads the same document from its own route (@fastify/swagger-ui fixes that URL).
    expect((await app.inject('/api/docs/json')).json()).toEqual(app.openapi())
    expect((await app.inject('/api/redoc')).body).toContain('spec-url="/api/v1/openapi.json"')
  })

  it('turns a page off with null, and all three with openapiUrl: null', async () => {
    const noDocs = itemsApp({ docsUrl: null })
    expect((await noDocs.inject('/docs')).statusCode).toBe(404)
    expect((await noDocs.inject('/redoc')).statusCode).toBe(200)
    const noRedoc = itemsApp({ redocUrl: null })
    expect((await noRedoc.inject('/redoc')).statusCode).toBe(404)
    const none = itemsApp({ openapiUrl: null })
    for (const url of ['/openapi.json', '/docs', '/docs/static/oauth2-redirect.html', '/redoc']) {
      expect((await none.inject(url)).json()).toEqual({ detail: 'Not Found' })
    }
  })

  it('is deterministic: the same app gives byte-identical JSON', async () => {
    const first = await itemsApp().inject('/openapi.json')
    const second = await itemsApp().inject('/openapi.json')
    expect(first.body).toBe(second.body)
  })

  it('is built once, when the app is ready (and not before: plugins add routes as it starts)', async () => {
    const app = itemsApp()
    expect(() => app.openapi()).toThrow(FastboxError)
    expect(() => app.openapi()).toThrow('after `await app.ready()`')
    await app.ready()
    const text = (await app.inject('/openapi.json')).body
    expect(app.fastify.swagger()).toBe(app.fastify.swagger())
    expect(JSON.stringify(app.openapi())).toBe(text)
    expect((await app.inject('/openapi.json')).body).toBe(text)
  })

  it('documents plain Fastify routes and plugins’ routes next to Fastbox routes', async () => {
    const app = itemsApp()
    app.fastify.get(
      '/health',
      { schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } },
      async function readHealth() {
        return { ok: true }
      },
    )
    app.fastify.register(
      async (plugin) => {
        plugin.post(
          '/hooks/:name',
          {
            schema: {
              operationId: 'receiveHook',
              body: { type: 'object', properties: { n: { type: 'integer' } } },
            },
          },
          async () => null,
        )
        plugin.get('/hidden', { schema: { hide: true } }, async () => null)
      },
      { prefix: '/plugin' },
    )
    await app.ready()
    const doc = app.openapi()
    expect(Object.keys(doc.paths)).toEqual(['/items/{item_id}', '/health', '/plugin/hooks/{name}'])
    expect(doc.paths['/health']?.get).toEqual({
      summary: 'Read Health',
      operationId: 'get_health',
      responses: {
        200: {
          description: 'Default Response',
          content: {
            'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
          },
        },
      },
    })
    const hook = doc.paths['/plugin/hooks/{name}']?.post
    expect(hook?.operationId).toBe('receiveHook')
    expect(hook?.summary).toBe('Receive Hook')
    expect(hook?.parameters).toEqual([
      { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
    ])
    // Fastify validates a plain route's schema; Fastbox answers a failure `400 {"detail": ...}`.
    expect(hook?.responses['400']).toEqual({
      description: 'Bad Request',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } },
    })
    const bad = await app.inject({ method: 'POST', url: '/plugin/hooks/a', payload: { n: 'x' } })
    expect([bad.statusCode, Object.keys(bad.json())]).toEqual([400, ['detail']])
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
