import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../schema/json-schema.ts'
import { collapseUnions } from './error-unions.ts'

// Ajv errors as `verbose` Ajv writes them for the holder `{ body }` (paths taken from real runs), with what
// the collapsing reads; each named by its `message`.

function failed(
  keyword: string,
  instancePath: string,
  schemaPath: string,
  params: Record<string, unknown> = {},
): ErrorObject {
  return { keyword, instancePath, schemaPath, params, message: `${keyword} ${instancePath}` }
}

/** The error of a failed union at `instancePath`, whose `anyOf` (or `oneOf`) holds `branches`. */
function union(
  instancePath: string,
  schemaPath: string,
  branches: JsonSchema[],
  keyword = 'anyOf',
): ErrorObject {
  return {
    keyword,
    instancePath,
    schemaPath,
    params: {},
    schema: branches,
    message: `${keyword} ${instancePath}`,
  }
}

const ITEM_A = {
  type: 'object',
  properties: { kind: { const: 'a' }, x: { type: 'string' } },
  required: ['kind', 'x'],
}
const ITEM_B = {
  type: 'object',
  properties: { kind: { const: 'b' }, y: { type: 'integer' } },
  required: ['kind', 'y'],
}

/** `[message, keyword, params]` of each error after collapsing. */
type Collapsed = [message: string | undefined, keyword: string, params: Record<string, unknown>]

const cases: [title: string, ajv: ErrorObject[], collapsed: Collapsed[]][] = [
  [
    'a discriminated union: the errors of the branch whose literal the input has',
    [
      failed('required', '/body', '#/properties/body/anyOf/0/required', { missingProperty: 'x' }),
      failed('const', '/body/kind', '#/properties/body/anyOf/0/properties/kind/const', { allowedValue: 'a' }),
      failed('type', '/body/y', '#/properties/body/anyOf/1/properties/y/type', { type: 'integer' }),
      union('/body', '#/properties/body/anyOf', [ITEM_A, ITEM_B]),
    ],
    [['type /body/y', 'type', { type: 'integer' }]],
  ],
  [
    'a union of literals: one enum error listing them',
    [
      failed('const', '/body', '#/properties/body/anyOf/0/const', { allowedValue: 'a' }),
      failed('const', '/body', '#/properties/body/anyOf/1/const', { allowedValue: 'b' }),
      union('/body', '#/properties/body/anyOf', [{ const: 'a' }, { const: 'b' }]),
    ],
    [['anyOf /body', 'enum', { allowedValues: ['a', 'b'] }]],
  ],
  [
    'a nullable value: the errors of the branch that is not null',
    [
      failed('type', '/body', '#/properties/body/anyOf/0/type', { type: 'string' }),
      failed('type', '/body', '#/properties/body/anyOf/1/type', { type: 'null' }),
      union('/body', '#/properties/body/anyOf', [{ type: 'string' }, { type: 'null' }]),
    ],
    [['type /body', 'type', { type: 'string' }]],
  ],
  [
    'no branch the input was meant for: one union error',
    [
      failed('type', '/body', '#/properties/body/anyOf/0/type', { type: 'string' }),
      failed('type', '/body', '#/properties/body/anyOf/1/type', { type: 'integer' }),
      union('/body', '#/properties/body/anyOf', [{ type: 'string' }, { type: 'integer' }]),
    ],
    [['anyOf /body', 'union', {}]],
  ],
  [
    'oneOf, as anyOf',
    [
      failed('type', '/body', '#/properties/body/oneOf/0/type', { type: 'string' }),
      failed('type', '/body', '#/properties/body/oneOf/1/type', { type: 'integer' }),
      union('/body', '#/properties/body/oneOf', [{ type: 'string' }, { type: 'integer' }], 'oneOf'),
    ],
    [['oneOf /body', 'union', {}]],
  ],
  [
    'a branch that is a shared schema: its errors come from that schema document',
    [
      failed('type', '/body/x', 'fastbox-loose:X/properties/x/type', { type: 'string' }),
      failed('type', '/body', '#/properties/body/anyOf/1/type', { type: 'integer' }),
      union('/body', '#/properties/body/anyOf', [{ $ref: 'fastbox-loose:X' }, { type: 'integer' }]),
    ],
    [['type /body/x', 'type', { type: 'string' }]],
  ],
  [
    'nested unions: the inner one collapsed first, inside the outer run',
    [
      failed('const', '/body/kind', '#/properties/body/anyOf/0/properties/kind/anyOf/0/const', {
        allowedValue: 'a',
      }),
      failed('const', '/body/kind', '#/properties/body/anyOf/0/properties/kind/anyOf/1/const', {
        allowedValue: 'b',
      }),
      union('/body/kind', '#/properties/body/anyOf/0/properties/kind/anyOf', [
        { const: 'a' },
        { const: 'b' },
      ]),
      failed('type', '/body', '#/properties/body/anyOf/1/type', { type: 'null' }),
      union('/body', '#/properties/body/anyOf', [
        { type: 'object', properties: { kind: { anyOf: [{ const: 'a' }, { const: 'b' }] } } },
        { type: 'null' },
      ]),
    ],
    [['anyOf /body/kind', 'enum', { allowedValues: ['a', 'b'] }]],
  ],
  [
    'several unions in one list, each collapsed on its own; other errors kept in place',
    [
      failed('minimum', '/body/n', '#/properties/body/properties/n/minimum', { limit: 1 }),
      failed('type', '/body/a', '#/properties/body/properties/a/anyOf/0/type', { type: 'string' }),
      failed('type', '/body/a', '#/properties/body/properties/a/anyOf/1/type', { type: 'null' }),
      union('/body/a', '#/properties/body/properties/a/anyOf', [{ type: 'string' }, { type: 'null' }]),
      failed('type', '/body/b', '#/properties/body/properties/b/anyOf/0/type', { type: 'string' }),
      failed('type', '/body/b', '#/properties/body/properties/b/anyOf/1/type', { type: 'null' }),
      union('/body/b', '#/properties/body/properties/b/anyOf', [{ type: 'string' }, { type: 'null' }]),
    ],
    [
      ['minimum /body/n', 'minimum', { limit: 1 }],
      ['type /body/a', 'type', { type: 'string' }],
      ['type /body/b', 'type', { type: 'string' }],
    ],
  ],
]

describe('collapseUnions', () => {
  it.each(cases)('%s', (_title, ajv, collapsed) => {
    expect(
      collapseUnions(ajv).map((error): Collapsed => [error.message, error.keyword, error.params]),
    ).toEqual(collapsed)
  })

  it('returns the list itself when it holds no union error', () => {
    const errors = [failed('type', '/body/a', '#/properties/body/properties/a/type', { type: 'string' })]
    expect(collapseUnions(errors)).toBe(errors)
  })

  it('does not change the errors it is given', () => {
    const errors = cases[1]?.[1] ?? []
    const before = structuredClone(errors)
    collapseUnions(errors)
    expect(errors).toEqual(before)
  })
})
