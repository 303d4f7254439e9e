import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const Sort = t.Union([t.Literal('asc'), t.Literal('desc')], { $id: 'Sort' })

describe('parameters', () => {
  it('documents path, query, header and cookie parameters with their wire names and schemas', async () => {
    const app = createApp().get(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer({ minimum: 1, description: 'The item' }) },
        query: {
          q: t.Optional(t.String({ minLength: 3, maxLength: 50 })),
          limit: t.Integer({ minimum: 1, maximum: 100, default: 10 }),
          tag: t.Array(t.String(), { maxItems: 5 }),
          sort: t.Optional(Sort),
          order: t.Union([t.Literal('name'), t.Literal('price')], { default: 'name' }),
          flags: t.Optional(t.Array(t.Boolean())),
        },
        headers: { x_token: t.String(), 'User-Agent': t.Optional(t.String()) },
        cookies: { session: t.String({ deprecated: true, description: 'Old-style session' }) },
      },
      () => null,
    )
    const doc = await documentOf(app)
    expect(doc.paths['/items/{item_id}']?.get?.parameters).toEqual([
      {
        name: 'item_id',
        in: 'path',
        required: true,
        schema: { type: 'integer', minimum: 1, description: 'The item' },
        description: 'The item',
      },
      { name: 'q', in: 'query', required: false, schema: { type: 'string', minLength: 3, maxLength: 50 } },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      },
      {
        name: 'tag',
        in: 'query',
        required: true,
        schema: { type: 'array', items: { type: 'string' }, maxItems: 5 },
      },
      { name: 'sort', in: 'query', required: false, schema: { $ref: '#/components/schemas/Sort' } },
      {
        name: 'order',
        in: 'query',
        required: false,
        // A union of literals is an enum: a named type in generated clients, a drop-down in Swagger UI.
        schema: { type: 'string', enum: ['name', 'price'], default: 'name' },
      },
      { name: 'flags', in: 'query', required: false, schema: { type: 'array', items: { type: 'boolean' } } },
      { name: 'x-token', in: 'header', required: true, schema: { type: 'string' } },
      { name: 'user-agent', in: 'header', required: false, schema: { type: 'string' } },
      {
        name: 'session',
        in: 'cookie',
        required: true,
        schema: { type: 'string', deprecated: true, description: 'Old-style session' },
        description: 'Old-style session',
        deprecated: true,
      },
    ])
    expect(doc.components?.schemas?.Sort).toEqual({ type: 'string', enum: ['asc', 'desc'] })
    await expectValid(doc)
  })

  it('accepts parts written as t.Object, and a path parameter without a schema is a string', async () => {
    const app = createApp().get(
      '/shops/{shop}/items/{item_id}',
      {
        path: t.Object({ item_id: t.Integer() }),
        query: t.Object({ page: t.Optional(t.Integer({ default: 1 })) }),
      },
      () => null,
    )
    const doc = await documentOf(app)
    expect(doc.paths['/shops/{shop}/items/{item_id}']?.get?.parameters).toEqual([
      { name: 'shop', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'page', in: 'query', required: false, schema: { type: 'integer', default: 1 } },
    ])
    await expectValid(doc)
  })

  it('documents enums and formats as they are validated', async () => {
    const app = createApp().get(
      '/events',
      {
        query: {
          kind: t.Unsafe<string>({ type: 'string', enum: ['a', 'b'] }),
          since: t.String({ format: 'date-time' }),
          ratio: t.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
        },
      },
      () => [],
    )
    const doc = await documentOf(app)
    expect(doc.paths['/events']?.get?.parameters).toEqual([
      { name: 'kind', in: 'query', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
      { name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
      {
        name: 'ratio',
        in: 'query',
        required: true,
        schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      },
    ])
    await expectValid(doc)
  })

  it('leaves out `parameters` when the route reads none', async () => {
    const app = createApp().get('/health', () => 'ok')
    expect((await documentOf(app)).paths['/health']?.get).not.toHaveProperty('parameters')
  })
})
