import { describe, expect, it } from 'vitest'
import { apiKeyHeader, createApp, dependency, httpBasic, httpBearer, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: object) => ({ 'application/json': { schema } })

describe('fields with a default in requests', () => {
  it('are not required in a request-only schema, which keeps its name', async () => {
    const ItemCreate = t.Object(
      { name: t.String(), stock: t.Integer({ default: 0 }), tags: t.Array(t.String(), { default: [] }) },
      { $id: 'ItemCreate' },
    )
    const app = createApp().post('/items', { body: ItemCreate }, () => null)
    const doc = await documentOf(app)
    expect(doc.components?.schemas?.ItemCreate).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        stock: { type: 'integer', default: 0 },
        tags: { type: 'array', items: { type: 'string' }, default: [] },
      },
      required: ['name'],
    })
    await expectValid(doc)
  })

  it('stay required in a response-only schema (the answer always has them)', async () => {
    const Item = t.Object({ id: t.Integer(), stock: t.Integer({ default: 0 }) }, { $id: 'Item' })
    const doc = await documentOf(createApp().get('/items', { response: t.Array(Item) }, () => []))
    expect(doc.components?.schemas?.Item).toMatchObject({ required: ['id', 'stock'] })
  })

  it('are not required in an inline request body, nested objects included', async () => {
    const app = createApp().post(
      '/orders',
      {
        body: t.Object({
          quantity: t.Integer({ default: 1 }),
          gift: t.Object({ wrap: t.Boolean({ default: false }), note: t.String() }),
        }),
      },
      () => null,
    )
    const schema = (await documentOf(app)).paths['/orders']?.post?.requestBody?.content['application/json']
      ?.schema
    expect(schema).toEqual({
      type: 'object',
      properties: {
        quantity: { type: 'integer', default: 1 },
        gift: {
          type: 'object',
          properties: { wrap: { type: 'boolean', default: false }, note: { type: 'string' } },
          required: ['note'],
        },
      },
      required: ['gift'],
    })
  })

  it('split a schema read both ways into <Name>-Input and <Name>-Output, and what refers to it', async () => {
    const Settings = t.Object({ theme: t.String({ default: 'light' }) }, { $id: 'Settings' })
    const Profile = t.Object({ name: t.String(), settings: Settings }, { $id: 'Profile' })
    const Tag = t.Object({ label: t.String() }, { $id: 'Tag' })
    const app = createApp()
      .put('/profile', { body: Profile, response: Profile }, ({ body }) => body)
      .put('/tags', { body: Tag, response: Tag }, ({ body }) => body)
    const doc = await documentOf(app)
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual([
      'HTTPValidationError',
      'Profile-Input',
      'Profile-Output',
      'Settings-Input',
      'Settings-Output',
      'Tag',
      'ValidationError',
    ])
    expect(doc.components?.schemas?.['Settings-Input']).toEqual({
      type: 'object',
      properties: { theme: { type: 'string', default: 'light' } },
    })
    expect(doc.components?.schemas?.['Settings-Output']).toEqual({
      type: 'object',
      properties: { theme: { type: 'string', default: 'light' } },
      required: ['theme'],
    })
    expect(doc.components?.schemas?.['Profile-Input']).toMatchObject({
      properties: { settings: ref('Settings-Input') },
      required: ['name', 'settings'],
    })
    expect(doc.components?.schemas?.['Profile-Output']).toMatchObject({
      properties: { settings: ref('Settings-Output') },
    })
    const operation = doc.paths['/profile']?.put
    expect(operation?.requestBody?.content).toEqual(json(ref('Profile-Input')))
    expect(operation?.responses['200']?.content).toEqual(json(ref('Profile-Output')))
    // The same views on both sides: one component.
    expect(doc.paths['/tags']?.put?.requestBody?.content).toEqual(json(ref('Tag')))
    await expectValid(doc)
  })
})

describe('literals', () => {
  it('are enums: a union of literals, one with null beside it, a TypeScript enum, a lone literal', async () => {
    enum Size {
      Small = 's',
      Large = 'l',
    }
    const app = createApp().get(
      '/shirts',
      {
        query: {
          color: t.Union([t.Literal('red'), t.Literal('blue')]),
          fit: t.Optional(t.Union([t.Literal('slim'), t.Literal('loose'), t.Null()])),
          size: t.Optional(t.Enum(Size)),
          kind: t.Optional(t.Literal('shirt')),
          count: t.Optional(t.Union([t.Literal(1), t.Literal(2)])),
        },
      },
      () => [],
    )
    const doc = await documentOf(app)
    const schemas = Object.fromEntries(
      (doc.paths['/shirts']?.get?.parameters ?? []).map((parameter) => [parameter.name, parameter.schema]),
    )
    expect(schemas).toEqual({
      color: { type: 'string', enum: ['red', 'blue'] },
      fit: { anyOf: [{ type: 'string', enum: ['slim', 'loose'] }, { type: 'null' }] },
      size: { type: 'string', enum: ['s', 'l'] },
      kind: { type: 'string', enum: ['shirt'] },
      count: { type: 'number', enum: [1, 2] },
    })
    await expectValid(doc)
  })
})

describe('what a security dependency answers', () => {
  it('is a documented 401 with the {detail} body and the WWW-Authenticate challenge', async () => {
    const app = createApp()
      .get('/bearer', { deps: { auth: httpBearer() } }, () => null)
      .get('/both', { deps: { auth: httpBasic(), key: apiKeyHeader({ name: 'X-Key' }) } }, () => null)
      .get(
        '/described',
        { deps: { auth: httpBearer() }, responses: { 401: { description: 'Log in first' } } },
        () => null,
      )
      .get('/open', () => null)
    const doc = await documentOf(app)
    expect(doc.paths['/bearer']?.get?.responses['401']).toEqual({
      description: 'Not authenticated',
      headers: {
        'WWW-Authenticate': {
          description: 'The authentication scheme to use: `Bearer`.',
          schema: { type: 'string' },
        },
      },
      content: json(ref('HTTPError')),
    })
    expect(doc.paths['/both']?.get?.responses['401']?.headers?.['WWW-Authenticate']?.description).toBe(
      'The authentication scheme to use: `Basic` or `APIKey`.',
    )
    expect(doc.paths['/described']?.get?.responses['401']?.description).toBe('Log in first')
    expect(doc.paths['/open']?.get?.responses).not.toHaveProperty('401')
    await expectValid(doc)
  })
})

describe('the route model read at document time', () => {
  it('follows dependency overrides made before the app starts', async () => {
    const real = dependency({ query: { token: t.String() } }, ({ query }) => query.token)
    const fake = dependency({ headers: { x_fake: t.String() } }, () => 'fake')
    const app = createApp().get('/me', { deps: { token: real } }, ({ deps }) => deps.token)
    app.dependencyOverrides.set(real, fake)
    const parameters = (await documentOf(app)).paths['/me']?.get?.parameters
    expect(parameters).toEqual([{ name: 'x-fake', in: 'header', required: true, schema: { type: 'string' } }])
  })
})

describe('HEAD', () => {
  it('documents HEAD routes the app declares, never the docs pages’ own', async () => {
    const app = createApp().head('/items', () => undefined)
    app.fastify.head('/plain', async () => null)
    const doc = await documentOf(app)
    expect(Object.keys(doc.paths)).toEqual(['/items', '/plain'])
    expect(doc.paths['/items']?.head?.operationId).toBe('head_items')
    expect(doc.paths['/plain']?.head?.operationId).toBe('head_plain')
  })
})
