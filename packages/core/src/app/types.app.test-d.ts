/**
 * Type tests: `route()` with several methods, unknown path parameters, the chained app type (its routes'
 * method, path, input and output), `exceptionHandler` and `HTTPException`.
 */
import { describe, expectTypeOf, test } from 'vitest'
import {
  type App,
  createApp,
  type ExceptionContext,
  HTTPException,
  RequestValidationError,
  type Route,
  type Static,
  t,
} from '../index.ts'

const Item = t.Object({ id: t.Integer(), name: t.String(), price: t.Number() })
const NewItem = t.Object({ name: t.String(), price: t.Number() })
const NotFound = t.Object({ detail: t.String() })

/** The routes recorded in an app's type. */
type RoutesOf<TApp extends App<unknown>> = NonNullable<TApp['~routes']>

describe('route(path, { method, ...spec }, handler)', () => {
  test('one or several methods, upper- or lower-case', () => {
    const app = createApp().route(
      '/items/{id}',
      { method: ['GET', 'POST'], path: { id: t.Integer() }, body: t.Optional(NewItem), response: Item },
      ({ path, body }) => {
        expectTypeOf(path).toEqualTypeOf<{ id: number }>()
        expectTypeOf(body).toEqualTypeOf<{ name: string; price: number } | undefined>()
        return { id: path.id, name: body?.name ?? '', price: 0 }
      },
    )
    expectTypeOf<RoutesOf<typeof app>['method']>().toEqualTypeOf<'GET' | 'POST'>()
    expectTypeOf<RoutesOf<typeof app>['path']>().toEqualTypeOf<'/items/{id}'>()

    const lower = createApp().route('/ping', { method: 'put' }, () => 'pong')
    expectTypeOf<RoutesOf<typeof lower>['method']>().toEqualTypeOf<'PUT'>()
    const mixed = createApp().route('/ping', { method: ['get', 'HEAD'] }, () => 'pong')
    expectTypeOf<RoutesOf<typeof mixed>['method']>().toEqualTypeOf<'GET' | 'HEAD'>()
  })

  test('the spec is checked as for the method builders', () => {
    // @ts-expect-error -- the return value must match the response schema
    createApp().route('/items', { method: ['GET', 'POST'], response: Item }, () => ({ id: 'x' }))
    // @ts-expect-error -- not an HTTP method
    createApp().route('/items', { method: 'FETCH' }, () => 'x')
    // @ts-expect-error -- `method` is required
    createApp().route('/items', { query: { q: t.String() } }, () => 'x')
  })
})

describe('a `path` schema naming a parameter the path does not have', () => {
  test('record shorthand', () => {
    // @ts-expect-error -- `item_id` is not a parameter of "/items/{id}"
    createApp().get('/items/{id}', { path: { item_id: t.Integer() } }, () => 'x')
    // @ts-expect-error -- one good and one unknown parameter
    createApp().get('/items/{id}', { path: { id: t.Integer(), extra: t.String() } }, () => 'x')
    // @ts-expect-error -- a path without parameters
    createApp().post('/items', { path: { id: t.Integer() } }, () => 'x')
    createApp().get('/items/{id}', { path: { id: t.Integer() } }, () => 'x')
  })

  test('t.Object', () => {
    // @ts-expect-error -- `item_id` is not a parameter of "/items/{id}"
    createApp().get('/items/{id}', { path: t.Object({ item_id: t.Integer() }) }, () => 'x')
    const Params = t.Object({ user_id: t.Integer(), item_id: t.Integer() })
    // @ts-expect-error -- `user_id` is missing from the path
    createApp().get('/items/{item_id}', { path: Params }, () => 'x')
    createApp().get('/users/{user_id}/items/{item_id}', { path: Params }, () => 'x')
  })

  test('`:name` and `{name:path}` parameters count as declared', () => {
    createApp().get('/items/:id', { path: { id: t.Integer() } }, () => 'x')
    createApp().get('/files/{file_path:path}', { path: { file_path: t.String() } }, () => 'x')
    // @ts-expect-error -- the parameter is `file_path`, not `file_path:path`
    createApp().get('/files/{file_path:path}', { path: { path: t.String() } }, () => 'x')
  })

  test('also through route()', () => {
    // @ts-expect-error -- `item_id` is not a parameter of "/items/{id}"
    createApp().route('/items/{id}', { method: 'GET', path: { item_id: t.Integer() } }, () => 'x')
  })
})

