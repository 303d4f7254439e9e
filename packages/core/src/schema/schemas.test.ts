import { Type as t } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { FastboxError } from '../http/errors.ts'
import { isSchema, type JsonSchema } from './json-schema.ts'
import { toObjectSchema } from './parts.ts'
import { SchemaRegistry } from './registry.ts'
import {
  EXTRA_FORBIDDEN,
  LAX_VALUES,
  NUMBER_CHECK,
  nullDefaults,
  toRequestValidationSchema,
} from './request-schemas.ts'
import { STRING_OR_DATE, toResponseValidationSchema, toSerializerSchema } from './response-schemas.ts'

/** A schema as plain JSON (TypeBox's symbol keys dropped), to compare with the helpers' output. */
const json = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema

function thrown(fn: () => unknown): FastboxError {
  try {
    fn()
  } catch (error) {
    if (error instanceof FastboxError) return error
    throw error
  }
  throw new Error('expected a FastboxError')
}

describe('isSchema', () => {
  it('tells schemas from records of schemas', () => {
    expect(isSchema(t.String())).toBe(true)
    expect(isSchema(t.Object({}))).toBe(true)
    expect(isSchema({ type: 'integer' })).toBe(true)
    expect(isSchema({ $ref: 'Item' })).toBe(true)
    expect(isSchema({ q: t.String() })).toBe(false)
    // A parameter named "type" does not make a record a schema.
    expect(isSchema({ type: t.String() })).toBe(false)
    expect(isSchema(null)).toBe(false)
    expect(isSchema('string')).toBe(false)
  })
})

describe('toObjectSchema', () => {
  it('turns a record of schemas into an object schema', () => {
    const schema = toObjectSchema('query', { q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) })
    expect(json(schema)).toEqual({
      type: 'object',
      required: ['limit'],
      properties: { q: { type: 'string' }, limit: { type: 'integer', default: 10 } },
    })
    expect(json(toObjectSchema('query', { type: t.String() }))).toEqual({
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string' } },
    })
    expect(json(toObjectSchema('cookie', {}))).toEqual({ type: 'object', properties: {} })
  })

  it('takes a TypeBox object as it is', () => {
    const Filters = t.Object({ q: t.String() }, { additionalProperties: false })
    expect(toObjectSchema('query', Filters)).toBe(Filters)
  })

  it.each([
    ['a string', t.String()],
    ['an array', t.Array(t.String())],
    ['a union', t.Union([t.Object({ a: t.String() }), t.Object({ b: t.String() })])],
  ])('rejects %s, naming the part', (_what, spec) => {
    const error = thrown(() => toObjectSchema('headers', spec as never))
    expect(error.code).toBe('FASTBOX_ERR_INVALID_SPEC')
    expect(error.message).toBe(
      'The "headers" part must be an object schema (t.Object({...})) or a record of schemas ({ name: t.String() }).',
    )
  })
})

