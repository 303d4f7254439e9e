import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const ItemCreate = t.Object(
  { name: t.String(), price: t.Number({ exclusiveMinimum: 0 }) },
  { $id: 'ItemCreate' },
)
const Item = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'Item' })

describe('operations', () => {
  it('matches FastAPI’s shape for a route with path and query parameters', async () => {
    const app = createApp().get(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer() },
        query: { q: t.Optional(t.String()), skip: t.Integer({ default: 0 }) },
        response: Item,
      },
      ({ path }) => ({ id: path.item_id, name: 'a' }),
    )
    const doc = await documentOf(app)
    expect(doc.paths['/items/{item_id}']?.get).toEqual({
      summary: 'Get Items Item Id',
      operationId: 'get_items_item_id',
      parameters: [
        { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } },
        { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
      ],
      responses: {
        200: {
          description: 'Successful Response',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
        422: {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    await expectValid(doc)
  })

  it('carries tags, summary, description, operationId and deprecated, in FastAPI’s key order', async () => {
    const app = createApp().post(
      '/items',
      {
        tags: ['items', 'write', 'items'],
        summary: 'Create an item',
        description: 'Creates an item.\n\nWith **markdown**.',
        operationId: 'createItem',
        deprecated: true,
        body: ItemCreate,
        status: 201,
        response: Item,
      },
      ({ body }) => ({ id: 1, name: body.name }),
    )
    const doc = await documentOf(app)
    const operation = doc.paths['/items']?.post
    expect(operation).toEqual({
      tags: ['items', 'write'],
      summary: 'Create an item',
      description: 'Creates an item.\n\nWith **markdown**.',
      operationId: 'createItem',
      deprecated: true,
      requestBody: {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } },
        required: true,
      },
      responses: {
        201: {
          description: 'Successful Response',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
        422: {
          description: 'Validation Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
        },
      },
    })
    expect(Object.keys(operation ?? {})).toEqual([
      'tags',
      'summary',
      'description',
      'operationId',
      'deprecated',
      'requestBody',
      'responses',
    ])
    await expectValid(doc)
  })

  it('derives a summary when none is given: from a named handler, else from the operationId', async () => {
    function readItems() {
      return []
    }
    const app = createApp()
      .get('/items', () => [])
      .get('/things', readItems)
      .get('/others', { operationId: 'listOtherThings' }, () => [])
    const doc = await documentOf(app)
    expect(doc.paths['/things']?.get?.summary).toBe('Read Items')
    expect(doc.paths['/others']?.get?.summary).toBe('List Other Things')
    expect(doc.paths['/items']?.get).toEqual({
      summary: 'Get Items',
      operationId: 'get_items',
      responses: {
        200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
      },
    })
  })

  it('marks an optional body as not required, and documents inline bodies', async () => {
    const app = createApp()
      .put('/a', { body: t.Optional(t.Object({ note: t.String({ maxLength: 10 }) })) }, () => null)
      .post('/b', { body: t.Array(t.Integer(), { minItems: 1 }) }, () => null)
    const doc = await documentOf(app)
    expect(doc.paths['/a']?.put?.requestBody).toEqual({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { note: { type: 'string', maxLength: 10 } },
            required: ['note'],
          },
        },
      },
    })
    expect(doc.paths['/b']?.post?.requestBody).toEqual({
      content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' }, minItems: 1 } } },
      required: true,
    })
    await expectValid(doc)
  })
})
