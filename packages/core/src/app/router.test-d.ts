import { describe, expectTypeOf, test } from 'vitest'
import { type App, createApp, createRouter, type Route, type Router, t } from '../index.ts'

describe('router types', () => {
  test("a router's routes are typed like an app's, with its prefix in their paths", () => {
    const items = createRouter({ prefix: '/items' })
      .get('/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => {
        expectTypeOf(path).toEqualTypeOf<{ item_id: number }>()
        return path.item_id
      })
      .post('/', { body: t.Object({ name: t.String() }) }, ({ body }) => body)
    type Routes = NonNullable<(typeof items)['~routes']>
    expectTypeOf<Routes['path']>().toEqualTypeOf<'/items/{item_id}' | '/items/'>()
    expectTypeOf<Extract<Routes, { method: 'POST' }>['input']['body']>().toEqualTypeOf<{ name: string }>()
    expectTypeOf(items).toExtend<Router<unknown, '/items'>>()
  })

  test('path parameters of a prefix reach the handler', () => {
    createRouter({ prefix: '/users/{user_id}' }).get('/posts/{post_id}', ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ user_id: string; post_id: string }>()
      return null
    })
  })

  test('including a router adds its routes to the app type under the inclusion prefix', () => {
    const router = createRouter({ prefix: '/items' }).get('/', () => [1])
    const app = createApp()
      .get('/health', () => 'ok')
      .includeRouter(router, { prefix: '/v1' })
    expectTypeOf<NonNullable<(typeof app)['~routes']>['path']>().toEqualTypeOf<'/health' | '/v1/items/'>()
    expectTypeOf(app).toExtend<App<Route>>()
  })

  test('a path schema naming a parameter the full path lacks is an error', () => {
    createRouter({ prefix: '/users/{user_id}' }).get(
      '/',
      // @ts-expect-error post_id is not in '/users/{user_id}'
      { path: { post_id: t.Integer() } },
      () => null,
    )
  })
})
