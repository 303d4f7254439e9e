// FastAPI's "Response Model" tutorials, ported: docs_src/response_model/tutorial003_py310.py, tutorial004_py310.py,
// tutorial005_py310.py and tutorial006_py310.py, at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

/** tutorial003: the input model has a password, the response model does not, so it is never sent. */
const UserIn = t.Object(
  {
    username: t.String(),
    password: t.String(),
    email: t.String({ format: 'email' }),
    full_name: t.Optional(nullable(t.String())),
  },
  { $id: 'UserIn' },
)
const UserOut = t.Object(
  { username: t.String(), email: t.String({ format: 'email' }), full_name: t.Optional(nullable(t.String())) },
  { $id: 'UserOut' },
)

export const tutorial003 = createApp().post(
  '/user/',
  { body: UserIn, response: UserOut },
  function createUser({ body }) {
    return body
  },
)

/** tutorial004: defaults in the response model, and `response_model_exclude_unset`. */
const Item = t.Object(
  {
    name: t.String(),
    description: t.Optional(nullable(t.String())),
    price: t.Number(),
    tax: t.Optional(t.Number({ default: 10.5 })),
    tags: t.Optional(t.Array(t.String(), { default: [] })),
  },
  { $id: 'Item' },
)

const items: Record<
  'foo' | 'bar' | 'baz',
  { name: string; price: number; description?: string | null; tax?: number; tags?: string[] }
> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
}

const readItem = {
  path: { item_id: t.Union([t.Literal('foo'), t.Literal('bar'), t.Literal('baz')]) },
  response: Item,
}

export const tutorial004 = createApp()
  .get('/items/{item_id}', { ...readItem, responseExcludeUnset: true }, function readItem({ path }) {
    return items[path.item_id]
  })
  // The tutorial's text names `response_model_exclude_defaults` and `response_model_exclude_none` too.
  .get(
    '/defaults/{item_id}',
    { ...readItem, responseExcludeDefaults: true },
    ({ path }) => items[path.item_id],
  )
  .get('/none/{item_id}', { ...readItem, responseExcludeNone: true }, ({ path }) => items[path.item_id])
  .get('/all/{item_id}', readItem, ({ path }) => items[path.item_id])

/**
 * tutorial005 and tutorial006: `response_model_include={"name", "description"}` and
 * `response_model_exclude={"tax"}`. Fastbox has neither: the response model is written for what is sent, with
 * TypeBox's `t.Pick` and `t.Omit` (as FastAPI's docs recommend over include/exclude), so the document says it too.
 */
const PlainItem = t.Object({
  name: t.String(),
  description: t.Optional(nullable(t.String())),
  price: t.Number(),
  tax: t.Optional(t.Number({ default: 10.5 })),
})

const plainItems: Record<string, { name: string; price: number; description?: string; tax?: number }> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The Bar fighters', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: 'There goes my baz', price: 50.2, tax: 10.5 },
}

export const tutorial005 = createApp()
  .get(
    '/items/{item_id}/name',
    { path: { item_id: t.String() }, response: t.Pick(PlainItem, ['name', 'description']) },
    function readItemName({ path }) {
      return plainItems[path.item_id] ?? { name: '' }
    },
  )
  .get(
    '/items/{item_id}/public',
    { path: { item_id: t.String() }, response: t.Omit(PlainItem, ['tax']) },
    function readItemPublicData({ path }) {
      return plainItems[path.item_id] ?? { name: '', price: 0 }
    },
  )
