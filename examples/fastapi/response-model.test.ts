// FastAPI's tests/test_tutorial/test_response_model/test_tutorial003.py ... test_tutorial006.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { tutorial003, tutorial004, tutorial005 } from './response-model.ts'
import { dig, openapiOf } from './support.ts'

describe('response_model tutorial003', () => {
  it('the password is not sent back', async () => {
    const res = await tutorial003.inject({
      method: 'POST',
      url: '/user/',
      payload: { username: 'foo', password: 'fighter', email: 'foo@example.com', full_name: 'Grave Dohl' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ username: 'foo', email: 'foo@example.com', full_name: 'Grave Dohl' })
  })

  it('openapi: UserIn for the request, UserOut for the response', async () => {
    const document = await openapiOf(tutorial003)
    expect(document).toMatchObject({
      paths: {
        '/user/': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/UserIn' } } },
            },
            responses: {
              200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/UserOut' } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          UserIn: { required: ['username', 'password', 'email'] },
          UserOut: {
            required: ['username', 'email'],
            properties: { email: { type: 'string', format: 'email' } },
          },
        },
      },
    })
  })
})

describe('response_model tutorial004', () => {
  it.each([
    ['/items/foo', { name: 'Foo', price: 50.2 }],
    ['/items/bar', { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 }],
    ['/items/baz', { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] }],
  ])('response_model_exclude_unset: GET %s', async (url, data) => {
    const res = await tutorial004.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(data)
  })

  // Not in FastAPI's tests; the answers Pydantic's `model_dump` gives for the same items.
  it.each([
    ['/all/foo', { name: 'Foo', description: null, price: 50.2, tax: 10.5, tags: [] }],
    ['/defaults/baz', { name: 'Baz', price: 50.2 }],
    ['/defaults/bar', { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 }],
    ['/none/foo', { name: 'Foo', price: 50.2, tax: 10.5, tags: [] }],
    ['/none/baz', { name: 'Baz', price: 50.2, tax: 10.5, tags: [] }],
  ])('no option, response_model_exclude_defaults, _none: GET %s', async (url, data) => {
    const res = await tutorial004.inject(url)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(data)
  })

  it('openapi: the response schema has the defaults', async () => {
    const document = await openapiOf(tutorial004)
    const schemas = (
      document.components as { schemas: Record<string, { required?: string[]; properties: object }> }
    ).schemas
    expect(schemas.Item?.properties).toMatchObject({
      tax: { type: 'number', default: 10.5 },
      tags: { type: 'array', items: { type: 'string' }, default: [] },
    })
  })
})

describe('response_model tutorial005 and tutorial006', () => {
  it('only name and description (response_model_include)', async () => {
    const res = await tutorial005.inject('/items/bar/name')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Bar', description: 'The Bar fighters' })
  })

  it('all but the tax (response_model_exclude)', async () => {
    const res = await tutorial005.inject('/items/bar/public')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ name: 'Bar', description: 'The Bar fighters', price: 62 })
  })

  // Deliberate difference: FastAPI documents the whole Item for both routes (include/exclude are not in the
  // document); Fastbox's response schemas are what is sent.
  it('openapi: each response schema lists only what is sent', async () => {
    const document = await openapiOf(tutorial005)
    const sent = (path: string) =>
      Object.keys(
        dig(
          document,
          'paths',
          path,
          'get',
          'responses',
          '200',
          'content',
          'application/json',
          'schema',
          'properties',
        ) as object,
      )
    expect(sent('/items/{item_id}/name')).toEqual(['name', 'description'])
    expect(sent('/items/{item_id}/public')).toEqual(['name', 'description', 'price'])
  })
})
