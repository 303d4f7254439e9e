/**
 * FastAPI's tests of the tutorial "Body - Multiple Parameters", translated to Vitest over `app.inject()`.
 * Source: fastapi/fastapi, tests/test_tutorial/test_body_multiple_params/test_tutorial001.py to
 * test_tutorial005.py, at commit c3f316b7e814667e8ee81e03a7330d00ee61e45c.
 *
 * The request and 422 assertions are FastAPI's own. The OpenAPI assertions keep what is meaningful for
 * Fastbox: FastAPI's Pydantic `title`s are not written, and Fastbox derives operationIds as
 * `<method>_<path words>`, so FastAPI's `Body_update_item_items__item_id__put` is `Body_put_items_item_id`
 * here (the handler's name still gives the summary "Update Item").
 */
import { describe, expect, it } from 'vitest'
import { tutorial001, tutorial002, tutorial003, tutorial004, tutorial005 } from './body-multiple-params.ts'

type Client = Pick<typeof tutorial001, 'inject'>

/** What the OpenAPI assertions read of an app. */
type Documented = Pick<typeof tutorial001, 'ready' | 'openapi'>

/** `client.put(url, json=payload)`; no payload sends no body, as TestClient does for `json=None`. */
async function put(client: Client, url: string, payload?: unknown) {
  const response = await client.inject({
    method: 'PUT',
    url,
    ...(payload !== undefined && {
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    }),
  })
  return { status: response.statusCode, json: response.json() as unknown }
}

function missing(part: string) {
  return { type: 'missing', loc: ['body', part], msg: 'Field required', input: null }
}

const ITEM_ID_FOO = {
  detail: [
    {
      type: 'int_parsing',
      loc: ['path', 'item_id'],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: 'foo',
    },
  ],
}

/** test_post_missing_required_field_in_item, in tutorial002 and tutorial005. */
const NO_PRICE = {
  status: 422,
  json: {
    detail: [
      { input: { name: 'Foo' }, loc: ['body', 'item', 'price'], msg: 'Field required', type: 'missing' },
    ],
  },
}

const ITEM_COMPONENT = {
  type: 'object',
  required: ['name', 'price'],
  properties: {
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    price: { type: 'number' },
    tax: { type: ['number', 'null'] },
  },
}

const USER_COMPONENT = {
  type: 'object',
  required: ['username'],
  properties: { username: { type: 'string' }, full_name: { type: ['string', 'null'] } },
}

const BODY_REF = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_put_items_item_id' } } },
  required: true,
}

const ITEM_ID = { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } }
const Q = {
  name: 'q',
  in: 'query',
  required: false,
  schema: { anyOf: [{ type: 'string' }, { type: 'null' }] },
}

async function operationOf(app: Documented) {
  await app.ready()
  const doc = app.openapi()
  return { doc, operation: doc.paths['/items/{item_id}']?.put }
}

describe('tutorial001: path, query and an optional body', () => {
  const client = tutorial001

  it('test_post_body_q_bar_content', async () => {
    expect(await put(client, '/items/5?q=bar', { name: 'Foo', price: 50.5 })).toEqual({
      status: 200,
      json: { item_id: 5, item: { name: 'Foo', price: 50.5, description: null, tax: null }, q: 'bar' },
    })
  })

  it('test_post_no_body_q_bar', async () => {
    expect(await put(client, '/items/5?q=bar')).toEqual({ status: 200, json: { item_id: 5, q: 'bar' } })
  })

  it('test_post_no_body', async () => {
    expect(await put(client, '/items/5')).toEqual({ status: 200, json: { item_id: 5 } })
  })

  it('test_post_id_foo', async () => {
    expect(await put(client, '/items/foo')).toEqual({ status: 422, json: ITEM_ID_FOO })
  })

  it('test_openapi_schema', async () => {
    const { doc, operation } = await operationOf(client)
    expect(operation?.summary).toBe('Update Item')
    expect(operation?.parameters).toEqual([
      {
        name: 'item_id',
        in: 'path',
        required: true,
        schema: { title: 'The ID of the item to get', maximum: 1000, minimum: 0, type: 'integer' },
      },
      Q,
    ])
    // FastAPI writes `anyOf: [Item, null]`; an optional body is simply not `required` here.
    expect(operation?.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
    })
    expect(doc.components?.schemas?.Item).toEqual(ITEM_COMPONENT)
  })
})