describe('SchemaRegistry.hoist', () => {
  const Address = t.Object({ city: t.String() }, { $id: 'Address' })
  const User = t.Object({ name: t.String(), home: Address, work: t.Optional(Address) }, { $id: 'User' })

  it('replaces a root $id schema by a reference and registers it', () => {
    const registry = new SchemaRegistry()
    expect(registry.hoist(Address)).toEqual({ $ref: 'Address' })
    expect([...registry.schemas]).toEqual([['Address', json(Address)]])
  })

  it('replaces nested $id schemas, registering the innermost first', () => {
    const registry = new SchemaRegistry()
    const hoisted = registry.hoist(t.Object({ users: t.Array(User) }))
    expect(hoisted).toEqual({
      type: 'object',
      required: ['users'],
      properties: { users: { type: 'array', items: { $ref: 'User' } } },
    })
    expect([...registry.schemas.keys()]).toEqual(['Address', 'User'])
    expect(registry.schemas.get('User')).toEqual({
      $id: 'User',
      type: 'object',
      required: ['name', 'home'],
      properties: { name: { type: 'string' }, home: { $ref: 'Address' }, work: { $ref: 'Address' } },
    })
    // The declaration is not changed.
    expect(User.properties.home.$id).toBe('Address')
  })

  it('hoists a $id schema held by a property named like a data keyword', () => {
    const registry = new SchemaRegistry()
    const hoisted = registry.hoist(t.Object({ default: Address, examples: t.Array(Address) }))
    expect(hoisted.properties).toEqual({
      default: { $ref: 'Address' },
      examples: { type: 'array', items: { $ref: 'Address' } },
    })
  })

  it('does not hoist $id keys inside data keywords', () => {
    const registry = new SchemaRegistry()
    const data = { $id: 'NotASchema', type: 'string' }
    const schema = t.Object(
      { tag: t.Unsafe({ type: 'object', default: data, examples: [data], const: data, enum: [data] }) },
      { default: { tag: data }, examples: [{ tag: data }] },
    )
    expect(registry.hoist(schema)).toEqual(json(schema))
    expect(registry.schemas.size).toBe(0)
  })

  it('accepts the same schema again, and tells its listeners once', () => {
    const registry = new SchemaRegistry()
    const seen: string[] = []
    registry.subscribe((id) => seen.push(id))
    registry.hoist(User)
    registry.hoist(t.Object({ a: User, b: Address }))
    registry.hoist(t.Object({ id: t.String() }, { $id: 'Other' }))
    expect(seen).toEqual(['Address', 'User', 'Other'])
  })

  it('tells a late listener about the schemas registered so far, in order, then the new ones', () => {
    const registry = new SchemaRegistry()
    registry.hoist(User)
    const seen: [string, JsonSchema][] = []
    registry.subscribe((id, schema) => seen.push([id, schema]))
    expect(seen.map(([id]) => id)).toEqual(['Address', 'User'])
    expect(seen[1]?.[1]).toBe(registry.schemas.get('User'))
    registry.hoist(t.Object({ x: t.Integer() }, { $id: 'Later' }))
    expect(seen.map(([id]) => id)).toEqual(['Address', 'User', 'Later'])
  })

  it('throws when two different schemas use one $id, at the root or nested', () => {
    const registry = new SchemaRegistry()
    registry.hoist(User)
    const root = thrown(() => registry.hoist(t.Object({ city: t.Integer() }, { $id: 'Address' })))
    expect(root.code).toBe('FASTBOX_ERR_DUPLICATE_SCHEMA_ID')
    expect(root.message).toBe(
      'Two different schemas use the $id "Address". Give each schema its own $id, or reuse one schema object.',
    )
    const OtherUser = t.Object({ name: t.String(), home: Address }, { $id: 'User' })
    const nested = thrown(() => registry.hoist(t.Object({ owner: OtherUser })))
    expect(nested.code).toBe('FASTBOX_ERR_DUPLICATE_SCHEMA_ID')
    expect(nested.message).toContain('"User"')
    expect(registry.schemas.get('User')?.required).toEqual(['name', 'home'])
  })

  it('tells an annotation change apart from the same schema', () => {
    const registry = new SchemaRegistry()
    registry.hoist(Address)
    const described = t.Object({ city: t.String() }, { $id: 'Address', description: 'Where' })
    expect(thrown(() => registry.hoist(described)).code).toBe('FASTBOX_ERR_DUPLICATE_SCHEMA_ID')
  })
})

describe('toSerializerSchema', () => {
  it('writes a union of bare types as a type array, keeping a shared format', () => {
    const schema = t.Object({
      at: t.Union([t.String({ format: 'date-time' }), t.Null()]),
      n: t.Union([t.Integer(), t.Number(), t.Null()], { description: 'a number' }),
      s: t.Union([t.String({ format: 'date' }), t.String({ format: 'date-time' })]),
    })
    expect(toSerializerSchema(schema).properties).toEqual({
      at: { type: ['string', 'null'], format: 'date-time' },
      n: { type: ['integer', 'number', 'null'], description: 'a number' },
      s: { type: 'string' },
    })
  })

  it('converts unions at any depth', () => {
    const schema = t.Array(t.Object({ tags: t.Array(t.Union([t.String(), t.Null()])) }))
    expect(toSerializerSchema(schema)).toEqual({
      type: 'array',
      items: {
        type: 'object',
        required: ['tags'],
        properties: { tags: { type: 'array', items: { type: ['string', 'null'] } } },
      },
    })
  })

  it('leaves unions of objects, literals and constrained types untouched', () => {
    const objects = t.Union([t.Object({ a: t.String() }), t.Null()])
    const literals = t.Union([t.Literal('a'), t.Literal('b')])
    const bounded = t.Union([t.Integer({ minimum: 1 }), t.Null()])
    const arrays = t.Union([t.Array(t.String()), t.Null()])
    for (const schema of [objects, literals, bounded, arrays]) {
      expect(toSerializerSchema(schema)).toEqual(json(schema))
    }
  })

  it('does not change its input', () => {
    const schema = t.Object({ at: t.Union([t.String(), t.Null()]) })
    const before = json(schema)
    toSerializerSchema(schema)
    expect(json(schema)).toEqual(before)
  })
})

