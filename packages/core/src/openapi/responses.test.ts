import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const Item = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'Item' })
const NotFound = t.Object({ detail: t.String() }, { $id: 'NotFound', description: 'No such item' })
const json = (schema: object) => ({ 'application/json': { schema } })
const VALIDATION_ERROR = {
  description: 'Validation Error',
  content: json({ $ref: '#/components/schemas/HTTPValidationError' }),
}

describe('responses', () => {
  it('documents the success status with its schema, described "Successful Response"', async () => {
    const app = createApp().get('/items', { response: t.Array(Item) }, () => [])
    const doc = await documentOf(app)
    expect(doc.paths['/items']?.get).toEqual({
      summary: 'Get Items',
      operationId: 'get_items',
      responses: {
        200: {
          description: 'Successful Response',
          content: json({ type: 'array', items: { $ref: '#/components/schemas/Item' } }),
        },
      },
    })
    await expectValid(doc)
  })

  it('documents a success status without a schema as any JSON value, as FastAPI does', async () => {
    const app = createApp().post('/ping', { status: 202, responseDescription: 'Queued' }, () => null)
    expect((await documentOf(app)).paths['/ping']?.post?.responses).toEqual({
      202: { description: 'Queued', content: json({}) },
    })
  })

  it('gives a bodiless success status (204) only a description', async () => {
    const app = createApp().delete('/items/{id}', { status: 204 }, () => undefined)
    const doc = await documentOf(app)
    expect(doc.paths['/items/{id}']?.delete?.responses).toEqual({
      204: { description: 'Successful Response' },
      422: VALIDATION_ERROR,
    })
    await expectValid(doc)
  })

  it('describes other statuses by their schema description, else by the reason phrase', async () => {
    const app = createApp().get(
      '/items/{id}',
      {
        path: { id: t.Integer() },
        status: 201,
        response: {
          201: Item,
          404: NotFound,
          409: t.Object({ detail: t.String() }),
          410: t.Object({ detail: t.String() }, { description: 'Gone for good' }),
        },
      },
      ({ path }) => ({ id: path.id, name: 'a' }),
    )
    const doc = await documentOf(app)
    expect(doc.paths['/items/{id}']?.get?.responses).toEqual({
      201: { description: 'Successful Response', content: json({ $ref: '#/components/schemas/Item' }) },
      404: { description: 'No such item', content: json({ $ref: '#/components/schemas/NotFound' }) },
      409: {
        description: 'Conflict',
        content: json({ type: 'object', properties: { detail: { type: 'string' } }, required: ['detail'] }),
      },
      410: {
        description: 'Gone for good',
        content: json({
          type: 'object',
          properties: { detail: { type: 'string' } },
          required: ['detail'],
          description: 'Gone for good',
        }),
      },
      422: VALIDATION_ERROR,
    })
    await expectValid(doc)
  })

  it('adds statuses documented with `responses` (numbers, ranges, default) and their descriptions', async () => {
    const Problem = t.Object({ title: t.String() }, { $id: 'Problem' })
    const app = createApp().get(
      '/items/{id}',
      {
        path: { id: t.Integer() },
        response: { 200: Item, 404: NotFound },
        responseDescription: 'The item',
        responses: {
          404: { description: 'Item not found' },
          304: { description: 'Not changed', schema: Problem },
          '5xx': { schema: Problem },
          418: {},
          DEFAULT: { description: 'Anything else', schema: Problem },
        },
      },
      ({ path }) => ({ id: path.id, name: 'a' }),
    )
    const doc = await documentOf(app)
    expect(doc.paths['/items/{id}']?.get?.responses).toEqual({
      200: { description: 'The item', content: json({ $ref: '#/components/schemas/Item' }) },
      304: { description: 'Not changed' },
      404: { description: 'Item not found', content: json({ $ref: '#/components/schemas/NotFound' }) },
      // An error status documented without a schema answers Fastbox's `{"detail": ...}`.
      418: { description: "I'm a Teapot", content: json({ $ref: '#/components/schemas/HTTPError' }) },
      '5XX': { description: 'Server Error', content: json({ $ref: '#/components/schemas/Problem' }) },
      default: { description: 'Anything else', content: json({ $ref: '#/components/schemas/Problem' }) },
    })
    // A documented-only schema with a $id is a component like any other.
    expect(doc.components?.schemas?.Problem).toEqual({
      type: 'object',
      properties: { title: { type: 'string' } },
      required: ['title'],
    })
    await expectValid(doc)
  })

  it('lets a documented description of the success status win over responseDescription', async () => {
    const app = createApp().get(
      '/a',
      { responseDescription: 'Ignored', responses: { 200: { description: 'Used' } } },
      () => null,
    )
    expect((await documentOf(app)).paths['/a']?.get?.responses['200']?.description).toBe('Used')
  })

  it('rejects a documented status that is no status', async () => {
    const app = createApp().get('/a', { responses: { '6XX': { description: 'Odd' } } }, () => null)
    await expect(documentOf(app)).rejects.toThrow(/GET \/a documents a response for "6XX"/)
  })
})