describe('tutorial002: two body parameters', () => {
  const client = tutorial002

  it('test_post_all', async () => {
    const payload = {
      item: { name: 'Foo', price: 50.5, description: 'Some Foo', tax: 0.1 },
      user: { username: 'johndoe', full_name: 'John Doe' },
    }
    expect(await put(client, '/items/5', payload)).toEqual({ status: 200, json: { item_id: 5, ...payload } })
  })

  it('test_post_required', async () => {
    expect(
      await put(client, '/items/5', { item: { name: 'Foo', price: 50.5 }, user: { username: 'johndoe' } }),
    ).toEqual({
      status: 200,
      json: {
        item_id: 5,
        item: { name: 'Foo', price: 50.5, description: null, tax: null },
        user: { username: 'johndoe', full_name: null },
      },
    })
  })

  it('test_post_no_body', async () => {
    expect(await put(client, '/items/5')).toEqual({
      status: 422,
      json: { detail: [missing('item'), missing('user')] },
    })
  })

  it('test_post_no_item', async () => {
    expect(await put(client, '/items/5', { user: { username: 'johndoe' } })).toEqual({
      status: 422,
      json: { detail: [missing('item')] },
    })
  })

  it('test_post_no_user', async () => {
    expect(await put(client, '/items/5', { item: { name: 'Foo', price: 50.5 } })).toEqual({
      status: 422,
      json: { detail: [missing('user')] },
    })
  })

  it('test_post_missing_required_field_in_item', async () => {
    expect(await put(client, '/items/5', { item: { name: 'Foo' }, user: { username: 'johndoe' } })).toEqual(
      NO_PRICE,
    )
  })

  it('test_post_missing_required_field_in_user', async () => {
    const payload = { item: { name: 'Foo', price: 50.5 }, user: { full_name: 'John Doe' } }
    expect(await put(client, '/items/5', payload)).toEqual({
      status: 422,
      json: {
        detail: [
          {
            input: { full_name: 'John Doe' },
            loc: ['body', 'user', 'username'],
            msg: 'Field required',
            type: 'missing',
          },
        ],
      },
    })
  })

  it('test_post_id_foo', async () => {
    const payload = { item: { name: 'Foo', price: 50.5 }, user: { username: 'johndoe' } }
    expect(await put(client, '/items/foo', payload)).toEqual({ status: 422, json: ITEM_ID_FOO })
  })

  it('test_openapi_schema', async () => {
    const { doc, operation } = await operationOf(client)
    expect(operation?.parameters).toEqual([ITEM_ID])
    expect(operation?.requestBody).toEqual(BODY_REF)
    expect(doc.components?.schemas).toMatchObject({
      Body_put_items_item_id: {
        title: 'Body_put_items_item_id',
        type: 'object',
        required: ['item', 'user'],
        properties: {
          item: { $ref: '#/components/schemas/Item' },
          user: { $ref: '#/components/schemas/User' },
        },
      },
      Item: ITEM_COMPONENT,
      User: USER_COMPONENT,
    })
  })
})

describe('tutorial003: a singular value in the body', () => {
  const client = tutorial003

  it('test_post_body_valid', async () => {
    const payload = { importance: 2, item: { name: 'Foo', price: 50.5 }, user: { username: 'Dave' } }
    expect(await put(client, '/items/5', payload)).toEqual({
      status: 200,
      json: {
        item_id: 5,
        importance: 2,
        item: { name: 'Foo', price: 50.5, description: null, tax: null },
        user: { username: 'Dave', full_name: null },
      },
    })
  })

  it('test_post_body_no_data', async () => {
    expect(await put(client, '/items/5')).toEqual({
      status: 422,
      json: { detail: [missing('item'), missing('user'), missing('importance')] },
    })
  })

  it('test_post_body_empty_list', async () => {
    expect(await put(client, '/items/5', [])).toEqual({
      status: 422,
      json: { detail: [missing('item'), missing('user'), missing('importance')] },
    })
  })

  it('test_openapi_schema', async () => {
    const { doc, operation } = await operationOf(client)
    expect(operation?.parameters).toEqual([ITEM_ID])
    expect(operation?.requestBody).toEqual(BODY_REF)
    expect(doc.components?.schemas?.Body_put_items_item_id).toEqual({
      title: 'Body_put_items_item_id',
      type: 'object',
      required: ['item', 'user', 'importance'],
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'integer' },
      },
    })
  })
})

