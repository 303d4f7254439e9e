import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../../../apps/store/src/app.ts'
import { createApp, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const Item = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'Item' })

/** Paths of every `null`, `undefined` or symbol key in `value`: the document must have none. */
function leftovers(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [path]
  if (typeof value !== 'object') return []
  const symbols = Object.getOwnPropertySymbols(value).map((symbol) => `${path}[${String(symbol)}]`)
  return [...symbols, ...Object.entries(value).flatMap(([key, item]) => leftovers(item, `${path}.${key}`))]
}

describe('the document', () => {
  it('is a valid 3.1.0 document with default info and empty paths for an empty app', async () => {
    const doc = await documentOf(createApp())
    expect(doc).toEqual({ openapi: '3.1.0', info: { title: 'Fastbox', version: '0.1.0' }, paths: {} })
    await expectValid(doc)
  })

  it('takes info, servers and tags (in order) from the app options', async () => {
    const app = createApp({
      title: 'Shop',
      version: '2.1.0',
      summary: 'Things to buy',
      description: 'The **shop** API.',
      termsOfService: 'https://example.com/terms',
      contact: { name: 'Shop team', url: 'https://example.com', email: 'shop@example.com' },
      license: { name: 'MIT', identifier: 'MIT' },
      servers: [{ url: 'https://api.example.com', description: 'Production' }, { url: '/' }],
      tags: [
        { name: 'users', description: 'People' },
        { name: 'items', externalDocs: { url: 'https://example.com/items' } },
      ],
      openapiUrl: '/spec.json',
    })
    const doc = await documentOf(app)
    expect(doc).toEqual({
      openapi: '3.1.0',
      info: {
        title: 'Shop',
        summary: 'Things to buy',
        description: 'The **shop** API.',
        termsOfService: 'https://example.com/terms',
        contact: { name: 'Shop team', url: 'https://example.com', email: 'shop@example.com' },
        license: { name: 'MIT', identifier: 'MIT' },
        version: '2.1.0',
      },
      servers: [{ url: 'https://api.example.com', description: 'Production' }, { url: '/' }],
      paths: {},
      tags: [
        { name: 'users', description: 'People' },
        { name: 'items', externalDocs: { url: 'https://example.com/items' } },
      ],
    })
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'servers', 'paths', 'tags'])
    await expectValid(doc)
  })

  it('leaves out empty lists of servers and tags', async () => {
    const doc = await documentOf(createApp({ servers: [], tags: [] }))
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'paths'])
  })

  it('takes @fastify/swagger options: more document keys and info, user transforms after its own', async () => {
    const app = createApp({
      title: 'Shop',
      swagger: {
        openapi: {
          info: { 'x-logo': { url: '/logo.png' } } as never,
          externalDocs: { url: 'https://example.com' },
        },
        hiddenTag: 'internal',
        transform: ({ schema, url }) => ({ schema: { ...schema, 'x-seen': true } as never, url }),
        transformObject: ({ openapiObject }) => ({ ...openapiObject, 'x-finished': true }),
      },
    })
      .get('/items', { tags: ['items'] }, () => [])
      .get('/secret', { tags: ['internal'] }, () => null)
    const doc = await documentOf(app)
    expect(doc.info).toEqual({ title: 'Shop', version: '0.1.0', 'x-logo': { url: '/logo.png' } })
    expect(doc.externalDocs).toEqual({ url: 'https://example.com' })
    expect(Object.keys(doc.paths)).toEqual(['/items'])
    expect(doc.paths['/items']?.get?.['x-seen']).toBe(true)
    expect(doc['x-finished']).toBe(true)
    await expectValid(doc)
  })

  it('never writes null or undefined, even when the options hold them', async () => {
    const options = JSON.parse(
      '{"title":"T","description":null,"contact":{"name":"N","email":null},"servers":[{"url":"/","description":null}]}',
    )
    const app = createApp(options).get(
      '/items',
      { query: { q: t.Union([t.String(), t.Null()], { default: null }) } },
      () => [],
    )
    const doc = await documentOf(app)
    expect(leftovers(doc)).toEqual([])
    expect(doc.info).toEqual({ title: 'T', contact: { name: 'N' }, version: '0.1.0' })
    expect(doc.paths['/items']?.get?.parameters?.[0]).toEqual({
      name: 'q',
      in: 'query',
      required: false,
      schema: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    })
    await expectValid(doc)
  })

  it('groups the methods of one path into one path item, in declaration order, in {param} syntax', async () => {
    const app = createApp()
      .get('/items/:item_id', () => null)
      .get('/items', () => [])
      .delete('/items/{item_id}', { status: 204 }, () => undefined)
      .route('/things', { method: ['PUT', 'patch'] }, () => null)
    const doc = await documentOf(app)
    expect(Object.keys(doc.paths)).toEqual(['/items/{item_id}', '/items', '/things'])
    expect(Object.keys(doc.paths['/items/{item_id}'] ?? {})).toEqual(['get', 'delete'])
    expect(Object.keys(doc.paths['/things'] ?? {})).toEqual(['put', 'patch'])
    expect(doc.paths['/things']?.patch?.operationId).toBe('patch_things')
    await expectValid(doc)
  })

  it('documents a {name:path} parameter under its name', async () => {
    const app = createApp().get('/files/{file_path:path}', ({ path }) => path.file_path)
    const doc = await documentOf(app)
    expect(doc.paths['/files/{file_path}']?.get?.parameters).toEqual([
      { name: 'file_path', in: 'path', required: true, schema: { type: 'string' } },
    ])
    await expectValid(doc)
  })

  it('leaves out routes with includeInSchema: false, and their schemas stay components', async () => {
    const app = createApp()
      .get('/hidden', { includeInSchema: false, response: Item, operationId: 'shown' }, () => ({
        id: 1,
        name: 'a',
      }))
      .get('/shown', { operationId: 'shown' }, () => null)
    const doc = await documentOf(app)
    expect(Object.keys(doc.paths)).toEqual(['/shown'])
    expect(doc.components?.schemas).toEqual({
      Item: {
        type: 'object',
        properties: { id: { type: 'integer' }, name: { type: 'string' } },
        required: ['id', 'name'],
      },
    })
    await expectValid(doc)
  })

  it('is deterministic: two builds give the same JSON, byte for byte', async () => {
    const [one, two] = [storeApp(), storeApp()]
    const first = JSON.stringify(await documentOf(one))
    const second = JSON.stringify(await documentOf(two))
    expect(second).toBe(first)
    expect(JSON.stringify(await documentOf(one))).toBe(first)
    await Promise.all([one.close(), two.close()])
  }, 120_000)

  it('is a fresh object each time: changing one document does not change the next', async () => {
    const app = createApp().get('/items', { response: t.Array(Item) }, () => [])
    const doc = await documentOf(app)
    const item = doc.components?.schemas?.Item as { properties: Record<string, unknown> }
    item.properties.extra = { type: 'string' }
    expect((await documentOf(app)).components?.schemas?.Item).not.toHaveProperty('properties.extra')
  })

  it('holds plain JSON only: no TypeBox symbols, nothing JSON.stringify would drop', async () => {
    const app = storeApp()
    const doc = await documentOf(app)
    await app.close()
    expect(leftovers(doc)).toEqual([])
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
    expect(JSON.stringify(doc)).not.toMatch(/TypeBox|Kind|x-fastbox|def-\d/)
  }, 120_000)
})

