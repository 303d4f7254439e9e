// FastAPI's "Request Body" tutorials, ported: docs_src/body/tutorial001_py310.py ... tutorial004_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

/** `class Item(BaseModel)`: `str | None = None` is `nullable(...)`, filled in with `null` when left out. */
export const Item = t.Object(
  {
    name: t.String(),
    description: nullable(t.String()),
    price: t.Number(),
    tax: nullable(t.Number()),
  },
  { $id: 'Item' },
)

/** tutorial001: the body model, returned as it was read. */
export const tutorial001 = createApp().post('/items/', { body: Item }, function createItem({ body }) {
  return body
})

/** tutorial002: the model's fields used. */
export const tutorial002 = createApp().post('/items/', { body: Item }, function createItem({ body }) {
  if (body.tax !== null) return { ...body, price_with_tax: body.price + body.tax }
  return body
})

/** tutorial003: body and path parameters. */
export const tutorial003 = createApp().put(
  '/items/{item_id}',
  { path: { item_id: t.Integer() }, body: Item },
  function updateItem({ path, body }) {
    return { item_id: path.item_id, ...body }
  },
)

/** tutorial004: body, path and query parameters. */
export const tutorial004 = createApp().put(
  '/items/{item_id}',
  { path: { item_id: t.Integer() }, body: Item, query: { q: nullable(t.String()) } },
  function updateItem({ path, body, query }) {
    return { item_id: path.item_id, ...body, ...(query.q ? { q: query.q } : {}) }
  },
)
