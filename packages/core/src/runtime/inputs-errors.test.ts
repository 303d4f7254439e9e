/**
 * Every 422 item type Fastbox reports, each with its exact `msg`, `ctx` and `input` (Pydantic v2's names and
 * words, as FastAPI sends them). Unions are in `inputs-unions.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { bodyErrors, queryErrors } from '../../test/support.ts'
import { createApp, t } from '../index.ts'

describe('type errors of JSON values', () => {
  it.each([
    ['string_type', t.String(), 1, 'Input should be a valid string'],
    ['string_type', t.String(), true, 'Input should be a valid string'],
    ['int_type', t.Integer(), null, 'Input should be a valid integer'],
    ['int_type', t.Integer(), [1], 'Input should be a valid integer'],
    ['float_type', t.Number(), null, 'Input should be a valid number'],
    ['float_type', t.Number(), { v: 1 }, 'Input should be a valid number'],
    ['bool_type', t.Boolean(), null, 'Input should be a valid boolean'],
    ['bool_type', t.Boolean(), 0.5, 'Input should be a valid boolean'],
    ['list_type', t.Array(t.String()), 'a', 'Input should be a valid list'],
    ['list_type', t.Array(t.String()), { 0: 'a' }, 'Input should be a valid list'],
    [
      'model_attributes_type',
      t.Object({ a: t.String() }),
      [],
      'Input should be a valid dictionary or object to extract fields from',
    ],
    [
      'model_attributes_type',
      t.Object({ a: t.String() }),
      'a',
      'Input should be a valid dictionary or object to extract fields from',
    ],
    ['dict_type', t.Record(t.String(), t.Integer()), [1], 'Input should be a valid dictionary'],
  ])('%s for %j given %j', async (type, schema, input, msg) => {
    expect(await bodyErrors(t.Object({ v: schema }), { v: input })).toEqual([
      { type, loc: ['body', 'v'], msg, input },
    ])
  })

  it.each([
    ['int_type', t.Integer(), '1', 'Input should be a valid integer'],
    ['int_type', t.Integer(), true, 'Input should be a valid integer'],
    ['float_type', t.Number(), '1.5', 'Input should be a valid number'],
    ['float_type', t.Number(), false, 'Input should be a valid number'],
    ['bool_type', t.Boolean(), 'yes', 'Input should be a valid boolean'],
    ['bool_type', t.Boolean(), 1, 'Input should be a valid boolean'],
  ])('strict: %s for %j given %j', async (type, schema, input, msg) => {
    expect(await bodyErrors(t.Object({ v: schema }), { v: input }, true)).toEqual([
      { type, loc: ['body', 'v'], msg, input },
    ])
  })

  it('int_from_float for a number with a fractional part', async () => {
    expect(await bodyErrors(t.Object({ v: t.Integer() }), { v: 1.5 })).toEqual([
      {
        type: 'int_from_float',
        loc: ['body', 'v'],
        msg: 'Input should be a valid integer, got a number with a fractional part',
        input: 1.5,
      },
    ])
  })

  it('accepts 2.0 as an integer (JSON does not tell them apart)', async () => {
    const app = createApp().post('/', { body: t.Object({ v: t.Integer() }) }, ({ body }) => body)
    const response = await app.inject({
      method: 'POST',
      url: '/',
      payload: '{"v":2.0}',
      headers: { 'content-type': 'application/json' },
    })
    expect({ status: response.statusCode, body: response.json() }).toEqual({ status: 200, body: { v: 2 } })
  })

  it('reports every error of a Record value by key', async () => {
    expect(await bodyErrors(t.Record(t.String(), t.Integer()), { a: 1, b: 'x', 'c/d': 'y' })).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'b'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
      {
        type: 'int_parsing',
        loc: ['body', 'c/d'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'y',
      },
    ])
  })
})

describe('parsing errors of parameters (strings)', () => {
  it.each([
    [
      'int_parsing',
      t.Integer(),
      'x',
      'Input should be a valid integer, unable to parse string as an integer',
    ],
    [
      'int_parsing',
      t.Integer(),
      '1.5',
      'Input should be a valid integer, unable to parse string as an integer',
    ],
    ['float_parsing', t.Number(), 'x', 'Input should be a valid number, unable to parse string as a number'],
    ['bool_parsing', t.Boolean(), 'x', 'Input should be a valid boolean, unable to interpret input'],
  ])('%s for %j given %j', async (type, schema, input, msg) => {
    expect(await queryErrors({ v: schema }, `v=${input}`)).toEqual([
      { type, loc: ['query', 'v'], msg, input },
    ])
  })
})

describe('constraints', () => {
  it.each([
    [
      t.String({ minLength: 2 }),
      'a',
      'string_too_short',
      'String should have at least 2 characters',
      { min_length: 2 },
    ],
    [
      t.String({ minLength: 1 }),
      '',
      'string_too_short',
      'String should have at least 1 character',
      { min_length: 1 },
    ],
    [
      t.String({ maxLength: 3 }),
      'abcd',
      'string_too_long',
      'String should have at most 3 characters',
      { max_length: 3 },
    ],
    [
      t.String({ maxLength: 1 }),
      'ab',
      'string_too_long',
      'String should have at most 1 character',
      { max_length: 1 },
    ],
    [
      t.String({ pattern: '^a+$' }),
      'ab',
      'string_pattern_mismatch',
      "String should match pattern '^a+$'",
      { pattern: '^a+$' },
    ],
    [
      t.String({ format: 'email' }),
      'nope',
      'string_format_mismatch',
      "String should match format 'email'",
      { format: 'email' },
    ],
    [
      t.String({ format: 'date-time' }),
      '2024-13-01',
      'string_format_mismatch',
      "String should match format 'date-time'",
      { format: 'date-time' },
    ],
    [t.Integer({ exclusiveMinimum: 3 }), 3, 'greater_than', 'Input should be greater than 3', { gt: 3 }],
    [
      t.Integer({ minimum: 3 }),
      2,
      'greater_than_equal',
      'Input should be greater than or equal to 3',
      { ge: 3 },
    ],
    [t.Number({ exclusiveMaximum: 1.5 }), 1.5, 'less_than', 'Input should be less than 1.5', { lt: 1.5 }],
    [
      t.Number({ maximum: 10 }),
      10.5,
      'less_than_equal',
      'Input should be less than or equal to 10',
      { le: 10 },
    ],
    [t.Integer({ multipleOf: 5 }), 12, 'multiple_of', 'Input should be a multiple of 5', { multiple_of: 5 }],
  ])('%j given %j: %s', async (schema, input, type, msg, ctx) => {
    expect(await bodyErrors(t.Object({ v: schema }), { v: input })).toEqual([
      { type, loc: ['body', 'v'], msg, input, ctx },
    ])
  })

  it('too_short and too_long for lists', async () => {
    expect(await bodyErrors(t.Object({ v: t.Array(t.Integer(), { minItems: 2 }) }), { v: [1] })).toEqual([
      {
        type: 'too_short',
        loc: ['body', 'v'],
        msg: 'List should have at least 2 items after validation, not 1',
        input: [1],
        ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
      },
    ])
    expect(
      await bodyErrors(t.Object({ v: t.Array(t.Integer(), { maxItems: 1 }) }), { v: [1, 2, 3] }),
    ).toEqual([
      {
        type: 'too_long',
        loc: ['body', 'v'],
        msg: 'List should have at most 1 item after validation, not 3',
        input: [1, 2, 3],
        ctx: { field_type: 'List', max_length: 1, actual_length: 3 },
      },
    ])
  })

  it('too_short for a dictionary with too few properties', async () => {
    expect(
      await bodyErrors(t.Object({ v: t.Record(t.String(), t.Integer(), { minProperties: 2 }) }), {
        v: { a: 1 },
      }),
    ).toEqual([
      {
        type: 'too_short',
        loc: ['body', 'v'],
        msg: 'Dictionary should have at least 2 items after validation, not 1',
        input: { a: 1 },
        ctx: { field_type: 'Dictionary', min_length: 2, actual_length: 1 },
      },
    ])
  })

  it('echoes the raw string of a parameter that breaks a bound, as FastAPI does', async () => {
    expect(await queryErrors({ v: t.Integer({ exclusiveMinimum: 3 }) }, 'v=02')).toEqual([
      {
        type: 'greater_than',
        loc: ['query', 'v'],
        msg: 'Input should be greater than 3',
        input: '02',
        ctx: { gt: 3 },
      },
    ])
    expect(await queryErrors({ v: t.Array(t.Number({ maximum: 5 })) }, 'v=1&v=9.50')).toEqual([
      {
        type: 'less_than_equal',
        loc: ['query', 'v', 1],
        msg: 'Input should be less than or equal to 5',
        input: '9.50',
        ctx: { le: 5 },
      },
    ])
    expect(await queryErrors({ v: t.Array(t.Integer(), { minItems: 2 }) }, 'v=07')).toEqual([
      {
        type: 'too_short',
        loc: ['query', 'v'],
        msg: 'List should have at least 2 items after validation, not 1',
        input: ['07'],
        ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
      },
    ])
  })
})

describe('enums and literals', () => {
  it('enum for a union of literals', async () => {
    const Size = t.Union([t.Literal('s'), t.Literal('m'), t.Literal('l')])
    expect(await bodyErrors(t.Object({ v: Size }), { v: 'xl' })).toEqual([
      {
        type: 'enum',
        loc: ['body', 'v'],
        msg: "Input should be 's', 'm' or 'l'",
        input: 'xl',
        ctx: { expected: "'s', 'm' or 'l'" },
      },
    ])
  })

  it('enum for a t.Enum of a TypeScript enum', async () => {
    enum Color {
      Red = 'red',
      Blue = 'blue',
    }
    expect(await bodyErrors(t.Object({ v: t.Enum(Color) }), { v: 'green' })).toEqual([
      {
        type: 'enum',
        loc: ['body', 'v'],
        msg: "Input should be 'red' or 'blue'",
        input: 'green',
        ctx: { expected: "'red' or 'blue'" },
      },
    ])
  })

  it('enum for a JSON Schema enum keyword, in a parameter too', async () => {
    const Model = t.Unsafe<'alexnet' | 'resnet' | 'lenet'>({
      type: 'string',
      enum: ['alexnet', 'resnet', 'lenet'],
    })
    const app = createApp().get('/models/{model_name}', { path: { model_name: Model } }, ({ path }) => path)
    const response = await app.inject({ method: 'GET', url: '/models/foo' })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'enum',
            loc: ['path', 'model_name'],
            msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
            input: 'foo',
            ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
          },
        ],
      },
    })
  })

  it('enum of numbers writes them bare', async () => {
    expect(await bodyErrors(t.Object({ v: t.Union([t.Literal(1), t.Literal(2)]) }), { v: 3 })).toEqual([
      {
        type: 'enum',
        loc: ['body', 'v'],
        msg: 'Input should be 1 or 2',
        input: 3,
        ctx: { expected: '1 or 2' },
      },
    ])
  })

  it('literal_error for a single literal', async () => {
    expect(await bodyErrors(t.Object({ v: t.Literal('on') }), { v: 'off' })).toEqual([
      {
        type: 'literal_error',
        loc: ['body', 'v'],
        msg: "Input should be 'on'",
        input: 'off',
        ctx: { expected: "'on'" },
      },
    ])
    expect(await bodyErrors(t.Object({ v: t.Literal(42) }), { v: 41 })).toEqual([
      {
        type: 'literal_error',
        loc: ['body', 'v'],
        msg: 'Input should be 42',
        input: 41,
        ctx: { expected: '42' },
      },
    ])
  })
})