describe('the chained app type', () => {
  const getSpec = {
    path: { id: t.Integer() },
    query: { q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) },
    response: { 200: Item, 404: NotFound },
  } as const
  const postSpec = { body: NewItem, status: 201, response: Item } as const

  const app = createApp()
    .get('/items/{id}', getSpec, ({ path, respond }) =>
      path.id === 0 ? respond(404, { detail: 'Not found' }) : { id: path.id, name: 'x', price: 1 },
    )
    .post('/items', postSpec, ({ body }) => ({ id: 1, ...body }))
    .delete('/items/{id}', { status: 204 }, () => {})

  type Routes = RoutesOf<typeof app>
  type GetItem = Extract<Routes, { method: 'GET' }>
  type PostItem = Extract<Routes, { method: 'POST' }>
  type DeleteItem = Extract<Routes, { method: 'DELETE' }>

  test('is App of the union of its routes', () => {
    expectTypeOf(app).not.toBeAny()
    expectTypeOf(app).toEqualTypeOf<
      App<
        | Route<'GET', '/items/{id}', typeof getSpec>
        | Route<'POST', '/items', typeof postSpec>
        | Route<'DELETE', '/items/{id}', { readonly status: 204 }>
      >
    >()
    expectTypeOf<Routes['method']>().toEqualTypeOf<'GET' | 'POST' | 'DELETE'>()
    expectTypeOf<Routes['path']>().toEqualTypeOf<'/items/{id}' | '/items'>()
    expectTypeOf(createApp()).toEqualTypeOf<App<never>>()
    expectTypeOf<RoutesOf<ReturnType<typeof createApp>>>().toBeNever()
  })

  test('each route: method and path', () => {
    expectTypeOf<GetItem['path']>().toEqualTypeOf<'/items/{id}'>()
    expectTypeOf<PostItem['path']>().toEqualTypeOf<'/items'>()
    expectTypeOf<DeleteItem['path']>().toEqualTypeOf<'/items/{id}'>()
  })

  test('each route: input', () => {
    expectTypeOf<GetItem['input']>().not.toBeAny()
    expectTypeOf<GetItem['input']>().toEqualTypeOf<{
      path: { id: number }
      query: { q?: string; limit: number }
      headers: {}
      cookies: {}
      body: undefined
      form: {}
    }>()
    expectTypeOf<PostItem['input']['body']>().toEqualTypeOf<Static<typeof NewItem>>()
    expectTypeOf<PostItem['input']['path']>().toEqualTypeOf<{}>()
    expectTypeOf<DeleteItem['input']['path']>().toEqualTypeOf<{ id: string }>()
  })

  test('each route: output by status (JSON: dates are strings)', () => {
    expectTypeOf<GetItem['output']>().not.toBeAny()
    expectTypeOf<GetItem['output']>().toEqualTypeOf<{
      200: { id: number; name: string; price: number }
      404: { detail: string }
    }>()
    expectTypeOf<PostItem['output']>().toEqualTypeOf<{ 201: { id: number; name: string; price: number } }>()
    expectTypeOf<DeleteItem['output']>().toEqualTypeOf<{}>()
  })

  test('(path, handler) routes are recorded too, with an empty spec', () => {
    const more = app.get('/health', () => ({ ok: true }))
    type Health = Extract<RoutesOf<typeof more>, { path: '/health' }>
    expectTypeOf<Health>().toEqualTypeOf<Route<'GET', '/health', {}>>()
    expectTypeOf<Health['input']>().toEqualTypeOf<{
      path: {}
      query: {}
      headers: {}
      cookies: {}
      body: undefined
      form: {}
    }>()
    expectTypeOf<Exclude<RoutesOf<typeof more>, Health>>().toEqualTypeOf<Routes>()
  })

  test('a builder reads the routes from its holder, so it cannot be called detached', () => {
    const { get } = createApp()
    // @ts-expect-error -- `this` is not an app (the builders need it at run time too)
    get('/items', () => 'x')
  })

  test('route() adds one entry for its methods; exceptionHandler keeps the routes', () => {
    const more = app
      .route('/ping', { method: ['GET', 'HEAD'] }, () => 'pong')
      .exceptionHandler(RangeError, () => 'x')
    type Ping = Extract<RoutesOf<typeof more>, { path: '/ping' }>
    expectTypeOf<Ping['method']>().toEqualTypeOf<'GET' | 'HEAD'>()
    expectTypeOf<Exclude<RoutesOf<typeof more>, Ping>>().toEqualTypeOf<Routes>()
    expectTypeOf<Extract<RoutesOf<typeof more>, { path: '/items' }>>().toEqualTypeOf<PostItem>()
  })
})

