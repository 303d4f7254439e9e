/**
 * @module
 * Pydantic v2's lax mode (FastAPI's default) for JSON values and parameter text: the conversions of its
 * conversion table that JSON can express, with pydantic-core's own text rules.
 *
 * | field   | accepts besides its own type                                                               |
 * | ------- | ------------------------------------------------------------------------------------------ |
 * | integer | a whole number (`2.0`), `true`/`false` (1/0), integer text (`" 42 "`, `"+1_000"`, `"3.00"`) |
 * | number  | `true`/`false` (1/0), number text (`"50.5"`, `" 1e3 "`, `".5"`, `"1_000.5"`)                 |
 * | boolean | `0`/`1` (`0.0`/`1.0`), the words `0 off f false n no` / `1 on t true y yes`, any case        |
 * | string  | strings only (never a number, a boolean or an object)                                      |
 *
 * `null` is never converted (no `null` → `0`), literals (`t.Literal`, `enum`) match exactly, and a union
 * takes a value that fits one of its branches exactly as it is before trying lax conversions in branch
 * order (Pydantic's "smart" unions). A value that cannot be converted is left as it is, for the validator to
 * report (`int_parsing`, `float_parsing`, `bool_parsing`, ...).
 */
import type { ScalarKind } from '../schema/scalar-kinds.ts'

/** A conversion of one position: the value converted, or the same value when it does not convert. */
export type Converter = (value: unknown) => unknown

/** Pydantic's integer text (jiter's integers, then `clean_int_str`): sign, digits, single `_`, `.0+`. */
const INT_TEXT = /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/

/** The common case, read without trimming or copying: an optional minus and up to 15 digits. */
const PLAIN_INT = /^-?\d{1,15}$/

/** Rust's `f64` text, which pydantic-core parses floats with (`inf`, `infinity` and `nan` included). */
const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf|infinity|nan)$/i

/** pydantic-core's `str_as_bool`: `"0"`/`"1"` and these words, any case; no trimming. */
const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['0', false],
  ['off', false],
  ['f', false],
  ['false', false],
  ['n', false],
  ['no', false],
  ['1', true],
  ['on', true],
  ['t', true],
  ['true', true],
  ['y', true],
  ['yes', true],
])

/**
 * Integer text as a number; `undefined` when the text is not an integer. A number beyond the safe range is
 * returned as the nearest double: the validator reports it (`int_parsing_size`), never rounds it silently.
 */
export function textToInt(text: string): number | undefined {
  if (PLAIN_INT.test(text)) return Number(text)
  const trimmed = text.trim()
  return INT_TEXT.test(trimmed) ? Number(trimmed.replaceAll('_', '')) : undefined
}

/** Number text as a number (possibly not finite: the validator reports it); `undefined` when it is not one. */
export function textToFloat(text: string): number | undefined {
  const trimmed = text.trim()
  if (FLOAT_TEXT.test(trimmed)) return parseFloatText(trimmed)
  // pydantic-core retries with underscores removed (not at either end, never two in a row), untrimmed.
  if (!text.includes('_') || text.includes('__') || text.startsWith('_') || text.endsWith('_'))
    return undefined
  const stripped = text.replaceAll('_', '')
  return FLOAT_TEXT.test(stripped) ? parseFloatText(stripped) : undefined
}

function parseFloatText(text: string): number {
  const last = text.at(-1)?.toLowerCase()
  if (last === 'n') return Number.NaN
  if (last === 'f' || last === 'y')
    return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  return Number(text)
}

/** A boolean word as a boolean; `undefined` for any other text. */
export function textToBool(text: string): boolean | undefined {
  return BOOL_WORDS.get(text.toLowerCase())
}

function toInt(value: unknown): unknown {
  if (typeof value === 'string') return textToInt(value) ?? value
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function toFloat(value: unknown): unknown {
  if (typeof value === 'string') return textToFloat(value) ?? value
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function toBool(value: unknown): unknown {
  if (typeof value === 'string') return textToBool(value) ?? value
  if (value === 0 || value === 1) return value === 1
  return value
}

const LAX: Readonly<Record<'int' | 'float' | 'bool', Converter>> = {
  int: toInt,
  float: toFloat,
  bool: toBool,
}

/** True when `value` fits `kind` as it is (Pydantic's strict match, which wins in a union). */
function fits(kind: ScalarKind, value: unknown): boolean {
  switch (kind) {
    case 'int':
      return Number.isInteger(value)
    case 'float':
      return typeof value === 'number'
    case 'bool':
      return typeof value === 'boolean'
    case 'str':
      return typeof value === 'string'
    case 'null':
      return value === null
    default:
      return kind.literal.includes(value)
  }
}

/**
 * The lax conversion of a position holding `kinds`, built once per position at compile time. One kind: its
 * conversion; a union: the value as it is when it fits a branch, else the first branch that converts it.
 */
export function laxConverter(kinds: readonly ScalarKind[]): Converter {
  const laxKinds = kinds.filter(
    (kind): kind is 'int' | 'float' | 'bool' => typeof kind === 'string' && kind in LAX,
  )
  if (kinds.length === 1 && laxKinds.length === 1) return LAX[laxKinds[0] as 'int' | 'float' | 'bool']
  const converters = laxKinds.map((kind) => LAX[kind])
  return (value) => {
    if (value === null || typeof value === 'object') return value
    for (const kind of kinds) if (fits(kind, value)) return value
    for (const convert of converters) {
      const converted = convert(value)
      if (converted !== value) return converted
    }
    return value
  }
}

/** Stands for text that is not a number: no validator coerces an object, so it is reported as it should be. */
export const NOT_A_NUMBER: object = Object.freeze({})

/**
 * The conversion of a parameter's (or form field's) text, for a position holding numbers or booleans and no
 * string: as in a lax body, except that text which is no number becomes {@link NOT_A_NUMBER}, so Ajv's own
 * coercion (which reads `"1e3"` as 1000 and `" "` as 0) never gets to it.
 */
export function textConverter(kinds: readonly ScalarKind[]): Converter {
  const only = kinds.length === 1 ? kinds[0] : undefined
  if (only === 'int')
    return (value) => (typeof value === 'string' ? (textToInt(value) ?? NOT_A_NUMBER) : value)
  if (only === 'float')
    return (value) => (typeof value === 'string' ? (textToFloat(value) ?? NOT_A_NUMBER) : value)
  if (only === 'bool') return (value) => (typeof value === 'string' ? (textToBool(value) ?? value) : value)
  const convert = laxConverter(kinds)
  const numeric = kinds.some((kind) => kind === 'int' || kind === 'float')
  return (value) => {
    const converted = convert(value)
    return numeric && typeof converted === 'string' ? NOT_A_NUMBER : converted
  }
}
