import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import { toErrorItems } from './error-items.ts'

function failed(
  keyword: string,
  instancePath: string,
  data: unknown,
  extra: Partial<ErrorObject> = {},
): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params: { type: 'string' }, data, ...extra }
}

describe('toErrorItems', () => {
  it('collapses unions, orders the errors, then maps each to its item', () => {
    const errors: ErrorObject[] = [
      failed(
        'required',
        '/body',
        {},
        {
          params: { missingProperty: 'b' },
          parentSchema: { type: 'object', properties: { a: {}, b: {} } },
        },
      ),
      failed('type', '/body/a', 1, { schemaPath: '#/properties/body/properties/a/anyOf/0/type' }),
      failed('type', '/body/a', 1, {
        schemaPath: '#/properties/body/properties/a/anyOf/1/type',
        params: { type: 'null' },
      }),
      failed('anyOf', '/body/a', 1, {
        schemaPath: '#/properties/body/properties/a/anyOf',
        schema: [{ type: 'string' }, { type: 'null' }],
        params: {},
      }),
    ]
    expect(toErrorItems(errors, 10)).toEqual([
      { type: 'string_type', loc: ['body', 'a'], msg: 'Input should be a valid string', input: 1 },
      { type: 'missing', loc: ['body', 'b'], msg: 'Field required', input: {} },
    ])
  })

  it.each([
    [0, 0],
    [-1, 0],
    [2, 2],
    [10, 3],
  ])('lists at most the limit (%i → %i items)', (limit, count) => {
    const errors = ['/body/a', '/body/b', '/body/c'].map((path) => failed('type', path, 1))
    expect(toErrorItems(errors, limit)).toHaveLength(count)
  })

  it("skips Ajv's `if` errors: the branch's own errors say what failed", () => {
    const errors = [
      failed('if', '/body', {}, { params: { failingKeyword: 'then' } }),
      failed('type', '/body/a', 1),
    ]
    expect(toErrorItems(errors, 10).map((item) => item.loc)).toEqual([['body', 'a']])
  })

  it.each([
    ['a value', 'x', true],
    ['a small object', { a: [1, 2, 3] }, true],
    ['1000 values', Array.from({ length: 999 }, () => 0), true],
    ['more than 1000 values', Array.from({ length: 1000 }, () => 0), false],
    [
      'more than 1000 nested values',
      [Array.from({ length: 600 }, () => 0), Array.from({ length: 600 }, () => 0)],
      false,
    ],
  ])('echoes the input when it is small: %s', (_what, data, echoed) => {
    const [item] = toErrorItems([failed('type', '/body', data)], 1)
    expect(item !== undefined && 'input' in item).toBe(echoed)
  })
})
