/**
 * @module
 * One Ajv error becomes one of FastAPI's 422 items `{ type, loc, msg, input, ctx? }`. The `type` names follow
 * Pydantic v2 where it has one (`missing`, `int_parsing`, `string_too_short`, ...); the full table is in
 * the README ("Validation errors").
 */
import type { ErrorObject } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { NUMBER_CHECK } from '../schema/request-schemas.ts'
import { STRING_OR_DATE } from '../schema/response-schemas.ts'
import { UPLOAD } from '../schema/upload.ts'
import { isExtraForbidden, parentSchemaOf, unescapeSegment } from './ajv-error.ts'
import { uploadItem } from './upload-keyword.ts'

/**
 * Request parts whose values arrive as strings (their type errors are "parsing" errors); `form` is a form
 * body's fields, validated with the parameters and then reported under `"body"`.
 */
const STRING_PARTS = new Set(['path', 'query', 'header', 'cookie', 'form'])

type Loc = ValidationErrorItem['loc']

/**
 * What a keyword's entry reads: the error, its `loc` (the holder's key first), the failing value, and whether
 * the value was validated in Pydantic's lax mode (a JSON body's text for a number is then a parsing error).
 */
export interface Failure {
  readonly error: ErrorObject
  readonly loc: Loc
  readonly params: Readonly<Record<string, unknown>>
  readonly data: unknown
  readonly lax: boolean
}

/** Builds the item of one keyword's failure; `undefined` leaves it to the `value_error` fallback. */
export type ItemBuilder = (failure: Failure) => ValidationErrorItem | undefined

/** The mapping: Ajv keyword → its item. A keyword not listed here is a `value_error`. */
export const KEYWORD_ITEMS: Readonly<Record<string, ItemBuilder>> = {
  required: missingItem,
  dependentRequired: missingItem,
  not: ({ error, loc, data }) =>
    isExtraForbidden(error)
      ? { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input: data }
      : undefined,
  additionalProperties: ({ loc, params, data }) => {
    const name = params.additionalProperty as string
    loc.push(name)
    return {
      type: 'extra_forbidden',
      loc,
      msg: 'Extra inputs are not permitted',
      input: (data as JsonSchema)[name],
    }
  },
  [UPLOAD]: uploadItem,
  [STRING_OR_DATE]: ({ error, loc, data }) => typeItem(loc, 'string', data, parentSchemaOf(error), false),
  type: ({ error, loc, params, data, lax }) => {
    const expected = params.type as string
    // Parameters are text; in a lax body, text and (for a boolean) whole numbers were read as parsing does.
    const parsing =
      STRING_PARTS.has(loc[0] as string) ||
      (lax && (typeof data === 'string' || (expected === 'boolean' && Number.isInteger(data))))
    return typeItem(loc, expected, data, parentSchemaOf(error), parsing)
  },
  [NUMBER_CHECK]: ({ loc, data }) =>
    typeof data === 'number' && !Number.isFinite(data)
      ? finiteItem(loc, data)
      : {
          type: 'int_parsing_size',
          loc,
          msg: 'Unable to parse input string as an integer, exceeded maximum size',
          input: data,
        },
  minLength: ({ loc, params, data }) => ({
    type: 'string_too_short',
    loc,
    msg: `String should have at least ${plural(params.limit, 'character')}`,
    input: data,
    ctx: { min_length: params.limit },
  }),
  maxLength: ({ loc, params, data }) => ({
    type: 'string_too_long',
    loc,
    msg: `String should have at most ${plural(params.limit, 'character')}`,
    input: data,
    ctx: { max_length: params.limit },
  }),
  pattern: ({ loc, params, data }) => ({
    type: 'string_pattern_mismatch',
    loc,
    msg: `String should match pattern '${params.pattern}'`,
    input: data,
    ctx: { pattern: params.pattern },
  }),
  format: ({ loc, params, data }) => ({
    type: 'string_format_mismatch',
    loc,
    msg: `String should match format '${params.format}'`,
    input: data,
    ctx: { format: params.format },
  }),
  minimum: boundItem('greater_than_equal', 'greater than or equal to', 'ge'),
  exclusiveMinimum: boundItem('greater_than', 'greater than', 'gt'),
  maximum: boundItem('less_than_equal', 'less than or equal to', 'le'),
  exclusiveMaximum: boundItem('less_than', 'less than', 'lt'),
  multipleOf: ({ loc, params, data }) => ({
    type: 'multiple_of',
    loc,
    msg: `Input should be a multiple of ${params.multipleOf}`,
    input: data,
    ctx: { multiple_of: params.multipleOf },
  }),
  minItems: sizeItem('too_short'),
  minProperties: sizeItem('too_short'),
  maxItems: sizeItem('too_long'),
  maxProperties: sizeItem('too_long'),
  uniqueItems: ({ loc, params, data }) => ({
    type: 'unique_items',
    loc,
    msg: 'List items should be unique',
    input: data,
    ctx: { duplicates: [params.j, params.i] },
  }),
  enum: ({ loc, params, data }) => expectedItem(loc, data, 'enum', params.allowedValues as unknown[]),
  const: ({ loc, params, data }) => expectedItem(loc, data, 'literal_error', [params.allowedValue]),
  // Not an Ajv keyword: what `collapseUnions` writes for a union no branch of which the input was meant for.
  union: ({ loc, data }) => ({
    type: 'union_mismatch',
    loc,
    msg: 'Input should match one of the allowed schemas',
    input: data,
  }),
}

