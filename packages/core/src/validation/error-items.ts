/**
 * @module
 * Ajv errors become FastAPI's 422 items `{ type, loc, msg, input, ctx? }`. The `type` names follow
 * Pydantic v2 where it has one (`missing`, `int_parsing`, `string_too_short`, ...); the full table is in
 * the README ("Validation errors").
 */
import type { ErrorObject } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { EXTRA_FORBIDDEN } from '../schema/request-schemas.ts'
import { STRING_OR_DATE } from '../schema/response-schemas.ts'

/** Most items a 422 lists; a hostile body must not make error reporting expensive. */
export const MAX_ERROR_ITEMS = 100

/**
 * Request parts whose values arrive as strings (their type errors are "parsing" errors); `form` is a form
 * body's fields, validated with the parameters and then reported under `"body"`.
 */
const STRING_PARTS = new Set(['path', 'query', 'header', 'cookie', 'form'])

/**
 * Converts Ajv errors of a validated holder object (`{ path, query, header, cookie }` or `{ body }`) into
 * items, the holder's key being the first `loc` entry. Unions report the branch the input was meant for;
 * items come in the order the fields are declared, as in FastAPI.
 */
export function toErrorItems(errors: readonly ErrorObject[], limit: number): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = []
  if (limit <= 0) return items
  for (const error of inDeclarationOrder(collapseUnions(errors))) {
    if (items.length >= limit) break
    if (error.keyword === 'if') continue
    const item = toItem(error)
    if (!isSmall(item.input)) delete item.input
    items.push(item)
  }
  return items
}

/** Most values an echoed `input` may hold; a larger input is left out of its item rather than sent back. */
const MAX_INPUT_VALUES = 1000

/** True when `value` holds at most {@link MAX_INPUT_VALUES} values, counted without recursion. */
function isSmall(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  const stack: unknown[] = [value]
  let count = 0
  while (stack.length > 0) {
    const next = stack.pop()
    if (++count > MAX_INPUT_VALUES) return false
    if (typeof next !== 'object' || next === null) continue
    const size = Array.isArray(next) ? next.length : Object.keys(next).length
    if (count + stack.length + size > MAX_INPUT_VALUES) return false
    for (const child of Object.values(next)) stack.push(child)
  }
  return true
}

function toItem(error: ErrorObject): ValidationErrorItem {
  const loc = toLoc(error.instancePath)
  const part = loc[0]
  const params = error.params as Record<string, unknown>
  const data: unknown = error.data
  const schema = error.parentSchema as JsonSchema | undefined
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
      if (!(error.parentSchema as JsonSchema | undefined)?.[EXTRA_FORBIDDEN]) break
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
    loc.push(
      /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment.replaceAll('~1', '/').replaceAll('~0', '~'),
    )
  }
  return loc
}

// ------------------------------------------------------------------------------------------------
// Order: Ajv reports all the missing fields of an object first and its extra fields before its declared
// ones; FastAPI lists the errors as the fields are declared, extra fields last. A `required` error waits
// while the errors of the fields declared before its own go by; an extra field, while any field's do.
// Lazy, so the caller's cap also bounds this work.
// ------------------------------------------------------------------------------------------------

interface Waiting {
  readonly error: ErrorObject
  /** The data path of the object the error is about. */
  readonly path: string
  /** The object's declared fields, and the rank of the missing one; `undefined` for an extra field. */
  readonly names: readonly string[] | undefined
  readonly rank: number
}

function* inDeclarationOrder(errors: readonly ErrorObject[]): Generator<ErrorObject> {
  // The waiting errors lie along one path, outer objects first: a later one belongs to a field that an
  // earlier one waits for. When several are done at once, the inner ones go first.
  let waiting: Waiting[] = []
  for (const error of errors) {
    if (waiting.length > 0) {
      const still: Waiting[] = []
      const done: Waiting[] = []
      for (const wait of waiting) (waitsFor(wait, error) ? still : done).push(wait)
      waiting = still
      yield* innerFirst(done)
    }
    const properties = (error.parentSchema as JsonSchema | undefined)?.properties
    const extraOf = extraObjectPath(error)
    if (error.keyword === 'required' && typeof properties === 'object' && properties !== null) {
      const names = Object.keys(properties)
      const rank = names.indexOf((error.params as { missingProperty: string }).missingProperty)
      waiting.push({ error, path: error.instancePath, names, rank })
    } else if (extraOf !== undefined) {
      waiting.push({ error, path: extraOf, names: undefined, rank: Number.POSITIVE_INFINITY })
    } else {
      yield error
    }
  }
  yield* innerFirst(waiting)
}

function innerFirst(done: Waiting[]): ErrorObject[] {
  if (done.length > 1) done.sort((a, b) => b.path.length - a.path.length)
  return done.map((wait) => wait.error)
}

