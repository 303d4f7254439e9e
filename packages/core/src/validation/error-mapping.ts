/**
 * @module
 * One Ajv error becomes one of FastAPI's 422 items `{ type, loc, msg, input, ctx? }`. The `type` names follow
 * Pydantic v2 where it has one (`missing`, `int_parsing`, `string_too_short`, ...); the full table is in
 * the README ("Validation errors").
 */
import type { ErrorObject } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { STRING_OR_DATE } from '../schema/response-schemas.ts'
import { isExtraForbidden, parentSchemaOf, unescapeSegment } from './ajv-error.ts'

/**
 * Request parts whose values arrive as strings (their type errors are "parsing" errors); `form` is a form
 * body's fields, validated with the parameters and then reported under `"body"`.
 */
const STRING_PARTS = new Set(['path', 'query', 'header', 'cookie', 'form'])

/**
 * The item of an Ajv error of a validated holder object (`{ path, query, header, cookie }` or `{ body }`),
 * the holder's key being the first `loc` entry. A keyword Pydantic has no name for is a `value_error`.
 */
export function toItem(error: ErrorObject): ValidationErrorItem {
  const loc = toLoc(error.instancePath)
  const part = loc[0]
  const params = error.params as Record<string, unknown>
  const data: unknown = error.data
  const schema = parentSchemaOf(error)
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      loc.push(params.missingProperty as string)
      // FastAPI echoes the object that lacks a body field, and `null` for a missing parameter or body.
      return {
        type: 'missing',
        loc,
        msg: 'Field required',
        input: part === 'body' && loc.length > 1 ? data : null,
      }
    case 'not':
      if (!isExtraForbidden(error)) break
      return { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input: data }
    case 'additionalProperties': {
      const name = params.additionalProperty as string
      loc.push(name)
      return {
        type: 'extra_forbidden',
        loc,
        msg: 'Extra inputs are not permitted',
        input: (data as JsonSchema)[name],
      }
    }
    case STRING_OR_DATE:
      return typeItem(loc, 'string', data, schema, false)
    case 'type':
      return typeItem(loc, params.type as string, data, schema, STRING_PARTS.has(part as string))
    case 'minLength':
      return limitItem(
        loc,
        data,
        'string_too_short',
        `String should have at least ${plural(params.limit, 'character')}`,
        { min_length: params.limit },
      )
    case 'maxLength':
      return limitItem(
        loc,
        data,
        'string_too_long',
        `String should have at most ${plural(params.limit, 'character')}`,
        { max_length: params.limit },
      )
    case 'pattern':
      return limitItem(
        loc,
        data,
        'string_pattern_mismatch',
        `String should match pattern '${params.pattern}'`,
        { pattern: params.pattern },
      )
    case 'format':
      return limitItem(loc, data, 'string_format_mismatch', `String should match format '${params.format}'`, {
        format: params.format,
      })
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return boundItem(loc, data, error.keyword, params.limit as number)
    case 'multipleOf':
      return limitItem(loc, data, 'multiple_of', `Input should be a multiple of ${params.multipleOf}`, {
        multiple_of: params.multipleOf,
      })
    case 'minItems':
    case 'minProperties':
      return sizeItem(loc, data, 'too_short', params.limit as number)
    case 'maxItems':
    case 'maxProperties':
      return sizeItem(loc, data, 'too_long', params.limit as number)
    case 'uniqueItems':
      return limitItem(loc, data, 'unique_items', 'List items should be unique', {
        duplicates: [params.j, params.i],
      })
    case 'enum':
      return expectedItem(loc, data, 'enum', params.allowedValues as unknown[])
    case 'const':
      return expectedItem(loc, data, 'literal_error', [params.allowedValue])
    case 'union':
      return {
        type: 'union_mismatch',
        loc,
        msg: 'Input should match one of the allowed schemas',
        input: data,
      }
  }
  return { type: 'value_error', loc, msg: `Value error, ${error.message ?? 'invalid value'}`, input: data }
}

const TYPE_ITEMS: Record<string, [type: string, parsing: string, msg: string]> = {
  string: ['string_type', 'string_type', 'Input should be a valid string'],
  integer: ['int_type', 'int_parsing', 'Input should be a valid integer'],
  number: ['float_type', 'float_parsing', 'Input should be a valid number'],
  boolean: ['bool_type', 'bool_parsing', 'Input should be a valid boolean'],
  array: ['list_type', 'list_type', 'Input should be a valid list'],
  null: ['none_required', 'none_required', 'Input should be null'],
}

function typeItem(
  loc: ValidationErrorItem['loc'],
  expected: string,
  data: unknown,
  schema: JsonSchema | undefined,
  fromString: boolean,
): ValidationErrorItem {
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
  const [type, parsing, msg] = known
  if (!fromString || type === parsing) return { type, loc, msg, input: data }
  const what =
    expected === 'boolean'
      ? 'unable to interpret input'
      : `unable to parse string as ${expected === 'integer' ? 'an integer' : 'a number'}`
  return { type: parsing, loc, msg: `${msg}, ${what}`, input: data }
}

const BOUNDS: Record<string, [type: string, words: string, ctx: string]> = {
  minimum: ['greater_than_equal', 'greater than or equal to', 'ge'],
  exclusiveMinimum: ['greater_than', 'greater than', 'gt'],
  maximum: ['less_than_equal', 'less than or equal to', 'le'],
  exclusiveMaximum: ['less_than', 'less than', 'lt'],
}

function boundItem(
  loc: ValidationErrorItem['loc'],
  data: unknown,
  keyword: string,
  limit: number,
): ValidationErrorItem {
  const [type, words, ctx] = BOUNDS[keyword] as [string, string, string]
  return { type, loc, msg: `Input should be ${words} ${limit}`, input: data, ctx: { [ctx]: limit } }
}

function sizeItem(
  loc: ValidationErrorItem['loc'],
  data: unknown,
  type: 'too_short' | 'too_long',
  limit: number,
): ValidationErrorItem {
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

function expectedItem(
  loc: ValidationErrorItem['loc'],
  data: unknown,
  type: string,
  allowed: readonly unknown[],
): ValidationErrorItem {
  const expected = describeChoices(allowed)
  return { type, loc, msg: `Input should be ${expected}`, input: data, ctx: { expected } }
}

function limitItem(
  loc: ValidationErrorItem['loc'],
  data: unknown,
  type: string,
  msg: string,
  ctx: Record<string, unknown>,
): ValidationErrorItem {
  return { type, loc, msg, input: data, ctx }
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
function toLoc(instancePath: string): ValidationErrorItem['loc'] {
  const loc: ValidationErrorItem['loc'] = []
  for (const segment of instancePath.split('/').slice(1)) {
    loc.push(/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : unescapeSegment(segment))
  }
  return loc
}
