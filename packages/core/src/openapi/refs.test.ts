import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'
import { buildOpenApiDocument } from './document.ts'
import { SchemaConverter } from './refs.ts'
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
    const doc = documentOf(app)
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
          tags: { type: 'object', patternProperties: { '^(.*)$': ref('Tag') } },
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

  it('are listed sorted by name, named by their $id (never def-0), without their $id key', () => {
    const Zebra = t.Object({ z: t.String() }, { $id: 'Zebra' })
    const Apple = t.Object({ a: t.String() }, { $id: 'Apple' })
    const app = createApp()
      .get('/z', { response: Zebra }, () => ({ z: '' }))
      .get('/a', { response: Apple }, () => ({ a: '' }))
    const doc = documentOf(app)
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['Apple', 'Zebra'])
    expect(JSON.stringify(doc)).not.toContain('$id')
    expect(JSON.stringify(doc)).not.toMatch(/def-\d/)
  })

  it('may be referenced with t.Ref, and every reference in the document resolves', async () => {
    const app = createApp()
      .get('/address', { response: Address }, () => ({ street: '', city: '' }))
      .get('/addresses', { response: t.Array(t.Ref(Address)) }, () => [])
    const doc = documentOf(app)
    expect(doc.paths['/addresses']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: ref('Address'),
    })
    expect(new Set(refsIn(doc))).toEqual(new Set(['#/components/schemas/Address']))
    await expectValid(doc)
  })

  it('that are only documented (responses metadata) and clash with a registered one are refused', () => {
    const Other = t.Object({ other: t.Boolean() }, { $id: 'Address' })
    const app = createApp().get('/a', { response: Address, responses: { 404: { schema: Other } } }, () => ({
      street: '',
      city: '',
    }))
    expect(() => documentOf(app)).toThrow(/Two different schemas are documented as "Address"/)
  })
})

describe('SchemaConverter', () => {
  it('rewrites bare references, keeps data keywords as data and drops nulls and internal markers', () => {
    const converter = new SchemaConverter(new Map([['Item', { $id: 'Item', type: 'object' }]]))
    const schema = converter.convert(
      {
        type: 'object',
        properties: { item: { $ref: 'Item' }, $ref: { type: 'string' } },
        default: { $ref: 'not a schema' },
        examples: [{ item: null }],
        title: null,
        'x-fastbox-extra-forbidden': true,
        [Symbol.for('TypeBox.Kind')]: 'Object',
      },
      'a test',
    )
    expect(schema).toEqual({
      type: 'object',
      properties: { item: ref('Item'), $ref: { type: 'string' } },
      default: { $ref: 'not a schema' },
      examples: [{ item: null }],
    })
    expect(Object.getOwnPropertySymbols(schema)).toEqual([])
    expect(converter.components()).toEqual({ Item: { type: 'object' } })
  })

  it('refuses a reference to a schema that is not registered', () => {
    const converter = new SchemaConverter(new Map())
    converter.convert({ type: 'array', items: { $ref: 'Missing' } }, 'the body of POST /a')
    expect(() => converter.components()).toThrow(
      'The schema of the body of POST /a refers to "Missing", which is no shared schema',
    )
  })

  it('refuses an $id that cannot name a component', () => {
    expect(() =>
      buildOpenApiDocument({ routes: [], schemas: new Map([['https://x.org/item', { type: 'object' }]]) }),
    ).toThrow('The schema $id "https://x.org/item" cannot name an OpenAPI component')
  })
})
