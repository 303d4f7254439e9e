import { Type as t } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../schema/json-schema.ts'
import { SchemaRegistry } from '../schema/registry.ts'
import { toRequestValidationSchema } from '../schema/request-schemas.ts'
import { createValidators } from './ajv.ts'

const bodyValidator = (schema: unknown) => {
  const registry = new SchemaRegistry()
  const hoisted = registry.hoist(t.Object({ body: schema as never }))
  return createValidators(registry).body(toRequestValidationSchema(hoisted as JsonSchema))
}

describe('createValidators', () => {
  it.each([
    ['at the top', t.Object({ constructor: t.Optional(t.String()) })],
    [
      'under a field named like a data keyword',
      t.Object({ default: t.Object({ constructor: t.Optional(t.String()) }) }),
    ],
    ['in a shared schema', t.Object({ a: t.Object({ toString: t.Optional(t.String()) }, { $id: 'Proto' }) })],
  ])('never reads an absent field named like a prototype key off Object.prototype (%s)', (_where, schema) => {
    const validate = bodyValidator(schema)
    expect(validate({ body: { default: {}, a: {} } })).toBe(true)
  })
})
