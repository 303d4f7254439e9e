/**
 * Type tests: what a handler's context holds, inferred from the route's spec.
 * Run with `npx vitest run --typecheck.only packages/core/src` (and `tsc -p tsconfig.json`).
 * Responses: `types.responses.test-d.ts`; app and route types: `types.app.test-d.ts`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type BodyStatic,
  createApp,
  date,
  dateTime,
  type PartStatic,
  type PathParamNames,
  type Static,
  type TSchema,
  t,
} from '../index.ts'

const Item = t.Object({ name: t.String(), price: t.Number(), tags: t.Array(t.String()) })

describe('path parameter names', () => {
  test('FastAPI braces, Fastify colons and `{name:path}`', () => {
    expectTypeOf<PathParamNames<'/items/{item_id}'>>().toEqualTypeOf<'item_id'>()
    expectTypeOf<PathParamNames<'/users/{user_id}/items/{item_id}'>>().toEqualTypeOf<'user_id' | 'item_id'>()
    expectTypeOf<PathParamNames<'/items/:item_id'>>().toEqualTypeOf<'item_id'>()
    expectTypeOf<PathParamNames<'/files/{file_path:path}'>>().toEqualTypeOf<'file_path'>()
    expectTypeOf<PathParamNames<'/files/:name.:ext'>>().toEqualTypeOf<'name' | 'ext'>()
    expectTypeOf<PathParamNames<'/flights/:from-:to'>>().toEqualTypeOf<'from' | 'to'>()
    expectTypeOf<PathParamNames<'/reports/{year}-{month}.json'>>().toEqualTypeOf<'year' | 'month'>()
    expectTypeOf<PathParamNames<'/items'>>().toBeNever()
    expectTypeOf<PathParamNames<'/'>>().toBeNever()
  })
})

describe('path', () => {
  test('record shorthand', () => {
    createApp().get('/items/{item_id}', { path: { item_id: t.Integer({ minimum: 1 }) } }, ({ path }) => {
      expectTypeOf(path).not.toBeAny()
      expectTypeOf(path).toEqualTypeOf<{ item_id: number }>()
      expectTypeOf(path.item_id).toEqualTypeOf<number>()
    })
  })

  test('t.Object', () => {
    const Params = t.Object({ user_id: t.Integer(), slug: t.String() })
    createApp().get('/users/{user_id}/posts/{slug}', { path: Params }, ({ path }) => {
      expectTypeOf(path).not.toBeAny()
      expectTypeOf(path).toEqualTypeOf<{ user_id: number; slug: string }>()
    })
  })

  test('parameters without a schema are strings', () => {
    createApp().get('/users/{user_id}/items/{item_id}', ({ path }) => {
      expectTypeOf(path).not.toBeAny()
      expectTypeOf(path).toEqualTypeOf<{ user_id: string; item_id: string }>()
    })
    createApp().get('/users/{user_id}/items/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ user_id: string; item_id: number }>()
    })
    createApp().get('/users/{user_id}', { query: { q: t.String() } }, ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ user_id: string }>()
    })
  })

  test('`:name` and `{name:path}` parameters', () => {
    createApp().get('/items/:item_id', ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ item_id: string }>()
    })
    createApp().get('/items/:item_id', { path: { item_id: t.Integer() } }, ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ item_id: number }>()
    })
    createApp().get('/files/{file_path:path}', ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ file_path: string }>()
    })
    createApp().get('/files/{file_path:path}', { path: { file_path: t.String() } }, ({ path }) => {
      expectTypeOf(path).toEqualTypeOf<{ file_path: string }>()
    })
  })

  test('enums (unions of literals) and the shape of a path with no parameters', () => {
    const Model = t.Union([t.Literal('alexnet'), t.Literal('resnet'), t.Literal('lenet')])
    createApp().get('/models/{model_name}', { path: { model_name: Model } }, ({ path }) => {
      expectTypeOf(path.model_name).toEqualTypeOf<'alexnet' | 'resnet' | 'lenet'>()
    })
    createApp().get('/items', ({ path }) => {
      expectTypeOf(path).not.toBeAny()
      expectTypeOf(path).toEqualTypeOf<{}>()
    })
  })
})

describe('query', () => {
  test('required, optional, defaults and arrays (record shorthand)', () => {
    createApp().get(
      '/items',
      {
        query: {
          q: t.Optional(t.String()),
          limit: t.Integer({ default: 10 }),
          tags: t.Array(t.String()),
          sort: t.Optional(t.Union([t.Literal('asc'), t.Literal('desc')])),
          ids: t.Optional(t.Array(t.Integer())),
        },
      },
      ({ query }) => {
        expectTypeOf(query).not.toBeAny()
        expectTypeOf(query).toEqualTypeOf<{
          q?: string
          limit: number
          tags: string[]
          sort?: 'asc' | 'desc'
          ids?: number[]
        }>()
        expectTypeOf(query.q).toEqualTypeOf<string | undefined>()
        expectTypeOf(query.limit).toEqualTypeOf<number>()
      },
    )
  })

  test('t.Object', () => {
    const Query = t.Object({ q: t.Optional(t.String()), skip: t.Integer({ default: 0 }), flag: t.Boolean() })
    createApp().get('/items', { query: Query }, ({ query }) => {
      expectTypeOf(query).not.toBeAny()
      expectTypeOf(query).toEqualTypeOf<{ q?: string; skip: number; flag: boolean }>()
    })
  })

  test('both forms give the same (mutable) type', () => {
    expectTypeOf<PartStatic<{ readonly a: ReturnType<typeof t.String> }>>().toEqualTypeOf<{ a: string }>()
    expectTypeOf<PartStatic<{ a: ReturnType<typeof t.String> }>>().toEqualTypeOf<
      PartStatic<ReturnType<typeof t.Object<{ a: ReturnType<typeof t.String> }>>>
    >()
  })
})

describe('headers and cookies', () => {
  test('record shorthand and t.Object', () => {
    createApp().get(
      '/items',
      {
        headers: { x_token: t.String(), user_agent: t.Optional(t.String()), x_ids: t.Array(t.Integer()) },
        cookies: t.Object({ session: t.String(), ads_id: t.Optional(t.String()) }),
      },
      ({ headers, cookies }) => {
        expectTypeOf(headers).not.toBeAny()
        expectTypeOf(headers).toEqualTypeOf<{ x_token: string; user_agent?: string; x_ids: number[] }>()
        expectTypeOf(cookies).not.toBeAny()
        expectTypeOf(cookies).toEqualTypeOf<{ session: string; ads_id?: string }>()
      },
    )
  })
})

describe('body', () => {
  test('any TypeBox schema', () => {
    createApp().post('/items', { body: Item }, ({ body }) => {
      expectTypeOf(body).not.toBeAny()
      expectTypeOf(body).toEqualTypeOf<Static<typeof Item>>()
      expectTypeOf(body).toEqualTypeOf<{ name: string; price: number; tags: string[] }>()
    })
    createApp().post('/batch', { body: t.Array(Item) }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<{ name: string; price: number; tags: string[] }[]>()
    })
    createApp().post('/count', { body: t.Integer() }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<number>()
    })
  })

  test('t.Optional(body) may be undefined', () => {
    createApp().put('/items/{id}', { body: t.Optional(Item) }, ({ body }) => {
      expectTypeOf(body).not.toBeAny()
      expectTypeOf(body).toEqualTypeOf<{ name: string; price: number; tags: string[] } | undefined>()
    })
    const OptionalItem = t.Optional(Item)
    expectTypeOf<BodyStatic<typeof OptionalItem>>().toEqualTypeOf<Static<typeof Item> | undefined>()
  })

  test('dateTime() and date() fields are the strings the client sent (a Date only in responses)', () => {
    createApp().post(
      '/events',
      { body: t.Object({ at: dateTime(), day: t.Optional(date()) }) },
      ({ body }) => {
        expectTypeOf(body).toEqualTypeOf<{ at: string; day?: string }>()
      },
    )
  })

  test('a strict route reads the same types', () => {
    createApp().post('/items', { body: Item, strict: true }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<Static<typeof Item>>()
    })
  })

  test('no body is undefined', () => {
    createApp().post('/ping', ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<undefined>()
    })
    createApp().post('/ping', { query: { q: t.String() } }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<undefined>()
    })
  })
})

describe('parts the spec does not declare are empty, never any', () => {
  test('(path, handler) form', () => {
    createApp().get('/items', (context) => {
      expectTypeOf(context).not.toBeAny()
      expectTypeOf(context.query).not.toBeAny()
      expectTypeOf(context.query).toEqualTypeOf<{}>()
      expectTypeOf(context.headers).toEqualTypeOf<{}>()
      expectTypeOf(context.cookies).toEqualTypeOf<{}>()
      expectTypeOf(context.body).toEqualTypeOf<undefined>()
      // @ts-expect-error -- no query declared
      context.query.foo
      // @ts-expect-error -- no headers declared
      context.headers.authorization
    })
  })

  test('a spec that declares other parts', () => {
    createApp().post('/items/{id}', { body: Item }, ({ path, query, headers, cookies }) => {
      expectTypeOf(query).not.toBeAny()
      expectTypeOf(query).toEqualTypeOf<{}>()
      expectTypeOf(headers).toEqualTypeOf<{}>()
      expectTypeOf(cookies).toEqualTypeOf<{}>()
      // @ts-expect-error -- `foo` is not a query parameter
      query.foo
      // @ts-expect-error -- `other` is not a path parameter
      path.other
    })
  })

  test('declared parts do not allow unknown keys either', () => {
    createApp().get('/items', { query: { q: t.String() } }, ({ query }) => {
      // @ts-expect-error -- `foo` is not declared
      query.foo
    })
  })

  test('request, reply and respond', () => {
    createApp().get('/items', ({ request, reply, respond }) => {
      expectTypeOf(request).not.toBeAny()
      expectTypeOf(request).toEqualTypeOf<FastifyRequest>()
      expectTypeOf(reply).not.toBeAny()
      expectTypeOf(reply).toEqualTypeOf<FastifyReply>()
      expectTypeOf(respond).not.toBeAny()
    })
  })
})

describe('t', () => {
  test('holds the builders and TypeBox types: `t.Static<typeof Item>` works next to `t.Object`', () => {
    const Item = t.Object({ id: t.Integer(), name: t.String() })
    type Item = t.Static<typeof Item>
    expectTypeOf<Item>().toEqualTypeOf<{ id: number; name: string }>()
    expectTypeOf<t.TSchema>().toEqualTypeOf<TSchema>()
  })
})
