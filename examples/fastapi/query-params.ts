// FastAPI's "Query Parameters" tutorials, ported: docs_src/query_params/tutorial001_py310.py ... tutorial006_py310.py,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

const fakeItemsDb = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]

/** tutorial001: `skip: int = 0, limit: int = 10`. */
export const tutorial001 = createApp().get(
  '/items/',
  { query: { skip: t.Integer({ default: 0 }), limit: t.Integer({ default: 10 }) } },
  function readItem({ query }) {
    return fakeItemsDb.slice(query.skip, query.skip + query.limit)
  },
)

/** tutorial002: `q: str | None = None`. */
export const tutorial002 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, query: { q: nullable(t.String()) } },
  function readItem({ path, query }) {
    if (query.q) return { item_id: path.item_id, q: query.q }
    return { item_id: path.item_id }
  },
)

const description = 'This is an amazing item that has a long description'

/** tutorial003: `short: bool = False`, read from FastAPI's words for true and false. */
export const tutorial003 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, query: { q: nullable(t.String()), short: t.Boolean({ default: false }) } },
  function readItem({ path, query }) {
    return {
      item_id: path.item_id,
      ...(query.q ? { q: query.q } : {}),
      ...(query.short ? {} : { description }),
    }
  },
)

/** tutorial004: several path and query parameters, in any order. */
export const tutorial004 = createApp().get(
  '/users/{user_id}/items/{item_id}',
  {
    path: { user_id: t.Integer(), item_id: t.String() },
    query: { q: nullable(t.String()), short: t.Boolean({ default: false }) },
  },
  function readUserItem({ path, query }) {
    return {
      item_id: path.item_id,
      owner_id: path.user_id,
      ...(query.q ? { q: query.q } : {}),
      ...(query.short ? {} : { description }),
    }
  },
)

/** tutorial005: a required query parameter. */
export const tutorial005 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, query: { needy: t.String() } },
  function readUserItem({ path, query }) {
    return { item_id: path.item_id, needy: query.needy }
  },
)

/** tutorial006: required, defaulted and nullable together. */
export const tutorial006 = createApp().get(
  '/items/{item_id}',
  {
    path: { item_id: t.String() },
    query: { needy: t.String(), skip: t.Integer({ default: 0 }), limit: nullable(t.Integer()) },
  },
  function readUserItem({ path, query }) {
    return { item_id: path.item_id, needy: query.needy, skip: query.skip, limit: query.limit }
  },
)
