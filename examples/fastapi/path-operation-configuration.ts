// FastAPI's "Path Operation Configuration" and "Response Status Code" tutorials, ported:
// docs_src/path_operation_configuration/tutorial001_py310.py, tutorial002b_py310.py, tutorial005_py310.py,
// tutorial006_py310.py and docs_src/response_status_code/tutorial001_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, status, t } from 'fastbox'

/**
 * `tags: set[str] = set()`: a set is a list of unique items. Difference: Pydantic drops repeated tags; JSON
 * Schema's `uniqueItems` (which the document says) makes them a 422 `unique_items` in Fastbox.
 */
const Item = t.Object(
  {
    name: t.String(),
    description: t.Optional(nullable(t.String())),
    price: t.Number(),
    tax: t.Optional(nullable(t.Number())),
    tags: t.Array(t.String(), { uniqueItems: true, default: [] }),
  },
  { $id: 'Item' },
)

/** tutorial001: `status_code=status.HTTP_201_CREATED`, the return type as the response model. */
export const tutorial001 = createApp().post(
  '/items/',
  { body: Item, response: Item, status: status.HTTP_201_CREATED },
  function createItem({ body }) {
    return body
  },
)

/** tutorial002b: tags from an enum. */
const Tags = { items: 'items', users: 'users' } as const

export const tutorial002b = createApp()
  .get('/items/', { tags: [Tags.items] }, function getItems() {
    return ['Portal gun', 'Plumbus']
  })
  .get('/users/', { tags: [Tags.users] }, function readUsers() {
    return ['Rick', 'Morty']
  })

/**
 * tutorial005: a summary, a description and a response description. FastAPI takes the description from the
 * function's docstring; a Fastbox route says it in `description`.
 */
export const tutorial005 = createApp().post(
  '/items/',
  {
    body: Item,
    response: Item,
    summary: 'Create an item',
    responseDescription: 'The created item',
    description: `Create an item with all the information:

- **name**: each item must have a name
- **description**: a long description
- **price**: required
- **tax**: if the item doesn't have tax, you can omit this
- **tags**: a set of unique tag strings for this item`,
  },
  function createItem({ body }) {
    return body
  },
)

/** tutorial006: tags, and a deprecated operation. */
export const tutorial006 = createApp()
  .get('/items/', { tags: ['items'] }, function readItems() {
    return [{ name: 'Foo', price: 42 }]
  })
  .get('/users/', { tags: ['users'] }, function readUsers() {
    return [{ username: 'johndoe' }]
  })
  .get('/elements/', { tags: ['items'], deprecated: true }, function readElements() {
    return [{ item_id: 'Foo' }]
  })

/** response_status_code tutorial001: `status_code=201`. */
export const statusTutorial001 = createApp().post(
  '/items/',
  { query: { name: t.String() }, status: 201 },
  function createItem({ query }) {
    return { name: query.name }
  },
)