describe('the independent validator', () => {
  it('does reject a broken document (so the checks above are not vacuous)', async () => {
    const doc = await documentOf(createApp().get('/items/{id}', () => null))
    const broken = structuredClone(doc) as unknown as {
      paths: Record<string, { get: { parameters: object[] } }>
    }
    broken.paths['/items/{id}']?.get.parameters.push({ name: 'x' })
    const result = await new Validator().validate(broken)
    expect(result.valid).toBe(false)
  })
})

describe('the demo store', () => {
  it('has a valid document with every shared schema as a component', async () => {
    const app = storeApp()
    const doc = await documentOf(app)
    await app.close()
    await expectValid(doc)
    expect(doc.info).toMatchObject({ title: 'Fastbox Store', version: '2.0.0' })
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual([
      'AuditEntry',
      'AuditLog',
      'ErrorDetail',
      'HTTPError',
      'HTTPValidationError',
      'InsufficientStock',
      'Item',
      'ItemCreate',
      'ItemUpdate',
      'Notification',
      'Order',
      'OrderCreate',
      'Token',
      'User',
      'UserCreate',
      'ValidationError',
    ])
    expect(Object.keys(doc.components?.securitySchemes ?? {})).toEqual(['OAuth2PasswordBearer'])
    expect(Object.keys(doc.paths)).toEqual([
      '/users/',
      '/users/me',
      '/token',
      '/items/',
      '/items/{item_id}',
      '/items/{item_id}/image',
      '/orders/',
      '/admin/audit',
    ])
    const itemId = {
      name: 'item_id',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1, maximum: 2147483647 },
    }
    const error = (description: string, name: string) => ({
      description,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
    })
    expect(doc.paths['/items/{item_id}']?.delete).toEqual({
      tags: ['items'],
      summary: 'Delete an item',
      description: 'Admins only.',
      operationId: 'delete_items_item_id',
      security: [{ OAuth2PasswordBearer: [] }],
      parameters: [itemId],
      responses: {
        204: { description: 'Successful Response' },
        401: {
          description: 'Not authenticated',
          headers: {
            'WWW-Authenticate': {
              schema: { type: 'string' },
              description: 'The authentication scheme to use: `Bearer`.',
            },
          },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } },
        },
        403: error('The signed-in user is not an admin', 'ErrorDetail'),
        404: error('Not Found', 'ErrorDetail'),
        422: error('Validation Error', 'HTTPValidationError'),
      },
    })
  }, 120_000)
})

/** The demo store on an in-memory database (its own: test files run in parallel). */
function storeApp() {
  return buildApp({ dataDir: 'memory://' })
}
