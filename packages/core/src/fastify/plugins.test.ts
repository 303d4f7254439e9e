import cors from '@fastify/cors'
import formbody from '@fastify/formbody'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'

describe('Fastbox routes are Fastify routes', () => {
  it('carry their request and response schemas, which route-reading plugins see', async () => {
    const seen: RouteOptions[] = []
    const app = createApp({ openapiUrl: null })
    app.fastify.addHook('onRoute', (route) => {
      seen.push(route)
    })
    app.post(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer() },
        query: { q: t.Optional(t.String()) },
        headers: { x_token: t.String() },
        body: t.Object({ name: t.String() }),
        response: t.Object({ id: t.Integer() }),
      },
      ({ path }) => ({ id: path.item_id }),
    )
    await app.ready()
    const route = seen.find((candidate) => candidate.url === '/items/:item_id')
    const schema = route?.schema as Record<string, { properties?: Record<string, unknown> }>
    expect(Object.keys(schema.params?.properties ?? {})).toEqual(['item_id'])
    expect(Object.keys(schema.querystring?.properties ?? {})).toEqual(['q'])
    expect(Object.keys(schema.headers?.properties ?? {})).toEqual(['x-token'])
    expect(Object.keys(schema.body?.properties ?? {})).toEqual(['name'])
    expect(Object.keys(schema.response ?? {})).toEqual(['200'])
  })

  it('still answer every error of every part in one 422 (Fastify would stop at the first part)', async () => {
    const app = createApp().post(
      '/items/{item_id}',
      { path: { item_id: t.Integer() }, query: { n: t.Integer() }, body: t.Object({ name: t.String() }) },
      () => 'ok',
    )
    const res = await app.inject({ method: 'POST', url: '/items/x?n=y', payload: {} })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
      ['path', 'item_id'],
      ['query', 'n'],
      ['body', 'name'],
    ])
  })
})

describe('plain Fastify routes and plugins next to Fastbox routes', () => {
  it('answer a wrong method with 405 and Allow, for a plain route and a plugin route', async () => {
    const app = createApp().get('/items', () => [])
    app.fastify.get('/plain', async () => ({ plain: true }))
    await app.fastify.register(
      async (plugin) => {
        plugin.put('/thing', async () => ({ put: true }))
        plugin.get('/thing', async () => ({ get: true }))
      },
      { prefix: '/plugin' },
    )
    const plain = await app.inject({ method: 'DELETE', url: '/plain' })
    expect(plain.statusCode).toBe(405)
    expect(plain.headers.allow).toBe('GET')
    expect(plain.json()).toEqual({ detail: 'Method Not Allowed' })
    const plugin = await app.inject({ method: 'POST', url: '/plugin/thing' })
    expect(plugin.statusCode).toBe(405)
    expect(plugin.headers.allow).toBe('GET, PUT')
    expect((await app.inject('/plugin/thing')).json()).toEqual({ get: true })
    expect((await app.inject('/nowhere')).statusCode).toBe(404)
  })

  it.each([
    ['before', true],
    ['after', false],
  ])('@fastify/formbody registered %s the routes parses their forms', async (_when, before) => {
    const app = createApp()
    if (before) await app.fastify.register(formbody)
    app.post(
      '/login',
      { form: { username: t.String(), remember: t.Boolean({ default: false }) } },
      ({ form }) => form,
    )
    app.fastify.post('/plain-form', async (request) => request.body)
    if (!before) await app.fastify.register(formbody)
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const ok = await app.inject({
      method: 'POST',
      url: '/login',
      headers: form,
      payload: 'username=ada&remember=on',
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ username: 'ada', remember: true })
    const missing = await app.inject({ method: 'POST', url: '/login', headers: form, payload: 'remember=1' })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().detail[0].loc).toEqual(['body', 'username'])
    const plain = await app.inject({ method: 'POST', url: '/plain-form', headers: form, payload: 'a=1' })
    expect(plain.json()).toEqual({ a: '1' })
    const json = await app.inject({ method: 'POST', url: '/login', payload: { username: 'ada' } })
    expect(json.statusCode).toBe(415)
  })

  it('@fastify/cors answers preflights and adds its headers to Fastbox routes', async () => {
    const app = createApp().get('/items', () => [{ id: 1 }])
    await app.fastify.register(cors, { origin: 'https://shop.example' })
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/items',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example')
    const res = await app.inject({ url: '/items', headers: { origin: 'https://shop.example' } })
    expect(res.json()).toEqual([{ id: 1 }])
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example')
  })

  it('a plugin that sets itself up per route, registered after createApp(), covers the docs routes', async () => {
    // As @fastify/compress and @fastify/rate-limit do: an `onRoute` hook, in a plugin that is not encapsulated.
    const seen: string[] = []
    const perRoute = Object.assign(
      async (fastify: FastifyInstance) => {
        fastify.addHook('onRoute', (route) => {
          seen.push(`${route.method} ${route.url}`)
        })
      },
      { [Symbol.for('skip-override')]: true },
    )
    const app = createApp()
    await app.fastify.register(perRoute)
    app.get('/items', () => [])
    await app.ready()
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /items',
        'GET /openapi.json',
        'HEAD /openapi.json',
        'GET /docs',
        'GET /redoc',
      ]),
    )
    expect((await app.inject('/openapi.json')).statusCode).toBe(200)
  })
})
