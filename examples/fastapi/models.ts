// FastAPI's "Body - Nested Models" and "Extra Models" tutorials, ported: docs_src/body_nested_models/tutorial007_py310.py
// and tutorial009_py310.py, docs_src/extra_models/tutorial003_py310.py, tutorial004_py310.py and tutorial005_py310.py,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

/** body_nested_models tutorial007: models inside lists inside models; `HttpUrl` is a `uri` string. */
const Image = t.Object({ url: t.String({ format: 'uri' }), name: t.String() }, { $id: 'Image' })
const Item = t.Object(
  {
    name: t.String(),
    description: nullable(t.String()),
    price: t.Number(),
    tax: nullable(t.Number()),
    tags: t.Array(t.String(), { uniqueItems: true, default: [] }),
    images: nullable(t.Array(Image)),
  },
  { $id: 'Item' },
)
const Offer = t.Object(
  { name: t.String(), description: nullable(t.String()), price: t.Number(), items: t.Array(Item) },
  { $id: 'Offer' },
)

export const nestedTutorial007 = createApp().post(
  '/offers/',
  { body: Offer },
  function createOffer({ body }) {
    return body
  },
)

/** body_nested_models tutorial009: `dict[int, float]`, integer keys. */
export const nestedTutorial009 = createApp().post(
  '/index-weights/',
  { body: t.Record(t.Integer(), t.Number()) },
  function createIndexWeights({ body }) {
    return body
  },
)

/** extra_models tutorial003: `response_model=PlaneItem | CarItem`. */
const CarItem = t.Object({ description: t.String(), type: t.String({ default: 'car' }) }, { $id: 'CarItem' })
const PlaneItem = t.Object(
  { description: t.String(), type: t.String({ default: 'plane' }), size: t.Integer() },
  { $id: 'PlaneItem' },
)
const unionItems: Record<string, { description: string; type: string; size?: number }> = {
  item1: { description: 'All my friends drive a low rider', type: 'car' },
  item2: { description: "Music is my aeroplane, it's my aeroplane", type: 'plane', size: 5 },
}

export const extraTutorial003 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, response: t.Union([PlaneItem, CarItem]) },
  function readItem({ path }) {
    return unionItems[path.item_id] ?? { description: '', type: 'car' }
  },
)

/** extra_models tutorial004: `response_model=list[Item]`. */
const SimpleItem = t.Object({ name: t.String(), description: t.String() })

export const extraTutorial004 = createApp().get(
  '/items/',
  { response: t.Array(SimpleItem) },
  function readItems() {
    return [
      { name: 'Foo', description: 'There comes my hero' },
      { name: 'Red', description: "It's my aeroplane" },
    ]
  },
)

/** extra_models tutorial005: `response_model=dict[str, float]`. */
export const extraTutorial005 = createApp().get(
  '/keyword-weights/',
  { response: t.Record(t.String(), t.Number()) },
  function readKeywordWeights() {
    return { foo: 2.3, bar: 3.4 }
  },
)
