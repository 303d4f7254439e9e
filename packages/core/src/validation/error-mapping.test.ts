import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { ValidationErrorItem } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { EXTRA_FORBIDDEN, NUMBER_CHECK } from '../schema/request-schemas.ts'
import { STRING_OR_DATE } from '../schema/response-schemas.ts'
import { UPLOAD } from '../schema/upload.ts'
import { KEYWORD_ITEMS, toItem } from './error-mapping.ts'

/** An Ajv error as `verbose` Ajv writes it, with what `toItem` reads. */
function ajv(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
  data: unknown,
  parentSchema: JsonSchema = {},
  message?: string,
): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params, data, parentSchema, ...(message && { message }) }
}

const extraForbidden = { not: {}, [EXTRA_FORBIDDEN]: true }

const cases: [title: string, error: ErrorObject, item: ValidationErrorItem][] = [
  // Missing and extra fields
  [
    'required: a body field (the object echoed)',
    ajv('required', '/body/user', { missingProperty: 'name' }, { age: 3 }),
    { type: 'missing', loc: ['body', 'user', 'name'], msg: 'Field required', input: { age: 3 } },
  ],
  [
    'required: the body itself (null)',
    ajv('required', '', { missingProperty: 'body' }, {}),
    { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
  ],
  [
    'required: a parameter (null)',
    ajv('required', '/query', { missingProperty: 'q' }, {}),
    { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null },
  ],
  [
    'dependentRequired',
    ajv(
      'dependentRequired',
      '/body',
      { property: 'a', missingProperty: 'b', deps: 'b', depsCount: 1 },
      { a: 1 },
    ),
    { type: 'missing', loc: ['body', 'b'], msg: 'Field required', input: { a: 1 } },
  ],
  [
    'not: an extra field where extras are forbidden',
    ajv('not', '/body/z', {}, 1, extraForbidden),
    { type: 'extra_forbidden', loc: ['body', 'z'], msg: 'Extra inputs are not permitted', input: 1 },
  ],
  [
    'additionalProperties',
    ajv('additionalProperties', '/body', { additionalProperty: 'z' }, { a: 1, z: 2 }),
    { type: 'extra_forbidden', loc: ['body', 'z'], msg: 'Extra inputs are not permitted', input: 2 },
  ],
  // Types
  [
    'type string in a body',
    ajv('type', '/body/name', { type: 'string' }, 5),
    { type: 'string_type', loc: ['body', 'name'], msg: 'Input should be a valid string', input: 5 },
  ],
  [
    'type string in a query (no parsing variant)',
    ajv('type', '/query/q', { type: 'string' }, ['a']),
    { type: 'string_type', loc: ['query', 'q'], msg: 'Input should be a valid string', input: ['a'] },
  ],
  [
    `${STRING_OR_DATE}: a response field that is neither a string nor a Date`,
    ajv(STRING_OR_DATE, '/at', { type: 'string' }, 12),
    { type: 'string_type', loc: ['at'], msg: 'Input should be a valid string', input: 12 },
  ],
  [
    'type integer in a body',
    ajv('type', '/body/n', { type: 'integer' }, 'x'),
    { type: 'int_type', loc: ['body', 'n'], msg: 'Input should be a valid integer', input: 'x' },
  ],
  [
    'type integer in a path (parsing)',
    ajv('type', '/path/id', { type: 'integer' }, 'x'),
    {
      type: 'int_parsing',
      loc: ['path', 'id'],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: 'x',
    },
  ],
  [
    'type integer given a fraction',
    ajv('type', '/body/n', { type: 'integer' }, 1.5),
    {
      type: 'int_from_float',
      loc: ['body', 'n'],
      msg: 'Input should be a valid integer, got a number with a fractional part',
      input: 1.5,
    },
  ],
  [
    'type number in a body',
    ajv('type', '/body/price', { type: 'number' }, 'x'),
    { type: 'float_type', loc: ['body', 'price'], msg: 'Input should be a valid number', input: 'x' },
  ],
  [
    'type number in a form field (parsing)',
    ajv('type', '/form/price', { type: 'number' }, 'x'),
    {
      type: 'float_parsing',
      loc: ['form', 'price'],
      msg: 'Input should be a valid number, unable to parse string as a number',
      input: 'x',
    },
  ],
  [
    'type boolean in a body',
    ajv('type', '/body/ok', { type: 'boolean' }, 'yes'),
    { type: 'bool_type', loc: ['body', 'ok'], msg: 'Input should be a valid boolean', input: 'yes' },
  ],
  [
    'type boolean in a header (parsing)',
    ajv('type', '/header/x-flag', { type: 'boolean' }, 'maybe'),
    {
      type: 'bool_parsing',
      loc: ['header', 'x-flag'],
      msg: 'Input should be a valid boolean, unable to interpret input',
      input: 'maybe',
    },
  ],
  [
    'type array in a cookie (no parsing variant)',
    ajv('type', '/cookie/ids', { type: 'array' }, 'x'),
    { type: 'list_type', loc: ['cookie', 'ids'], msg: 'Input should be a valid list', input: 'x' },
  ],
  [
    'type null',
    ajv('type', '/body/none', { type: 'null' }, 0),
    { type: 'none_required', loc: ['body', 'none'], msg: 'Input should be null', input: 0 },
  ],
  [
    'type number given a number that is not finite (a response, `strictNumbers`)',
    ajv('type', '/price', { type: 'number,null' }, Number.POSITIVE_INFINITY),
    {
      type: 'finite_number',
      loc: ['price'],
      msg: 'Input should be a finite number',
      input: Number.POSITIVE_INFINITY,
    },
  ],
  // Numbers
  [
    `${NUMBER_CHECK}: a number that is not finite`,
    ajv(NUMBER_CHECK, '/body/stock', {}, Number.NEGATIVE_INFINITY),
    {
      type: 'finite_number',
      loc: ['body', 'stock'],
      msg: 'Input should be a finite number',
      input: Number.NEGATIVE_INFINITY,
    },
  ],
  [
    `${NUMBER_CHECK}: an integer beyond the safe range`,
    ajv(NUMBER_CHECK, '/path/id', {}, 2 ** 53),
    {
      type: 'int_parsing_size',
      loc: ['path', 'id'],
      msg: 'Unable to parse input string as an integer, exceeded maximum size',
      input: 2 ** 53,
    },
  ],
  // Files
  [
    `${UPLOAD}: text sent for a file`,
    ajv(UPLOAD, '/form/file', {}, 'text'),
    {
      type: 'value_error',
      loc: ['form', 'file'],
      msg: "Value error, Expected UploadFile, received: <class 'str'>",
      input: 'text',
      ctx: { error: {} },
    },
  ],
  [
    'type object with declared fields (a model)',
    ajv('type', '/body', { type: 'object' }, 'x', { type: 'object', properties: { a: {} } }),
    {
      type: 'model_attributes_type',
      loc: ['body'],
      msg: 'Input should be a valid dictionary or object to extract fields from',
      input: 'x',
    },
  ],
  [
    'type object without declared fields (a dict)',
    ajv('type', '/body/tags', { type: 'object' }, [], { type: 'object', patternProperties: {} }),
    { type: 'dict_type', loc: ['body', 'tags'], msg: 'Input should be a valid dictionary', input: [] },
  ],
  [
    'type with a list of types',
    ajv('type', '/body/v', { type: 'string,null' }, 1),
    { type: 'type_error', loc: ['body', 'v'], msg: 'Input should be of type string or null', input: 1 },
  ],
  // Strings
  [
    'minLength',
    ajv('minLength', '/query/q', { limit: 3 }, 'ab'),
    {
      type: 'string_too_short',
      loc: ['query', 'q'],
      msg: 'String should have at least 3 characters',
      input: 'ab',
      ctx: { min_length: 3 },
    },
  ],
  [
    'maxLength (one character)',
    ajv('maxLength', '/query/q', { limit: 1 }, 'ab'),
    {
      type: 'string_too_long',
      loc: ['query', 'q'],
      msg: 'String should have at most 1 character',
      input: 'ab',
      ctx: { max_length: 1 },
    },
  ],
  [
    'pattern',
    ajv('pattern', '/query/q', { pattern: '^fixed$' }, 'x'),
    {
      type: 'string_pattern_mismatch',
      loc: ['query', 'q'],
      msg: "String should match pattern '^fixed$'",
      input: 'x',
      ctx: { pattern: '^fixed$' },
    },
  ],
  [
    'format',
    ajv('format', '/body/email', { format: 'email' }, 'x'),
    {
      type: 'string_format_mismatch',
      loc: ['body', 'email'],
      msg: "String should match format 'email'",
      input: 'x',
      ctx: { format: 'email' },
    },
  ],
  // Numbers
  [
    'minimum',
    ajv('minimum', '/path/id', { comparison: '>=', limit: 1 }, 0),
    {
      type: 'greater_than_equal',
      loc: ['path', 'id'],
      msg: 'Input should be greater than or equal to 1',
      input: 0,
      ctx: { ge: 1 },
    },
  ],
  [
    'exclusiveMinimum',
    ajv('exclusiveMinimum', '/path/id', { comparison: '>', limit: 0 }, 0),
    {
      type: 'greater_than',
      loc: ['path', 'id'],
      msg: 'Input should be greater than 0',
      input: 0,
      ctx: { gt: 0 },
    },
  ],
  [
    'maximum',
    ajv('maximum', '/query/size', { comparison: '<=', limit: 100 }, 101),
    {
      type: 'less_than_equal',
      loc: ['query', 'size'],
      msg: 'Input should be less than or equal to 100',
      input: 101,
      ctx: { le: 100 },
    },
  ],
  [
    'exclusiveMaximum',
    ajv('exclusiveMaximum', '/query/size', { comparison: '<', limit: 1.5 }, 2),
    {
      type: 'less_than',
      loc: ['query', 'size'],
      msg: 'Input should be less than 1.5',
      input: 2,
      ctx: { lt: 1.5 },
    },
  ],
  [
    'multipleOf',
    ajv('multipleOf', '/body/n', { multipleOf: 5 }, 7),
    {
      type: 'multiple_of',
      loc: ['body', 'n'],
      msg: 'Input should be a multiple of 5',
      input: 7,
      ctx: { multiple_of: 5 },
    },
  ],
  // Lists and dictionaries
  [
    'minItems',
    ajv('minItems', '/body/tags', { limit: 2 }, ['a']),
    {
      type: 'too_short',
      loc: ['body', 'tags'],
      msg: 'List should have at least 2 items after validation, not 1',
      input: ['a'],
      ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
    },
  ],
  [
    'maxItems (one item)',
    ajv('maxItems', '/body/tags', { limit: 1 }, ['a', 'b']),
    {
      type: 'too_long',
      loc: ['body', 'tags'],
      msg: 'List should have at most 1 item after validation, not 2',
      input: ['a', 'b'],
      ctx: { field_type: 'List', max_length: 1, actual_length: 2 },
    },
  ],
  [
    'minProperties',
    ajv('minProperties', '/body/map', { limit: 1 }, {}),
    {
      type: 'too_short',
      loc: ['body', 'map'],
      msg: 'Dictionary should have at least 1 item after validation, not 0',
      input: {},
      ctx: { field_type: 'Dictionary', min_length: 1, actual_length: 0 },
    },
  ],
  [
    'maxProperties',
    ajv('maxProperties', '/body/map', { limit: 1 }, { a: 1, b: 2 }),
    {
      type: 'too_long',
      loc: ['body', 'map'],
      msg: 'Dictionary should have at most 1 item after validation, not 2',
      input: { a: 1, b: 2 },
      ctx: { field_type: 'Dictionary', max_length: 1, actual_length: 2 },
    },
  ],
  [
    'uniqueItems',
    ajv('uniqueItems', '/body/ids', { i: 2, j: 0 }, [1, 2, 1]),
    {
      type: 'unique_items',
      loc: ['body', 'ids'],
      msg: 'List items should be unique',
      input: [1, 2, 1],
      ctx: { duplicates: [0, 2] },
    },
  ],
  // Literals and unions
  [
    'enum of strings',
    ajv('enum', '/path/model', { allowedValues: ['alexnet', 'resnet', 'lenet'] }, 'x'),
    {
      type: 'enum',
      loc: ['path', 'model'],
      msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
      input: 'x',
      ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
    },
  ],
  [
    'enum of numbers',
    ajv('enum', '/query/n', { allowedValues: [1, 2] }, 3),
    {
      type: 'enum',
      loc: ['query', 'n'],
      msg: 'Input should be 1 or 2',
      input: 3,
      ctx: { expected: '1 or 2' },
    },
  ],
  [
    'const',
    ajv('const', '/body/kind', { allowedValue: 'a' }, 'b'),
    {
      type: 'literal_error',
      loc: ['body', 'kind'],
      msg: "Input should be 'a'",
      input: 'b',
      ctx: { expected: "'a'" },
    },
  ],
  [
    'union (written by collapseUnions)',
    ajv('union', '/body/pet', {}, 5),
    {
      type: 'union_mismatch',
      loc: ['body', 'pet'],
      msg: 'Input should match one of the allowed schemas',
      input: 5,
    },
  ],
  // Anything else
  [
    'not, without the extra-field marker',
    ajv('not', '/body/v', {}, 1, { not: { type: 'integer' } }, 'must NOT be valid'),
    { type: 'value_error', loc: ['body', 'v'], msg: 'Value error, must NOT be valid', input: 1 },
  ],
  [
    'a keyword with no item of its own',
    ajv('contains', '/body/list', { minContains: 1 }, [], {}, 'must contain at least 1 valid item(s)'),
    {
      type: 'value_error',
      loc: ['body', 'list'],
      msg: 'Value error, must contain at least 1 valid item(s)',
      input: [],
    },
  ],
  [
    'a keyword with no item and no message',
    ajv('constructor', '/body/x', {}, 1),
    { type: 'value_error', loc: ['body', 'x'], msg: 'Value error, invalid value', input: 1 },
  ],
]

describe('toItem', () => {
  it.each(cases)('%s', (_title, error, item) => {
    expect(toItem(error)).toEqual(item)
  })

  it('has a case for every keyword of the mapping', () => {
    const covered = new Set(cases.map(([, error]) => error.keyword))
    expect(Object.keys(KEYWORD_ITEMS).filter((keyword) => !covered.has(keyword))).toEqual([])
  })

  it.each([
    ['integer', 'x', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
    ['number', '1,5', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
    ['boolean', 'maybe', 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
    ['boolean', 2, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
    ['boolean', 0.5, 'bool_type', 'Input should be a valid boolean'],
    ['integer', null, 'int_type', 'Input should be a valid integer'],
    ['string', 5, 'string_type', 'Input should be a valid string'],
  ])('in a lax body, type %s given %j is %s', (type, data, itemType, msg) => {
    expect(toItem(ajv('type', '/body/v', { type }, data), true)).toEqual({
      type: itemType,
      loc: ['body', 'v'],
      msg,
      input: data,
    })
  })

  it('writes items in the order FastAPI sends their keys', () => {
    const item = toItem(ajv('minLength', '/query/q', { limit: 3 }, 'ab'))
    expect(Object.keys(item)).toEqual(['type', 'loc', 'msg', 'input', 'ctx'])
  })

  it.each([
    ['', []],
    ['/body/items/0/qty', ['body', 'items', 0, 'qty']],
    ['/body/a~1b/c~0d/~01', ['body', 'a/b', 'c~d', '~1']],
    ['/body/01/-1/1.5', ['body', '01', '-1', '1.5']],
  ])('reads the loc %j from the instance path', (instancePath, loc) => {
    expect(toItem(ajv('union', instancePath, {}, null)).loc).toEqual(loc)
  })
})
