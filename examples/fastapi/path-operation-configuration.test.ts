// FastAPI's tests/test_tutorial/test_path_operation_configurations/test_tutorial001.py, test_tutorial002b.py,
// test_tutorial005.py, test_tutorial006.py and tests/test_tutorial/test_response_status_code/
// test_tutorial001_tutorial002.py, translated, at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  statusTutorial001,
  tutorial001,
  tutorial002b,
  tutorial005,
  tutorial006,
} from './path-operation-configuration.ts'
import { dig, openapiOf } from './support.ts'

describe('path_operation_configuration tutorial001', () => {
  it('POST /items/: 201, the item', async () => {
    const item = { name: 'Foo', description: 'Item description', price: 42.0, tax: 3.2, tags: ['bar', 'baz'] }
    const res = await tutorial001.inject({ method: 'POST', url: '/items/', payload: item })
    expect([res.statusCode, res.json()]).toEqual([201, item])
  })

  it('openapi: the success response is the 201', async () => {
    const document = await openapiOf(tutorial001)
    expect(Object.keys(dig(document, 'paths', '/items/', 'post', 'responses') as object)).toEqual([
      '201',
      '422',
    ])
  })

  // The difference the set makes: see path-operation-configuration.ts.
  it('repeated tags: 422 unique_items (Pydantic would drop the repeat)', async () => {
    const res = await tutorial001.inject({
      method: 'POST',
      url: '/items/',
      payload: { name: 'Foo', price: 1, tags: ['a', 'a'] },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail[0]).toMatchObject({ type: 'unique_items', loc: ['body', 'tags'] })
  })
})

describe('path_operation_configuration tutorial002b', () => {
  it.each([
    ['/items/', ['Portal gun', 'Plumbus']],
    ['/users/', ['Rick', 'Morty']],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial002b.inject(url)
    expect([res.statusCode, res.json()]).toEqual([200, expected])
  })

  it('openapi: the tags', async () => {
    const document = await openapiOf(tutorial002b)
    expect(dig(document, 'paths', '/items/', 'get', 'tags')).toEqual(['items'])
    expect(dig(document, 'paths', '/users/', 'get', 'tags')).toEqual(['users'])
  })
})

describe('path_operation_configuration tutorial005', () => {
  it('POST /items/: the defaults filled in', async () => {
    const res = await tutorial005.inject({
      method: 'POST',
      url: '/items/',
      payload: { name: 'Foo', price: 42 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Foo', price: 42, description: null, tax: null, tags: [] })
  })

  it('openapi: summary, description and the response description', async () => {
    const document = await openapiOf(tutorial005)
    expect(dig(document, 'paths', '/items/', 'post')).toMatchObject({
      summary: 'Create an item',
      description:
        "Create an item with all the information:\n\n- **name**: each item must have a name\n- **description**: a long description\n- **price**: required\n- **tax**: if the item doesn't have tax, you can omit this\n- **tags**: a set of unique tag strings for this item",
      responses: { 200: { description: 'The created item' } },
    })
  })
})

describe('path_operation_configuration tutorial006', () => {
  it.each([
    ['/items/', [{ name: 'Foo', price: 42 }]],
    ['/users/', [{ username: 'johndoe' }]],
    ['/elements/', [{ item_id: 'Foo' }]],
  ])('GET %s', async (url, expected) => {
    const res = await tutorial006.inject(url)
    expect([res.statusCode, res.json()]).toEqual([200, expected])
  })

  it('openapi: tags and deprecated', async () => {
    const document = await openapiOf(tutorial006)
    expect(dig(document, 'paths', '/elements/', 'get')).toMatchObject({ tags: ['items'], deprecated: true })
    expect(dig(document, 'paths', '/items/', 'get', 'deprecated')).toBeUndefined()
  })
})

describe('response_status_code tutorial001', () => {
  it('POST /items/?name=Test Item: 201', async () => {
    const res = await statusTutorial001.inject({ method: 'POST', url: '/items/?name=Test%20Item' })
    expect([res.statusCode, res.json()]).toEqual([201, { name: 'Test Item' }])
  })

  it('openapi: 201 Successful Response', async () => {
    const document = await openapiOf(statusTutorial001)
    expect(dig(document, 'paths', '/items/', 'post', 'responses', '201', 'description')).toBe(
      'Successful Response',
    )
  })
})
