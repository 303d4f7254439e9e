// FastAPI's tests/test_tutorial/test_path_params/test_tutorial001.py ... test_tutorial005.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  tutorial001,
  tutorial002,
  tutorial003,
  tutorial003b,
  tutorial004,
  tutorial005,
} from './path-params.ts'
import { anyResponse, openapiOf, validationErrorResponse, validationSchemas } from './support.ts'

// Fastbox differs from FastAPI's documents in two ways throughout (README, "FastAPI's tutorials, ported"):
// operationIds are the method and the path's words (`get_items_item_id`), not the function's name followed by
// the path and method (`read_item_items__item_id__get`); and schemas carry no generated `title` ("Item Id").
const info = { title: 'Fastbox', version: '0.1.0' }

describe('path_params tutorial001', () => {
  it.each([
    ['1', { item_id: '1' }],
    ['alice', { item_id: 'alice' }],
  ])('GET /items/%s', async (itemId, expected) => {
    const res = await tutorial001.inject(`/items/${itemId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  it('openapi', async () => {
    expect(await openapiOf(tutorial001)).toEqual({
      openapi: '3.1.0',
      info,
      paths: {
        '/items/{item_id}': {
          get: {
            summary: 'Read Item',
            operationId: 'get_items_item_id',
            // FastAPI: `{"title": "Item Id"}` (any value); a Fastbox path parameter with no schema is a string.
            parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { 200: anyResponse, 422: validationErrorResponse },
          },
        },
      },
      components: { schemas: validationSchemas },
    })
  })
})

describe('path_params tutorial002', () => {
  it('GET /items/1', async () => {
    const res = await tutorial002.inject('/items/1')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ item_id: 1 })
  })

  it('GET /items/item1: 422', async () => {
    const res = await tutorial002.inject('/items/item1')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          input: 'item1',
          loc: ['path', 'item_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          type: 'int_parsing',
        },
      ],
    })
  })

  it('openapi', async () => {
    const document = await openapiOf(tutorial002)
    expect(document).toMatchObject({
      paths: {
        '/items/{item_id}': {
          get: {
            summary: 'Read Item',
            parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } }],
            responses: { 200: anyResponse, 422: validationErrorResponse },
          },
        },
      },
    })
  })
})

describe('path_params tutorial003', () => {
  it.each([
    ['me', { user_id: 'the current user' }],
    ['alice', { user_id: 'alice' }],
  ])('GET /users/%s', async (userId, expected) => {
    const res = await tutorial003.inject(`/users/${userId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(expected)
  })

  it('openapi', async () => {
    expect(await openapiOf(tutorial003)).toEqual({
      openapi: '3.1.0',
      info,
      paths: {
        '/users/me': {
          // No parameters: no 422, as in FastAPI.
          get: { summary: 'Read User Me', operationId: 'get_users_me', responses: { 200: anyResponse } },
        },
        '/users/{user_id}': {
          get: {
            summary: 'Read User',
            operationId: 'get_users_user_id',
            parameters: [{ name: 'user_id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { 200: anyResponse, 422: validationErrorResponse },
          },
        },
      },
      components: { schemas: validationSchemas },
    })
  })
})

describe('path_params tutorial003b', () => {
  // Deliberate difference: FastAPI serves the first of two routes with one path and method (and documents the
  // second); Fastify's router refuses the second when it is declared, so the mistake cannot go unnoticed.
  it('the second GET /users is refused when declared', () => {
    expect(() => tutorial003b()).toThrow(
      expect.objectContaining({ code: 'FST_ERR_DUPLICATED_ROUTE' }) as unknown as Error,
    )
  })
})

describe('path_params tutorial004', () => {
  it('GET /files/home/johndoe/myfile.txt', async () => {
    const res = await tutorial004.inject('/files/home/johndoe/myfile.txt')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ file_path: 'home/johndoe/myfile.txt' })
  })

  it('GET /files//home/johndoe/myfile.txt keeps the leading slash', async () => {
    const res = await tutorial004.inject('/files//home/johndoe/myfile.txt')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ file_path: '/home/johndoe/myfile.txt' })
  })

  it('openapi: documented as /files/{file_path}', async () => {
    const document = await openapiOf(tutorial004)
    expect(document.paths).toEqual({
      '/files/{file_path}': {
        get: {
          summary: 'Read File',
          operationId: 'get_files_file_path',
          parameters: [{ name: 'file_path', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: anyResponse, 422: validationErrorResponse },
        },
      },
    })
  })
})

describe('path_params tutorial005', () => {
  it.each([
    ['alexnet', 'Deep Learning FTW!'],
    ['lenet', 'LeCNN all the images'],
    ['resnet', 'Have some residuals'],
  ])('GET /models/%s', async (model, message) => {
    const res = await tutorial005.inject(`/models/${model}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ model_name: model, message })
  })

  it('GET /models/foo: 422 enum', async () => {
    const res = await tutorial005.inject('/models/foo')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'enum',
          loc: ['path', 'model_name'],
          msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
          input: 'foo',
          ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
        },
      ],
    })
  })

  it('openapi: the enum is the ModelName component', async () => {
    const document = await openapiOf(tutorial005)
    expect(document).toMatchObject({
      paths: {
        '/models/{model_name}': {
          get: {
            summary: 'Get Model',
            operationId: 'get_models_model_name',
            parameters: [
              {
                name: 'model_name',
                in: 'path',
                required: true,
                schema: { $ref: '#/components/schemas/ModelName' },
              },
            ],
          },
        },
      },
      // FastAPI adds `"title": "ModelName"`; the schema is otherwise the same.
      components: {
        schemas: {
          ...validationSchemas,
          ModelName: { type: 'string', enum: ['alexnet', 'resnet', 'lenet'] },
        },
      },
    })
  })
})