describe('toResponseValidationSchema', () => {
  it('lets a Date stand for a string, keeping the string keywords', () => {
    const schema = t.Object({
      name: t.String({ minLength: 1 }),
      at: t.Union([t.String({ format: 'date-time' }), t.Null()]),
      n: t.Integer(),
    })
    expect(toResponseValidationSchema(schema)).toEqual({
      type: 'object',
      required: ['name', 'at', 'n'],
      properties: {
        name: { minLength: 1, [STRING_OR_DATE]: true },
        at: { anyOf: [{ format: 'date-time', [STRING_OR_DATE]: true }, { type: 'null' }] },
        n: { type: 'integer' },
      },
    })
  })

  it('leaves literals as strings', () => {
    const schema = t.Object({ state: t.Union([t.Literal('open'), t.Literal('closed')]) })
    const level = t.Unsafe({ type: 'string', enum: ['low', 'high'] })
    expect(toResponseValidationSchema(schema)).toEqual(json(schema))
    expect(toResponseValidationSchema(level)).toEqual({ type: 'string', enum: ['low', 'high'] })
  })
})

describe('toRequestValidationSchema', () => {
  it('closes implicit objects at every depth, so extras are dropped', () => {
    const schema = t.Object({ user: t.Object({ tags: t.Array(t.Object({ name: t.String() })) }) })
    expect(toRequestValidationSchema(json(schema))).toEqual({
      type: 'object',
      required: ['user'],
      additionalProperties: false,
      properties: {
        user: {
          type: 'object',
          required: ['tags'],
          additionalProperties: false,
          properties: {
            tags: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: { name: { type: 'string' } },
              },
            },
          },
        },
      },
    })
  })

  it('turns an explicit `additionalProperties: false` into the marked failing schema', () => {
    const schema = t.Object({ a: t.String() }, { additionalProperties: false })
    expect(toRequestValidationSchema(json(schema)).additionalProperties).toEqual({
      not: {},
      [EXTRA_FORBIDDEN]: true,
    })
  })

  it('leaves open objects, records and data alone', () => {
    const schema = t.Object(
      {
        open: t.Object({ a: t.String() }, { additionalProperties: true }),
        typed: t.Object({}, { additionalProperties: t.Integer() }),
        map: t.Record(t.String(), t.Integer()),
      },
      { default: { open: { type: 'object', properties: {} } } },
    )
    const adapted = toRequestValidationSchema(json(schema))
    const integer = { type: 'integer', [NUMBER_CHECK]: 'integer' }
    expect(adapted.properties).toEqual({
      open: (json(schema).properties as JsonSchema).open,
      typed: { type: 'object', properties: {}, additionalProperties: integer },
      map: { type: 'object', patternProperties: { '^(.*)$': integer } },
    })
    expect(adapted.default).toEqual({ open: { type: 'object', properties: {} } })
    expect(adapted.additionalProperties).toBe(false)
  })

  it('adds nothing inside anyOf, oneOf or allOf, where Ajv would strip fields of a failing branch', () => {
    const union = t.Union([t.Object({ a: t.String() }), t.Object({ b: t.Object({ c: t.String() }) })])
    const intersect = t.Intersect([t.Object({ a: t.String() }), t.Object({ b: t.String() })])
    const oneOf = { oneOf: [json(t.Object({ a: t.String() })), json(t.Object({ b: t.String() }))] }
    for (const schema of [json(union), json(intersect), oneOf]) {
      expect(toRequestValidationSchema(schema, 'lax')).toEqual(schema)
    }
    const nested = json(t.Object({ pet: union }))
    expect(toRequestValidationSchema(nested)).toEqual({ ...nested, additionalProperties: false })
  })

  it('adapts the object of a nullable union as any other: only it can match an object', () => {
    const nullable = { oneOf: [json(t.Object({ a: t.Integer() })), { type: 'null' }] }
    expect(toRequestValidationSchema(nullable, 'lax')).toEqual({
      oneOf: [
        {
          type: 'object',
          required: ['a'],
          properties: { a: { type: 'integer', [NUMBER_CHECK]: 'integer' } },
          additionalProperties: false,
          [LAX_VALUES]: { properties: { a: ['int'] } },
        },
        { type: 'null' },
      ],
    })
  })

  it('checks that every number is finite, and every integer safe', () => {
    const schema = json(
      t.Object({ a: t.Number(), b: t.Array(t.Integer()), c: t.Union([t.Number(), t.Null()]) }),
    )
    const properties = toRequestValidationSchema(schema).properties as Record<string, JsonSchema>
    expect(properties.a).toEqual({ type: 'number', [NUMBER_CHECK]: 'number' })
    expect(properties.b?.items).toEqual({ type: 'integer', [NUMBER_CHECK]: 'integer' })
    expect(properties.c?.anyOf).toEqual([{ type: 'number', [NUMBER_CHECK]: 'number' }, { type: 'null' }])
    expect(toRequestValidationSchema({ type: ['integer', 'null'] })).toEqual({
      type: ['integer', 'null'],
      [NUMBER_CHECK]: 'integer',
    })
  })

  it("marks, in lax mode only, the values Pydantic's lax mode converts", () => {
    const schema = json(
      t.Object({
        n: t.Number(),
        s: t.String(),
        flags: t.Array(t.Boolean()),
        either: t.Union([t.Integer(), t.Literal('all')]),
        nested: t.Object({ id: t.Integer() }, { $id: 'Nested' }),
        scores: t.Record(t.String(), t.Number()),
      }),
    )
    const lax = toRequestValidationSchema(schema, 'lax')
    expect(lax[LAX_VALUES]).toEqual({
      properties: { n: ['float'], either: ['int', { literal: ['all'] }] },
    })
    const properties = lax.properties as Record<string, JsonSchema>
    expect(properties.flags?.[LAX_VALUES]).toEqual({ items: ['bool'] })
    expect(properties.scores?.[LAX_VALUES]).toEqual({ patterns: [['^(.*)$', ['float']]] })
    expect(JSON.stringify(toRequestValidationSchema(schema, 'strict'))).not.toContain(LAX_VALUES)
    expect(JSON.stringify(toRequestValidationSchema(schema, 'text'))).not.toContain(LAX_VALUES)
  })

  it('removes, for text, null branches and null defaults (filled in after validation)', () => {
    const schema = json(
      t.Object({
        limit: t.Union([t.Integer(), t.Null()], { default: null }),
        flag: t.Union([t.Null(), t.Boolean()]),
        tags: t.Array(t.Union([t.String(), t.Null()])),
        q: t.String(),
      }),
    )
    expect(nullDefaults(schema)).toEqual(['limit'])
    const text = toRequestValidationSchema(schema, 'text')
    expect(text.required).toEqual(['flag', 'tags', 'q'])
    const properties = text.properties as Record<string, JsonSchema>
    expect(properties.limit).toEqual({ anyOf: [{ type: 'integer', [NUMBER_CHECK]: 'integer' }] })
    expect(properties.flag).toEqual({ anyOf: [{ type: 'boolean' }] })
    expect(properties.tags).toEqual({ type: 'array', items: { anyOf: [{ type: 'string' }] } })
    expect(toRequestValidationSchema(schema, 'lax').required).toEqual(['limit', 'flag', 'tags', 'q'])
  })

  it('keeps boolean schemas as they are', () => {
    const schema = { type: 'object', properties: { never: false, any: true }, additionalProperties: true }
    expect(toRequestValidationSchema(schema)).toEqual(schema)
  })

  it('does not change its input', () => {
    const schema = json(t.Object({ a: t.Object({ b: t.String() }) }))
    const before = structuredClone(schema)
    toRequestValidationSchema(schema)
    expect(schema).toEqual(before)
  })
})
