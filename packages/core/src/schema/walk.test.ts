import { Kind, Type as t } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from './json-schema.ts'
import {
  isSchemaKeyword,
  mapKeyword,
  mapSchema,
  mapSubschemas,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  subschemas,
} from './walk.ts'

/** A schema as plain JSON (TypeBox's symbol keys dropped), to compare with the walker's output. */
const json = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema

const A = { type: 'string' }
const B = { type: 'integer' }
/** Marks a visited sub-schema with the keyword that held it. */
const mark = (schema: JsonSchema, keyword: string): JsonSchema => ({ ...schema, seen: keyword })

describe('the keyword lists', () => {
  it('name the JSON Schema keywords that hold sub-schemas, by shape', () => {
    expect([...SCHEMA_KEYWORDS].sort()).toEqual([
      'additionalItems',
      'additionalProperties',
      'contains',
      'contentSchema',
      'else',
      'if',
      'items',
      'not',
      'propertyNames',
      'then',
      'unevaluatedItems',
      'unevaluatedProperties',
    ])
    expect([...SCHEMA_MAP_KEYWORDS].sort()).toEqual([
      '$defs',
      'definitions',
      'dependencies',
      'dependentSchemas',
      'patternProperties',
      'properties',
    ])
    expect([...SCHEMA_ARRAY_KEYWORDS].sort()).toEqual(['allOf', 'anyOf', 'items', 'oneOf', 'prefixItems'])
  })

  it.each([...SCHEMA_KEYWORDS, ...SCHEMA_MAP_KEYWORDS, ...SCHEMA_ARRAY_KEYWORDS])(
    'isSchemaKeyword(%j)',
    (keyword) => {
      expect(isSchemaKeyword(keyword)).toBe(true)
    },
  )

  it.each([
    'default',
    'examples',
    'example',
    'const',
    'enum',
    'required',
    'type',
    'dependentRequired',
    'discriminator',
    '$ref',
    'x-extension',
  ])('%j holds data', (keyword) => {
    expect(isSchemaKeyword(keyword)).toBe(false)
  })
})

describe('mapKeyword and subschemas, keyword by keyword', () => {
  it.each([...SCHEMA_KEYWORDS])('%s: one schema', (keyword) => {
    const node = { [keyword]: A }
    expect(mapSubschemas(node, mark)).toEqual({ [keyword]: { ...A, seen: keyword } })
    expect([...subschemas(node)]).toEqual([[A, keyword]])
  })

  it.each([...SCHEMA_MAP_KEYWORDS])('%s: a map of schemas, booleans kept', (keyword) => {
    const node = { [keyword]: { a: A, b: B, never: false, any: true } }
    expect(mapSubschemas(node, mark)).toEqual({
      [keyword]: { a: { ...A, seen: keyword }, b: { ...B, seen: keyword }, never: false, any: true },
    })
    expect([...subschemas(node)]).toEqual([
      [A, keyword],
      [B, keyword],
    ])
  })

  it.each([...SCHEMA_ARRAY_KEYWORDS])('%s: a list of schemas, booleans kept', (keyword) => {
    const node = { [keyword]: [A, false, B, true] }
    expect(mapSubschemas(node, mark)).toEqual({
      [keyword]: [{ ...A, seen: keyword }, false, { ...B, seen: keyword }, true],
    })
    expect([...subschemas(node)]).toEqual([
      [A, keyword],
      [B, keyword],
    ])
  })

  it('walks the entries of a map whose names are keywords as schemas', () => {
    const node = { properties: { default: A, not: B, properties: A } }
    expect([...subschemas(node)].map(([schema]) => schema)).toEqual([A, B, A])
  })

  it("keeps draft 7's `dependencies` lists of names as data", () => {
    const names = ['b', 'c']
    const node = { dependencies: { a: names, d: A } }
    const copy = mapSubschemas(node, mark)
    expect(copy).toEqual({ dependencies: { a: ['b', 'c'], d: { ...A, seen: 'dependencies' } } })
    expect([...subschemas(node)]).toEqual([[A, 'dependencies']])
  })

  it('never reads data as schemas', () => {
    const data = { type: 'object', properties: { a: A } }
    const node = {
      type: ['string', 'null'],
      required: ['a'],
      default: data,
      examples: [data],
      example: data,
      const: data,
      enum: [data],
      discriminator: { propertyName: 'kind' },
      'x-extension': data,
    }
    expect([...subschemas(node)]).toEqual([])
    const copy = mapSubschemas(node, () => {
      throw new Error('visited data')
    })
    expect(copy).toEqual(node)
    // Data is shared, not copied.
    expect(copy.default).toBe(data)
  })

  it('leaves a value of the wrong shape as it is', () => {
    const fn = (): JsonSchema => {
      throw new Error('visited')
    }
    expect(mapKeyword('not', [A], fn)).toEqual([A])
    expect(mapKeyword('anyOf', A, fn)).toEqual({ type: 'string' })
    expect(mapKeyword('items', true, fn)).toBe(true)
    expect(mapKeyword('properties', null, fn)).toBe(null)
    expect(mapKeyword('additionalProperties', false, fn)).toBe(false)
  })

  it('copies the node, keeps its keys in order and leaves it unchanged', () => {
    const node = { type: 'object', properties: { a: A }, required: ['a'], additionalProperties: B }
    const before = structuredClone(node)
    const copy = mapSubschemas(node, (schema) => schema)
    expect(copy).not.toBe(node)
    expect(copy.properties).not.toBe(node.properties)
    expect(Object.keys(copy)).toEqual(Object.keys(node))
    expect(node).toEqual(before)
  })
})