describe('exceptionHandler(ErrorClass, handler)', () => {
  class OutOfStock extends Error {
    readonly sku: string
    constructor(sku: string) {
      super(`${sku} is out of stock`)
      this.sku = sku
    }
  }

  test('types the error as an instance of the class', () => {
    createApp().exceptionHandler(OutOfStock, (error, context) => {
      expectTypeOf(error).not.toBeAny()
      expectTypeOf(error).toEqualTypeOf<OutOfStock>()
      expectTypeOf(error.sku).toEqualTypeOf<string>()
      expectTypeOf(context).toEqualTypeOf<ExceptionContext>()
      return context.reply.status(409).send({ detail: error.message, sku: error.sku })
    })
    createApp().exceptionHandler(HTTPException, (error) => {
      expectTypeOf(error).toEqualTypeOf<HTTPException>()
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.detail).toEqualTypeOf<unknown>()
    })
    createApp().exceptionHandler(RequestValidationError, (error) => {
      expectTypeOf(error).toEqualTypeOf<RequestValidationError>()
    })
    createApp().exceptionHandler(Error, (error) => {
      expectTypeOf(error).toEqualTypeOf<Error>()
    })
  })

  test('only error classes are accepted', () => {
    class NotAnError {
      readonly code = 1
    }
    // @ts-expect-error -- not an Error subclass
    createApp().exceptionHandler(NotAnError, () => 'x')
    // @ts-expect-error -- a string is not a class
    createApp().exceptionHandler('OutOfStock', () => 'x')
    // @ts-expect-error -- the handler cannot ask for a narrower error than the class gives
    createApp().exceptionHandler(Error, (error: OutOfStock) => error.sku)
  })
})

describe('HTTPException', () => {
  test('constructor arguments', () => {
    expectTypeOf(HTTPException).constructorParameters.toEqualTypeOf<
      [status: number, detail?: unknown, headers?: Readonly<Record<string, string>>]
    >()
    expectTypeOf(new HTTPException(404)).toEqualTypeOf<HTTPException>()
    expectTypeOf(new HTTPException(404, 'Item not found')).toExtend<Error>()
    new HTTPException(404, 'Item not found', { 'X-Error': 'Item not found' })
    new HTTPException(400, { errors: [{ field: 'name' }] })
    new HTTPException(418, ['any', 'json', 1, null])
    // @ts-expect-error -- the status is a number
    new HTTPException('404', 'Item not found')
    // @ts-expect-error -- header values are strings
    new HTTPException(404, 'x', { 'X-Retry': 1 })
    // @ts-expect-error -- a status is required
    new HTTPException()
  })

  test('fields', () => {
    const error = new HTTPException(404, 'x')
    expectTypeOf(error.status).toEqualTypeOf<number>()
    expectTypeOf(error.detail).toEqualTypeOf<unknown>()
    expectTypeOf(error.headers).toEqualTypeOf<Readonly<Record<string, string>>>()
  })
})

describe('App<unknown>', () => {
  test('accepts an app with any routes, for functions that take an app', () => {
    const withRoutes = createApp().get('/items/{id}', ({ path }) => path.id)
    const takesAnyApp = (app: App<unknown>) => app.fastify
    takesAnyApp(withRoutes)
    takesAnyApp(createApp())
    expectTypeOf(takesAnyApp).parameter(0).toEqualTypeOf<App<unknown>>()
  })
})
