import { describe, expect, it } from 'vitest'
import { createApp, createRouter, dependency, HTTPException, t } from '../index.ts'

describe('routers', () => {
  it('join prefixes, to any depth, and read path parameters of a prefix', async () => {
    const comments = createRouter({ prefix: '/comments' }).get('/{comment_id}', ({ path }) => path)
    const posts = createRouter({ prefix: '/posts/{post_id}' })
      .get('/', ({ path }) => ({ post: path.post_id }))
      .includeRouter(comments)
    const app = createApp().includeRouter(
      createRouter({ prefix: '/api' }).includeRouter(posts, { prefix: '/v1' }),
    )
    expect((await app.inject('/api/v1/posts/7/')).json()).toEqual({ post: '7' })
    expect((await app.inject('/api/v1/posts/7/comments/3')).json()).toEqual({ post_id: '7', comment_id: '3' })
    expect((await app.inject('/posts/7')).statusCode).toBe(404)
  })

  it('run dependencies outer first: app, inclusion, router, route', async () => {
    const order: string[] = []
    const mark = (name: string) => dependency(() => void order.push(name))
    const router = createRouter({ prefix: '/items', dependencies: [mark('router')] }).get(
      '/',
      { dependencies: [mark('route')] },
      () => order,
    )
    const app = createApp({ dependencies: [mark('app')] }).includeRouter(router, {
      dependencies: [mark('include')],
    })
    expect((await app.inject('/items/')).json()).toEqual(['app', 'include', 'router', 'route'])
  })

  it("add up tags and merge responses in the document, the route's own winning", async () => {
    const router = createRouter({
      prefix: '/items',
      tags: ['items'],
      responses: { 404: { description: 'Item not found' }, 418: { description: 'Router teapot' } },
    }).put(
      '/{item_id}',
      { tags: ['custom'], responses: { 418: { description: "I'm a teapot" } } },
      () => null,
    )
    const app = createApp().includeRouter(router, {
      tags: ['admin'],
      responses: { 403: { description: 'Forbidden' } },
    })
    await app.ready()
    const operation = app.openapi().paths['/items/{item_id}']?.put
    expect(operation?.tags).toEqual(['admin', 'items', 'custom'])
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '403', '404', '418', '422'])
    expect(operation?.responses['418']?.description).toBe("I'm a teapot")
  })

  it('serve routes added to a router after it was included', async () => {
    const router = createRouter({ prefix: '/late' })
    const app = createApp().includeRouter(router)
    router.get('/one', () => 1)
    expect((await app.inject('/late/one')).json()).toBe(1)
  })

  it("document a router dependency's parameters and apply its guard", async () => {
    const verifyToken = dependency({ headers: { x_token: t.String() } }, ({ headers }) => {
      if (headers.x_token !== 'fake-super-secret-token')
        throw new HTTPException(400, 'X-Token header invalid')
    })
    const app = createApp().includeRouter(
      createRouter({ prefix: '/items', dependencies: [verifyToken] }).get('/', () => []),
    )
    expect((await app.inject('/items/')).json().detail[0]).toMatchObject({
      type: 'missing',
      loc: ['header', 'x-token'],
    })
    expect((await app.inject({ url: '/items/', headers: { 'x-token': 'nope' } })).json()).toEqual({
      detail: 'X-Token header invalid',
    })
    expect(
      (await app.inject({ url: '/items/', headers: { 'x-token': 'fake-super-secret-token' } })).json(),
    ).toEqual([])
    const parameters = app.openapi().paths['/items/']?.get?.parameters
    expect(parameters).toEqual([
      { name: 'x-token', in: 'header', required: true, schema: { type: 'string' } },
    ])
  })

  it("serve a router's `'/'` route under its prefix with the trailing slash, as FastAPI does", async () => {
    const app = createApp().includeRouter(createRouter({ prefix: '/items' }).get('/', () => ['all']))
    expect((await app.inject('/items/')).json()).toEqual(['all'])
    expect(Object.keys(app.openapi().paths)).toEqual(['/items/'])
  })

  it('refuse a prefix that ends with "/"', () => {
    expect(() => createApp().includeRouter(createRouter({ prefix: '/items/' }).get('/', () => []))).toThrow(
      /must not end with "\/"/,
    )
  })
})

describe("trailing slashes, as Starlette's redirect_slashes", () => {
  const app = createApp()
    .get('/users/', () => ['users'])
    .post('/items', ({ query }) => query)
    .get('/items/{item_id}', ({ path }) => path)

  it.each([
    ['GET', '/users?page=2', 'http://localhost:80/users/?page=2'],
    ['POST', '/items/', 'http://localhost:80/items'],
    ['GET', '/items/3/', 'http://localhost:80/items/3'],
  ])('%s %s answers 307 to the other form, keeping the query string', async (method, url, location) => {
    const res = await app.inject({ method: method as 'GET', url })
    expect(res.statusCode).toBe(307)
    expect(res.headers.location).toBe(location)
    expect(res.body).toBe('')
  })

  it('keeps 404 when neither form exists and 405 when the path exists for another method', async () => {
    expect((await app.inject('/nothing/')).statusCode).toBe(404)
    expect((await app.inject('/')).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: '/users/' })).statusCode).toBe(405)
  })

  it('builds the location from the Host header', async () => {
    const res = await app.inject({ url: '/users', headers: { host: 'shop.example:8000' } })
    expect(res.headers.location).toBe('http://shop.example:8000/users/')
  })
})