describe('mapSchema', () => {
  it('copies into plain JSON, visiting sub-schemas bottom-up and never data', () => {
    const schema = t.Object({
      a: t.Array(t.String(), { default: [{ type: 'data' }] }),
      b: t.Union([t.Integer(), t.Null()]),
    })
    const visited: unknown[] = []
    const copy = mapSchema(schema, (node) => {
      visited.push(node.type ?? 'union')
      return node
    })
    expect(visited).toEqual(['string', 'array', 'integer', 'null', 'union', 'object'])
    expect(copy).toEqual(json(schema))
    expect(Kind in copy).toBe(false)
    expect(copy).not.toBe(schema)
  })

  it('keeps boolean schemas as they are', () => {
    const schema = {
      type: 'object',
      properties: { never: false, any: true },
      items: [true, { type: 'string' }],
    }
    expect(mapSchema(schema, (node) => node)).toEqual(schema)
  })

  it('walks every shape TypeBox writes: tuples, records, intersections, modules', () => {
    const Module = t.Module({ Leaf: t.String(), Node: t.Object({ leaf: t.Ref('Leaf') }) })
    const schemas = [
      t.Tuple([t.String(), t.Integer()]),
      t.Record(t.String(), t.Integer()),
      t.Intersect([t.Object({ a: t.String() }), t.Object({ b: t.Integer() })]),
      t.Not(t.String()),
      Module.Import('Node'),
      t.Object({}, { additionalProperties: t.Boolean() }),
    ]
    for (const schema of schemas) {
      const seen: string[] = []
      const copy = mapSchema(schema, (node) => {
        if (typeof node.type === 'string') seen.push(node.type)
        return node
      })
      expect(copy).toEqual(json(schema))
      const types = JSON.stringify(schema).match(/"type":"\w+"/g) ?? []
      expect(seen).toHaveLength(types.length)
    }
  })

  it('replaces nodes with what visit returns, the root included', () => {
    const schema = t.Object({ a: t.String(), b: t.Array(t.String()) })
    const copy = mapSchema(schema, (node) => (node.type === 'string' ? { type: 'integer' } : node))
    expect(copy).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'integer' }, b: { type: 'array', items: { type: 'integer' } } },
    })
    expect(mapSchema(schema, () => ({ $ref: 'Root' }))).toEqual({ $ref: 'Root' })
  })
})
