/**
 * Pydantic v2's lax conversions, value by value (pydantic-core's `str_as_int`, `str_as_float`, `str_as_bool`,
 * `float_as_int`, and its conversion table for JSON input). Over HTTP: `runtime/inputs-lax.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { laxConverter, NOT_A_NUMBER, textConverter, textToBool, textToFloat, textToInt } from './lax.ts'

describe('textToInt (str_as_int)', () => {
  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['+7', 7],
    ['-7', -7],
    ['007', 7],
    ['1_000', 1000],
    ['0_1', 1],
    ['3.0', 3],
    ['3.000', 3],
    ['-0', -0],
    ['9007199254740993', 9007199254740992],
  ])('reads %j as %j', (text, value) => {
    expect(textToInt(text)).toBe(value)
  })

  it.each([
    '',
    ' ',
    'x',
    '4.5',
    '1e3',
    '1.',
    '.0',
    '+-1',
    '--1',
    '_1',
    '1_',
    '1__0',
    '0x10',
    '1.0_0',
    'inf',
    '١٢',
  ])('refuses %j', (text) => {
    expect(textToInt(text)).toBeUndefined()
  })
})

describe('textToFloat (str_as_float)', () => {
  it.each([
    ['50.5', 50.5],
    [' 50.5\n', 50.5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['.5', 0.5],
    ['5.', 5],
    ['+1.5', 1.5],
    ['1_000.5', 1000.5],
    ['1e400', Number.POSITIVE_INFINITY],
    ['inf', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('reads %j as %j', (text, value) => {
    expect(textToFloat(text)).toBe(value)
  })

  it.each(['', 'x', '1,5', '0x10', '1e', ' 1_0', '_1', '1__0', 'infinit', '1.2.3'])('refuses %j', (text) => {
    expect(textToFloat(text)).toBeUndefined()
  })
})

describe('textToBool (str_as_bool)', () => {
  it.each([
    ['0', false],
    ['off', false],
    ['F', false],
    ['False', false],
    ['n', false],
    ['NO', false],
    ['1', true],
    ['On', true],
    ['t', true],
    ['TRUE', true],
    ['y', true],
    ['yes', true],
  ])('reads %j as %j', (text, value) => {
    expect(textToBool(text)).toBe(value)
  })

  it.each(['', ' 1', 'yes ', '2', 'maybe'])('refuses %j', (text) => {
    expect(textToBool(text)).toBeUndefined()
  })
})

describe('laxConverter (JSON values)', () => {
  it('converts to an integer from integer text and booleans only', () => {
    const int = laxConverter(['int'])
    expect([int('3'), int(true), int(false), int(2)]).toEqual([3, 1, 0, 2])
    for (const kept of ['x', '1.5', 1.5, null, [], {}]) expect(int(kept)).toBe(kept)
  })

  it('converts to a number from number text and booleans only', () => {
    const float = laxConverter(['float'])
    expect([float('2.5'), float(true), float(false)]).toEqual([2.5, 1, 0])
    for (const kept of ['x', null, [1]]) expect(float(kept)).toBe(kept)
  })

  it('converts to a boolean from 0, 1 and the words only', () => {
    const bool = laxConverter(['bool'])
    expect([bool(0), bool(1), bool('off'), bool('Yes')]).toEqual([false, true, false, true])
    for (const kept of [2, 0.5, 'maybe', null]) expect(bool(kept)).toBe(kept)
  })

  it('never converts null, and converts nothing to a string', () => {
    expect(laxConverter(['int', 'null'])(null)).toBe(null)
    expect(laxConverter(['str', 'int'])(null)).toBe(null)
    expect(laxConverter(['str', 'null'])).toBeTypeOf('function')
    expect(laxConverter(['str', 'bool'])(5)).toBe(5)
  })

  it('keeps, in a union, a value that fits a branch as it is; else tries the branches in order', () => {
    const intOrStr = laxConverter(['int', 'str'])
    expect(intOrStr('5')).toBe('5')
    expect(intOrStr(true)).toBe(1)
    const boolOrInt = laxConverter(['bool', 'int'])
    expect(boolOrInt(1)).toBe(1)
    expect(boolOrInt('1')).toBe(true)
    expect(boolOrInt('12')).toBe(12)
    const intOrFloat = laxConverter(['int', 'float'])
    expect(intOrFloat('1.5')).toBe(1.5)
    const intOrAll = laxConverter(['int', { literal: ['all'] }])
    expect(intOrAll('all')).toBe('all')
    expect(intOrAll('7')).toBe(7)
  })
})

describe('textConverter (parameters)', () => {
  it('stands text that is no number for NOT_A_NUMBER, so no validator coerces it', () => {
    const int = textConverter(['int'])
    expect(int('12')).toBe(12)
    expect(int('1e3')).toBe(NOT_A_NUMBER)
    expect(int(' ')).toBe(NOT_A_NUMBER)
    expect(textConverter(['float', 'null'])('x')).toBe(NOT_A_NUMBER)
    expect(textConverter(['bool'])('maybe')).toBe('maybe')
    expect(textConverter(['bool'])('off')).toBe(false)
  })
})
