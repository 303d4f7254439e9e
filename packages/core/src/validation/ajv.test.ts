import { Type as t } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../schema/json-schema.ts'
import { SchemaRegistry } from '../schema/registry.ts'
import { toRequestValidationSchema } from '../schema/request-schemas.ts'
import { STRING_OR_DATE, toResponseValidationSchema } from '../schema/response-schemas.ts'
import { createValidators } from './ajv.ts'
import { toErrorItems } from './error-items.ts'

const bodyValidator = (schema: unknown) => {
  const registry = new SchemaRegistry()
  const hoisted = registry.hoist(t.Object({ body: schema as never }))
  return createValidators(registry).body(toRequestValidationSchema(hoisted as JsonSchema), false)
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

  it('compiles a response validator that takes strings and Dates only, reporting others as string errors', () => {
    const { response } = createValidators(new SchemaRegistry())
    const validate = response(
      toResponseValidationSchema(t.Object({ at: t.String({ format: 'date-time' }), tag: t.Literal('x') })),
    )
    expect(validate({ at: new Date(), tag: 'x' })).toBe(true)
    expect(validate({ at: '2024-01-02T03:04:05Z', tag: 'x' })).toBe(true)
    expect(validate({ at: 'soon', tag: 'x' })).toBe(false)
    expect(validate.errors?.map((error) => [error.instancePath, error.keyword])).toEqual([['/at', 'format']])
    expect(validate({ at: 12, tag: new Date() })).toBe(false)
    expect(validate.errors?.map((error) => [error.instancePath, error.keyword, error.params])).toEqual([
      ['/at', STRING_OR_DATE, { type: 'string' }],
      ['/tag', 'type', { type: 'string' }],
      ['/tag', 'const', { allowedValue: 'x' }],
    ])
    // Logged as the string type error it is.
    expect(toErrorItems(validate.errors ?? [], 10)[0]).toMatchObject({ type: 'string_type', loc: ['at'] })
    // Each failure gets its own error object: paths do not stick from one call to the next.
    expect(validate({ at: new Date(), tag: 5 })).toBe(false)
    expect(validate.errors?.[0]?.instancePath).toBe('/tag')
  })
})