describe('the default 422 response', () => {
  const errorComponents = {
    HTTPValidationError: {
      title: 'HTTPValidationError',
      type: 'object',
      properties: {
        detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } },
      },
      required: ['detail'],
    },
    ValidationError: {
      title: 'ValidationError',
      type: 'object',
      properties: {
        loc: {
          title: 'Location',
          type: 'array',
          items: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
        },
        msg: { title: 'Message', type: 'string' },
        type: { title: 'Error Type', type: 'string' },
        input: { title: 'Input' },
        ctx: { title: 'Context', type: 'object', additionalProperties: true },
      },
      required: ['loc', 'msg', 'type'],
    },
  }

  it('is on every operation with parameters or a body, and only there', async () => {
    const app = createApp()
      .get('/plain', () => null)
      .get('/path/{id}', () => null)
      .get('/query', { query: { q: t.String() } }, () => null)
      .get('/header', { headers: { x_token: t.String() } }, () => null)
      .get('/cookie', { cookies: { session: t.String() } }, () => null)
      .post('/body', { body: t.Object({ a: t.String() }) }, () => null)
      .post('/optional-body', { body: t.Optional(t.Object({ a: t.String() })) }, () => null)
    const doc = await documentOf(app)
    const with422 = Object.entries(doc.paths)
      .filter(([, item]) => Object.values(item).some((operation) => '422' in operation.responses))
      .map(([path]) => path)
    expect(with422).toEqual(['/path/{id}', '/query', '/header', '/cookie', '/body', '/optional-body'])
    expect(doc.paths['/query']?.get?.responses['422']).toEqual(VALIDATION_ERROR)
    expect(doc.components?.schemas).toEqual(errorComponents)
    await expectValid(doc)
  })

  it('adds no components when no operation reads input', async () => {
    const doc = await documentOf(createApp().get('/plain', () => null))
    expect(doc).not.toHaveProperty('components')
  })

  it('is not added when 422, 4XX or default is declared', async () => {
    const Custom = t.Object({ errors: t.Array(t.String()) }, { $id: 'CustomErrors' })
    const app = createApp()
      .post('/a', { body: t.String(), response: { 200: t.String(), 422: Custom } }, () => 'a')
      .post('/b', { body: t.String(), responses: { '4XX': { description: 'Client error' } } }, () => null)
      .post('/c', { body: t.String(), responses: { default: { description: 'Error' } } }, () => null)
      .post('/d', { body: t.String(), responses: { 422: { description: 'Bad input' } } }, () => null)
    const doc = await documentOf(app)
    expect(doc.paths['/a']?.post?.responses['422']).toEqual({
      description: 'Unprocessable Entity',
      content: json({ $ref: '#/components/schemas/CustomErrors' }),
    })
    expect(doc.paths['/b']?.post?.responses).not.toHaveProperty('422')
    expect(doc.paths['/c']?.post?.responses).not.toHaveProperty('422')
    expect(doc.paths['/d']?.post?.responses['422']).toEqual({
      description: 'Bad input',
      content: json({ $ref: '#/components/schemas/HTTPError' }),
    })
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['CustomErrors', 'HTTPError'])
    await expectValid(doc)
  })

  it('refuses an app schema named like a built-in component but different from it', async () => {
    const ValidationError = t.Object({ field: t.String() }, { $id: 'ValidationError' })
    const app = createApp().post('/a', { body: ValidationError }, () => null)
    await expect(documentOf(app)).rejects.toThrow(/Two different schemas are documented as "ValidationError"/)
  })
})
