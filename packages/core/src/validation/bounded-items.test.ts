import { Type as t } from '@sinclair/typebox'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../schema/json-schema.ts'
import { SchemaRegistry } from '../schema/registry.ts'
import { toRequestValidationSchema } from '../schema/request-schemas.ts'
import { boundArrayErrors } from './bounded-items.ts'
import { toErrorItems } from './error-items.ts'

const OPTIONS = { allErrors: true, verbose: true, strict: false, useDefaults: true, removeAdditional: true }

/** The body holder's schema as a route's validator sees it (strict mode: no lax conversion). */
function holderSchema(body: unknown): JsonSchema {
  const registry = new SchemaRegistry()
  return toRequestValidationSchema(registry.hoist(t.Object({ body: body as never })) as JsonSchema, 'strict')
}

/** The errors of `body` from an Ajv that collects them all and from one bounded at `limit` failed items. */
function bothWays(schema: unknown, body: unknown, limit: number) {
  const holder = holderSchema(schema)
  const all = new Ajv(OPTIONS).compile(holder)
  const bounded = new Ajv(OPTIONS)
  boundArrayErrors(bounded, limit)
  const some = bounded.compile(holder)
  expect(all({ body: structuredClone(body) })).toBe(false)
  expect(some({ body: structuredClone(body) })).toBe(false)
  return { all: all.errors ?? [], some: some.errors ?? [] }
}

const repeat = <T>(count: number, value: T): T[] =>
  Array.from({ length: count }, () => structuredClone(value))

describe('boundArrayErrors', () => {
  it.each([
    [
      'wrong-type items, a missing field declared after the array',
      t.Object({ flags: t.Array(t.Boolean()), name: t.String() }),
      { flags: repeat(50, 2) },
    ],
    [
      'items that are objects with a wrong field and a missing one',
      t.Object({ rows: t.Array(t.Object({ a: t.Integer(), b: t.String() })) }),
      { rows: repeat(50, { a: 'x' }) },
    ],
    [
      'arrays of arrays',
      t.Object({ grid: t.Array(t.Array(t.Integer())) }),
      { grid: repeat(20, repeat(20, 'x')) },
    ],
    [
      'unions as items',
      t.Object({ mixed: t.Array(t.Union([t.Integer(), t.Object({ k: t.String() })])) }),
      { mixed: [...repeat(10, 'x'), ...repeat(10, { k: 1 })] },
    ],
    [
      'an array inside a union',
      t.Object({ either: t.Union([t.Array(t.Integer()), t.String()]) }),
      { either: repeat(50, 'x') },
    ],
    [
      'items forbidding extra fields',
      t.Object({ rows: t.Array(t.Object({ a: t.Integer() }, { additionalProperties: false })) }),
      { rows: repeat(50, { z: 1, a: 'x', y: 2 }) },
    ],
    [
      'valid items before the failing ones, and a later field',
      t.Object({ list: t.Array(t.Integer({ minimum: 0 })), last: t.Integer() }),
      { list: [...repeat(30, 1), ...repeat(30, -1)], last: 'x' },
    ],
  ])('lists the same first items as when every error is collected: %s', (_case, schema, body) => {
    for (const limit of [1, 3, 7]) {
      const { all, some } = bothWays(schema, body, limit)
      expect(some.length).toBeLessThan(all.length)
      expect(toErrorItems(some, limit)).toEqual(toErrorItems(all, limit))
    }
  })

  it('stops walking an array after `limit` failed items', () => {
    const { all, some } = bothWays(t.Array(t.Boolean()), repeat(1000, 2), 5)
    expect(all).toHaveLength(1000)
    expect(some.map((error) => error.instancePath)).toEqual([
      '/body/0',
      '/body/1',
      '/body/2',
      '/body/3',
      '/body/4',
    ])
  })

  it('walks a valid array to its end, and tuples as before', () => {
    const ajv = new Ajv(OPTIONS)
    boundArrayErrors(ajv, 2)
    const list = ajv.compile(holderSchema(t.Array(t.Object({ a: t.Integer({ default: 1 }) }))))
    const holder = { body: repeat(10, {}) }
    expect(list(holder)).toBe(true)
    expect(holder.body).toEqual(repeat(10, { a: 1 }))
    const tuple = ajv.compile(holderSchema(t.Tuple([t.Integer(), t.String()])))
    expect(tuple({ body: [1, 'a'] })).toBe(true)
    expect(tuple({ body: ['a', 1] })).toBe(false)
    expect(tuple.errors?.map((error) => error.instancePath)).toEqual(['/body/0', '/body/1'])
  })
})
