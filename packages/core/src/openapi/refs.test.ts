import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'
import { documentOf, expectValid, refsIn } from './test-support.ts'

const Address = t.Object({ street: t.String(), city: t.String() }, { $id: 'Address' })
const Tag = t.Object({ name: t.String() }, { $id: 'Tag' })
const User = t.Object(
  {
    id: t.Integer(),
    address: Address,
    previous: t.Array(Address),
    tags: t.Record(t.String(), Tag),
    backup: t.Optional(t.Union([Address, t.Null()])),
  },
  { $id: 'User' },
)
const UserCreate = t.Object({ name: t.String(), address: Address }, { $id: 'UserCreate' })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

describe('shared schemas', () => {
  it('are referenced wherever they appear: bodies, responses, nested properties, arrays, unions, maps', async () => {
    const app = createApp()
      .post('/users', { body: UserCreate, status: 201, response: User }, () => ({
        id: 1,
        address: { street: 's', city: 'c' },
        previous: [],
        tags: {},
      }))
      .get('/users', { response: t.Array(User) }, () => [])
      .put('/addresses', { body: t.Array(Address), response: t.Object({ first: Address }) }, () => ({
        first: { street: 's', city: 'c' },
      }))
    const doc = await documentOf(app)
    expect(doc.paths['/users']?.post?.requestBody?.content['application/json']?.schema).toEqual(
      ref('UserCreate'),
    )
    expect(doc.paths['/users']?.post?.responses['201']?.content?.['application/json']?.schema).toEqual(
      ref('User'),
    )
    expect(doc.paths['/users']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: ref('User'),
    })
    expect(doc.paths['/addresses']?.put?.requestBody?.content['application/json']?.schema).toEqual({
      type: 'array',
      items: ref('Address'),
    })
    expect(doc.paths['/addresses']?.put?.responses['200']?.content?.['application/json']?.schema).toEqual({
      type: 'object',
      properties: { first: ref('Address') },
      required: ['first'],
    })
    expect(doc.components?.schemas).toEqual({
      Address: {
        type: 'object',
        properties: { street: { type: 'string' }, city: { type: 'string' } },
        required: ['street', 'city'],
      },
      HTTPValidationError: expect.any(Object),
      Tag: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      User: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          address: ref('Address'),
          previous: { type: 'array', items: ref('Address') },
          // @fastify/swagger writes a record's values as `additionalProperties` (a map type in clients).
          tags: { type: 'object', additionalProperties: ref('Tag') },
          backup: { anyOf: [ref('Address'), { type: 'null' }] },
        },
        required: ['id', 'address', 'previous', 'tags'],
      },
      UserCreate: {
        type: 'object',
        properties: { name: { type: 'string' }, address: ref('Address') },
        required: ['name', 'address'],
      },
      ValidationError: expect.any(Object),
    })
    await expectValid(doc)
  })

  it('are listed sorted by name, named by their $id (never def-0), without their $id key', async () => {
    const Zebra = t.Object({ z: t.String() }, { $id: 'Zebra' })
    const Apple = t.Object({ a: t.String() }, { $id: 'Apple' })
    const app = createApp()
      .get('/z', { response: Zebra }, () => ({ z: '' }))
      .get('/a', { response: Apple }, () => ({ a: '' }))
    const doc = await documentOf(app)
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['Apple', 'Zebra'])
    expect(JSON.stringify(doc)).not.toContain('$id')
    expect(JSON.stringify(doc)).not.toMatch(/def-\d/)
  })

  it('may be referenced with t.Ref, and every reference in the document resolves', async () => {
    const app = createApp()
      .get('/address', { response: Address }, () => ({ street: '', city: '' }))
      .get('/addresses', { response: t.Array(t.Ref(Address)) }, () => [])
    const doc = await documentOf(app)
    expect(doc.paths['/addresses']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: ref('Address'),
    })
    expect(new Set(refsIn(doc))).toEqual(new Set(['#/components/schemas/Address']))
    await expectValid(doc)
  })

  it('that are only documented (responses metadata) and clash with a registered one are refused', async () => {
    const Other = t.Object({ other: t.Boolean() }, { $id: 'Address' })
    const app = createApp().get('/a', { response: Address, responses: { 404: { schema: Other } } }, () => ({
      street: '',
      city: '',
    }))
    await expect(documentOf(app)).rejects.toThrow(/Two different schemas are documented as "Address"/)
  })
})

describe('schemas in the document', () => {
  it('keep data keywords as data, and drop $id and internal markers', async () => {
    const Thing = t.Unsafe<unknown>({
      type: 'object',
      properties: { item: Address },
      default: { $ref: 'not a schema' },
      examples: [{ item: null }],
      'x-fastbox-extra-forbidden': true,
    })
    const app = createApp().post('/things', { body: Thing }, () => null)
    const media = (await documentOf(app)).paths['/things']?.post?.requestBody?.content['application/json']
    // @fastify/swagger shows a body's one example on the media type, where Swagger UI fills it in.
    expect(media).toEqual({
      schema: {
        type: 'object',
        properties: { item: ref('Address') },
        default: { $ref: 'not a schema' },
      },
      example: { item: null },
    })
  })

  it('refuse a reference to a schema that is not registered, at start-up', async () => {
    const app = createApp().get(
      '/a',
      { responses: { 404: { schema: t.Unsafe<unknown>({ $ref: 'Missing' }) } } },
      () => null,
    )
    await expect(app.ready()).rejects.toThrow('The schema of the 404 response of GET /a refers to "Missing"')
  })

  it('are components named after an $id that cannot name one, with its other characters left out', async () => {
    const app = createApp()
    app.fastify.addSchema({
      $id: 'https://example.com/item.json',
      type: 'object',
      properties: { a: { type: 'string' } },
    })
    app.fastify.get(
      '/plain',
      { schema: { response: { 200: { $ref: 'https://example.com/item.json#' } } } },
      () => ({ a: 'x' }),
    )
    const doc = await documentOf(app)
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['https_example.com_item.json'])
    expect(doc.paths['/plain']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual(
      ref('https_example.com_item.json'),
    )
    await expectValid(doc)
  })
})