/** True while `error` is one that should be listed before the waiting one. */
function waitsFor(wait: Waiting, error: ErrorObject): boolean {
  if (error.instancePath === wait.path) return error.keyword === 'required'
  const prefix = `${wait.path}/`
  if (!error.instancePath.startsWith(prefix)) return false
  if (wait.names === undefined) return extraObjectPath(error) !== wait.path
  const rest = error.instancePath.slice(prefix.length)
  const end = rest.indexOf('/')
  const name = (end === -1 ? rest : rest.slice(0, end)).replaceAll('~1', '/').replaceAll('~0', '~')
  const rank = wait.names.indexOf(name)
  return rank !== -1 && rank < wait.rank
}

/** For an extra-field error, the data path of its object. */
function extraObjectPath(error: ErrorObject): string | undefined {
  if (error.keyword === 'additionalProperties') return error.instancePath
  if (error.keyword !== 'not' || !(error.parentSchema as JsonSchema | undefined)?.[EXTRA_FORBIDDEN])
    return undefined
  return error.instancePath.slice(0, error.instancePath.lastIndexOf('/'))
}

// ------------------------------------------------------------------------------------------------
// Unions: Ajv reports every branch's errors plus one `anyOf` error. Report what the input was meant
// to be instead: the errors of the only branch whose shape it has (nulls aside), a literal error for a
// union of literals, or one `union_mismatch` item.
// ------------------------------------------------------------------------------------------------

function collapseUnions(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  if (!errors.some(isUnionError)) return errors
  // Ajv reports a failed union right after the errors of its branches, which form one run (an inner union's
  // run and replacement inside the outer's). One pass, so a list of many failed unions stays linear.
  const result: ErrorObject[] = []
  for (const error of errors) {
    if (!isUnionError(error)) {
      result.push(error)
      continue
    }
    let start = result.length
    while (start > 0 && isBranchError(result[start - 1] as ErrorObject, error)) start--
    for (const item of replaceUnion(error, result.splice(start))) result.push(item)
  }
  return result
}

/**
 * True for an error of the union's branches: at or under the union's data path, and either inside the
 * union's schema path or from another schema document (a shared schema a branch refers to by `$ref`,
 * whose errors have paths of their own).
 */
function isBranchError(error: ErrorObject, union: ErrorObject): boolean {
  const at = union.instancePath
  if (error.instancePath !== at && !error.instancePath.startsWith(`${at}/`)) return false
  if (error.schemaPath.startsWith(`${union.schemaPath}/`)) return true
  return !error.schemaPath.startsWith(union.schemaPath.slice(0, union.schemaPath.indexOf('/') + 1))
}

function replaceUnion(union: ErrorObject, branchErrors: ErrorObject[]): ErrorObject[] {
  const branches = ((union.schema ?? []) as JsonSchema[]).map((branch, index) => ({ branch, index }))
  if (branches.length > 0 && branches.every(({ branch }) => 'const' in branch)) {
    return [
      { ...union, keyword: 'enum', params: { allowedValues: branches.map(({ branch }) => branch.const) } },
    ]
  }
  const owners = branchOwners(union, branches, branchErrors)
  const errorsOf = (index: number) => branchErrors.filter((_, at) => owners[at] === index)
  // A branch "fits" unless the input failed its type or literal at the union's location, or a literal
  // property (a discriminator such as `kind: t.Literal('a')`) right under it.
  const fits = branches.filter(({ branch, index }) => {
    if (branch.type === 'null') return false
    return !errorsOf(index).some((error) => isMisfit(error, union.instancePath))
  })
  if (fits.length === 1) return errorsOf((fits[0] as { index: number }).index)
  const nonNull = branches.filter(({ branch }) => branch.type !== 'null')
  if (nonNull.length === 1) return errorsOf((nonNull[0] as { index: number }).index)
  return [{ ...union, keyword: 'union', params: {} }]
}

/**
 * The branch of each error: read from its schema path (`.../anyOf/1/...`, or the `$ref` a branch names);
 * an error from a schema deeper down a reference belongs to the branch of the error before it.
 */
function branchOwners(
  union: ErrorObject,
  branches: readonly { branch: JsonSchema; index: number }[],
  errors: readonly ErrorObject[],
): number[] {
  const prefix = `${union.schemaPath}/`
  const owners: number[] = []
  let current = -1
  for (const error of errors) {
    const path = error.schemaPath
    let owner = -1
    if (path.startsWith(prefix)) owner = Number.parseInt(path.slice(prefix.length), 10)
    else {
      for (const { branch, index } of branches) {
        const ref = branch.$ref
        if (typeof ref === 'string' && (path.startsWith(`${ref}/`) || path.startsWith(`${ref}#`)))
          owner = index
      }
    }
    if (owner !== -1) current = owner
    owners.push(current)
  }
  const first = owners.find((owner) => owner !== -1) ?? 0
  return owners.map((owner) => (owner === -1 ? first : owner))
}

function isMisfit(error: ErrorObject, at: string): boolean {
  if (error.instancePath === at) return SHAPE_KEYWORDS.has(error.keyword)
  if (error.keyword !== 'const' && error.keyword !== 'enum') return false
  const child = error.instancePath.slice(at.length)
  return child.startsWith('/') && child.indexOf('/', 1) === -1
}

const SHAPE_KEYWORDS = new Set(['type', 'const', 'enum', 'union'])

function isUnionError(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf'
}