/**
 * The item of an Ajv error of a validated holder object (`{ path, query, header, cookie }` or `{ body }`),
 * the holder's key being the first `loc` entry; `lax` when the values were converted as Pydantic's lax mode
 * does (text that is not a number is then `int_parsing`, `float_parsing`, ..., as for parameters).
 */
export function toItem(error: ErrorObject, lax = false): ValidationErrorItem {
  const loc = toLoc(error.instancePath)
  const data: unknown = error.data
  const build = Object.hasOwn(KEYWORD_ITEMS, error.keyword) ? KEYWORD_ITEMS[error.keyword] : undefined
  const item = build?.({ error, loc, params: error.params as Record<string, unknown>, data, lax })
  return (
    item ?? { type: 'value_error', loc, msg: `Value error, ${error.message ?? 'invalid value'}`, input: data }
  )
}

function missingItem({ loc, params, data }: Failure): ValidationErrorItem {
  const part = loc[0]
  loc.push(params.missingProperty as string)
  // FastAPI echoes the object that lacks a body field, and `null` for a missing parameter or body.
  return {
    type: 'missing',
    loc,
    msg: 'Field required',
    input: part === 'body' && loc.length > 1 ? data : null,
  }
}

const TYPE_ITEMS: Record<string, [type: string, parsing: string, msg: string]> = {
  string: ['string_type', 'string_type', 'Input should be a valid string'],
  integer: ['int_type', 'int_parsing', 'Input should be a valid integer'],
  number: ['float_type', 'float_parsing', 'Input should be a valid number'],
  boolean: ['bool_type', 'bool_parsing', 'Input should be a valid boolean'],
  array: ['list_type', 'list_type', 'Input should be a valid list'],
  null: ['none_required', 'none_required', 'Input should be null'],
}

function finiteItem(loc: Loc, data: unknown): ValidationErrorItem {
  return { type: 'finite_number', loc, msg: 'Input should be a finite number', input: data }
}

/**
 * The item of a value of the wrong type; `parsing` when the value was read as text is (a parameter, or text
 * in a lax body) or is a whole number other than 0 or 1 given to a lax boolean (pydantic-core's `int_as_bool`).
 */
function typeItem(
  loc: Loc,
  expected: string,
  data: unknown,
  schema: JsonSchema | undefined,
  parsing: boolean,
): ValidationErrorItem {
  if (typeof data === 'number' && !Number.isFinite(data) && /\b(?:number|integer)\b/.test(expected)) {
    return finiteItem(loc, data)
  }
  if (expected === 'object') {
    return schema?.properties
      ? {
          type: 'model_attributes_type',
          loc,
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: data,
        }
      : { type: 'dict_type', loc, msg: 'Input should be a valid dictionary', input: data }
  }
  if (expected === 'integer' && typeof data === 'number' && Number.isFinite(data)) {
    return {
      type: 'int_from_float',
      loc,
      msg: 'Input should be a valid integer, got a number with a fractional part',
      input: data,
    }
  }
  const known = TYPE_ITEMS[expected]
  if (!known)
    return {
      type: 'type_error',
      loc,
      msg: `Input should be of type ${expected.replace(',', ' or ')}`,
      input: data,
    }
  const [type, parsingType, msg] = known
  if (!parsing || type === parsingType) return { type, loc, msg, input: data }
  const what =
    expected === 'boolean'
      ? 'unable to interpret input'
      : `unable to parse string as ${expected === 'integer' ? 'an integer' : 'a number'}`
  return { type: parsingType, loc, msg: `${msg}, ${what}`, input: data }
}

function boundItem(type: string, words: string, ctx: string): ItemBuilder {
  return ({ loc, params, data }) => {
    const limit = params.limit as number
    return { type, loc, msg: `Input should be ${words} ${limit}`, input: data, ctx: { [ctx]: limit } }
  }
}

function sizeItem(type: 'too_short' | 'too_long'): ItemBuilder {
  return ({ loc, params, data }) => {
    const limit = params.limit as number
    const isList = Array.isArray(data)
    const fieldType = isList ? 'List' : 'Dictionary'
    const actual = isList ? data.length : Object.keys(data as object).length
    const bound = type === 'too_short' ? 'at least' : 'at most'
    return {
      type,
      loc,
      msg: `${fieldType} should have ${bound} ${plural(limit, 'item')} after validation, not ${actual}`,
      input: data,
      ctx: {
        field_type: fieldType,
        [type === 'too_short' ? 'min_length' : 'max_length']: limit,
        actual_length: actual,
      },
    }
  }
}

function expectedItem(
  loc: Loc,
  data: unknown,
  type: string,
  allowed: readonly unknown[],
): ValidationErrorItem {
  const expected = describeChoices(allowed)
  return { type, loc, msg: `Input should be ${expected}`, input: data, ctx: { expected } }
}

/** `'a', 'b' or 'c'`, as Pydantic writes the choices of an enum. */
function describeChoices(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value)))
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

function plural(count: unknown, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** `/body/items/0/qty` → `['body', 'items', 0, 'qty']` (JSON Pointer escapes undone). */
function toLoc(instancePath: string): Loc {
  const loc: Loc = []
  for (const segment of instancePath.split('/').slice(1)) {
    loc.push(/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : unescapeSegment(segment))
  }
  return loc
}
