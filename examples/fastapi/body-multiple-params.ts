/**
 * FastAPI's tutorial "Body - Multiple Parameters", ported to Fastbox: one app per tutorial (they all declare
 * `PUT /items/{item_id}`). Source: fastapi/fastapi, docs_src/body_multiple_params/tutorial001_py310.py to
 * tutorial005_py310.py, at commit c3f316b7e814667e8ee81e03a7330d00ee61e45c.
 *
 * FastAPI reads several body parameters (`item: Item, user: User, importance: int = Body()`) from one JSON
 * object keyed by parameter name; Fastbox declares them as a record of named parts, `body: { item, user }`.
 */
import { createApp, nullable, t } from 'fastbox'

const Item = t.Object(
  {
    name: t.String(),
    description: nullable(t.String()),
    price: t.Number(),
    tax: nullable(t.Number()),
  },
  { $id: 'Item' },
)

const User = t.Object({ username: t.String(), full_name: nullable(t.String()) }, { $id: 'User' })

/** tutorial001: path, query and an optional body (`item: Item | None = None`) mixed. */
export const tutorial001 = createApp().put(
  '/items/{item_id}',
  {
    path: { item_id: t.Integer({ title: 'The ID of the item to get', minimum: 0, maximum: 1000 }) },
    query: { q: nullable(t.String()) },
    body: t.Optional(Item),
  },
  function update_item({ path, query, body }) {
    return { item_id: path.item_id, ...(query.q && { q: query.q }), ...(body && { item: body }) }
  },
)

/** tutorial002: two body parameters, `item: Item, user: User`. */
export const tutorial002 = createApp().put(
  '/items/{item_id}',
  { path: { item_id: t.Integer() }, body: { item: Item, user: User } },
  function update_item({ path, body }) {
    return { item_id: path.item_id, item: body.item, user: body.user }
  },
)

/** tutorial003: a singular value in the body, `importance: int = Body()`. */
export const tutorial003 = createApp().put(
  '/items/{item_id}',
  { path: { item_id: t.Integer() }, body: { item: Item, user: User, importance: t.Integer() } },
  function update_item({ path, body }) {
    return { item_id: path.item_id, ...body }
  },
)

/** tutorial004: body parameters and a query parameter; `importance: int = Body(gt=0)`. */
export const tutorial004 = createApp().put(
  '/items/{item_id}',
  {
    path: { item_id: t.Integer() },
    query: { q: nullable(t.String()) },
    body: { item: Item, user: User, importance: t.Integer({ exclusiveMinimum: 0 }) },
  },
  function update_item({ path, query, body }) {
    return { item_id: path.item_id, ...body, ...(query.q && { q: query.q }) }
  },
)

/** tutorial005: one body parameter embedded under its name, `item: Item = Body(embed=True)`. */
export const tutorial005 = createApp().put(
  '/items/{item_id}',
  { path: { item_id: t.Integer() }, body: { item: Item } },
  function update_item({ path, body }) {
    return { item_id: path.item_id, item: body.item }
  },
)
