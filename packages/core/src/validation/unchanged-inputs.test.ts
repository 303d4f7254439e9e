import { describe, expect, it } from 'vitest'
import type { ValidationErrorItem } from '../http/errors.ts'
import { inputsAreUnchanged } from './unchanged-inputs.ts'

const item = (type: string, input?: unknown): ValidationErrorItem => ({
  type,
  loc: ['body', 'v'],
  msg: 'x',
  ...(input === undefined ? {} : { input }),
})

describe('inputsAreUnchanged', () => {
  it('trusts text, null, absent inputs, and wrong-type numbers and booleans', () => {
    expect(
      inputsAreUnchanged([item('string_type', 1), item('bool_parsing', 2), item('int_parsing', 'x')], true),
    ).toBe(true)
    expect(inputsAreUnchanged([item('missing', null), item('extra_forbidden')], true)).toBe(true)
  })

  it('distrusts objects (defaults, dropped fields) and, in a lax body, numbers a conversion may have made', () => {
    expect(inputsAreUnchanged([item('missing', { a: 1 })], false)).toBe(false)
    expect(inputsAreUnchanged([item('too_short', [])], false)).toBe(false)
    expect(inputsAreUnchanged([item('greater_than_equal', 5)], true)).toBe(false)
    expect(inputsAreUnchanged([item('greater_than_equal', 5)], false)).toBe(true)
  })
})