describe('tutorial004: body parameters and a query parameter', () => {
  const client = tutorial004
  const payload = { importance: 2, item: { name: 'Foo', price: 50.5 }, user: { username: 'Dave' } }
  const echoed = {
    item_id: 5,
    importance: 2,
    item: { name: 'Foo', price: 50.5, description: null, tax: null },
    user: { username: 'Dave', full_name: null },
  }

  it('test_put_all', async () => {
    expect(await put(client, '/items/5?q=somequery', payload)).toEqual({
      status: 200,
      json: { ...echoed, q: 'somequery' },
    })
  })

  it('test_put_only_required', async () => {
    expect(await put(client, '/items/5', payload)).toEqual({ status: 200, json: echoed })
  })

  it('test_put_missing_body', async () => {
    expect(await put(client, '/items/5')).toEqual({
      status: 422,
      json: { detail: [missing('item'), missing('user'), missing('importance')] },
    })
  })

  it('test_put_empty_body', async () => {
    expect(await put(client, '/items/5', {})).toEqual({
      status: 422,
      json: { detail: [missing('item'), missing('user'), missing('importance')] },
    })
  })

  it('test_put_invalid_importance', async () => {
    expect(await put(client, '/items/5', { ...payload, importance: 0 })).toEqual({
      status: 422,
      json: {
        detail: [
          {
            loc: ['body', 'importance'],
            msg: 'Input should be greater than 0',
            type: 'greater_than',
            input: 0,
            ctx: { gt: 0 },
          },
        ],
      },
    })
  })

  it('test_openapi_schema', async () => {
    const { doc, operation } = await operationOf(client)
    expect(operation?.parameters).toEqual([ITEM_ID, Q])
    expect(operation?.requestBody).toEqual(BODY_REF)
    expect(doc.components?.schemas?.Body_put_items_item_id).toEqual({
      title: 'Body_put_items_item_id',
      type: 'object',
      required: ['item', 'user', 'importance'],
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'integer', exclusiveMinimum: 0 },
      },
    })
  })
})

describe('tutorial005: one body parameter embedded under its name', () => {
  const client = tutorial005

  it('test_post_all', async () => {
    const item = { name: 'Foo', price: 50.5, description: 'Some Foo', tax: 0.1 }
    expect(await put(client, '/items/5', { item })).toEqual({ status: 200, json: { item_id: 5, item } })
  })

  it('test_post_required', async () => {
    expect(await put(client, '/items/5', { item: { name: 'Foo', price: 50.5 } })).toEqual({
      status: 200,
      json: { item_id: 5, item: { name: 'Foo', price: 50.5, description: null, tax: null } },
    })
  })

  it('test_post_no_body', async () => {
    expect(await put(client, '/items/5')).toEqual({ status: 422, json: { detail: [missing('item')] } })
  })

  it('test_post_like_not_embedded', async () => {
    expect(await put(client, '/items/5', { name: 'Foo', price: 50.5 })).toEqual({
      status: 422,
      json: { detail: [missing('item')] },
    })
  })

  it('test_post_missing_required_field_in_item', async () => {
    expect(await put(client, '/items/5', { item: { name: 'Foo' }, user: { username: 'johndoe' } })).toEqual(
      NO_PRICE,
    )
  })

  it('test_openapi_schema', async () => {
    const { doc, operation } = await operationOf(client)
    expect(operation?.parameters).toEqual([ITEM_ID])
    expect(operation?.requestBody).toEqual(BODY_REF)
    expect(doc.components?.schemas).toMatchObject({
      Body_put_items_item_id: {
        title: 'Body_put_items_item_id',
        type: 'object',
        required: ['item'],
        properties: { item: { $ref: '#/components/schemas/Item' } },
      },
      Item: ITEM_COMPONENT,
    })
  })
})
