import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import { EXTRA_FORBIDDEN } from '../schema/request-schemas.ts'
import { inDeclarationOrder } from './error-order.ts'

// Ajv errors as `verbose` Ajv writes them, with what the ordering reads; each named by its `message`.

/** `name` missing from the object at `path`, whose declared fields are `fields`. */
function missing(path: string, name: string, fields: readonly string[]): ErrorObject {
  const properties = Object.fromEntries(fields.map((field) => [field, {}]))
  return {
    keyword: 'required',
    instancePath: path,
    schemaPath: '#/required',
    params: { missingProperty: name },
    parentSchema: { type: 'object', properties },
    message: `missing ${path}/${name}`,
  }
}

/** A failure of the value at `path` itself. */
function invalid(path: string, keyword = 'type'): ErrorObject {
  return {
    keyword,
    instancePath: path,
    schemaPath: `#/${keyword}`,
    params: {},
    message: `${keyword} ${path}`,
  }
}

/** An extra field at `path`, where the request schema forbids extras. */
function extra(path: string): ErrorObject {
  const parentSchema = { not: {}, [EXTRA_FORBIDDEN]: true }
  return {
    keyword: 'not',
    instancePath: path,
    schemaPath: '#/not',
    params: {},
    parentSchema,
    message: `extra ${path}`,
  }
}

/** An extra field `name` of the object at `path`, as a response schema's `additionalProperties: false` reports it. */
function additional(path: string, name: string): ErrorObject {
  return {
    keyword: 'additionalProperties',
    instancePath: path,
    schemaPath: '#/additionalProperties',
    params: { additionalProperty: name },
    message: `additional ${path}/${name}`,
  }
}

const cases: [title: string, ajv: ErrorObject[], ordered: string[]][] = [
  [
    'errors of declared fields stay as Ajv reports them',
    [invalid('/body/a'), invalid('/body/b', 'minLength')],
    ['type /body/a', 'minLength /body/b'],
  ],
  [
    'a missing field comes after the fields declared before it',
    [missing('/body', 'b', ['a', 'b', 'c']), invalid('/body/a'), invalid('/body/c')],
    ['type /body/a', 'missing /body/b', 'type /body/c'],
  ],
  [
    'several missing fields, each in its place',
    [missing('/body', 'a', ['a', 'b', 'c']), missing('/body', 'c', ['a', 'b', 'c']), invalid('/body/b')],
    ['missing /body/a', 'type /body/b', 'missing /body/c'],
  ],
  [
    'a missing field with nothing after it comes last',
    [missing('/body', 'c', ['a', 'b', 'c']), invalid('/body/a')],
    ['type /body/a', 'missing /body/c'],
  ],
  [
    'extra fields come after every declared field',
    [extra('/body/z'), invalid('/body/a'), invalid('/body/b')],
    ['type /body/a', 'type /body/b', 'extra /body/z'],
  ],
  [
    'missing fields before extra ones, whatever Ajv reports between them',
    [
      missing('/body', 'a', ['a', 'b', 'c']),
      missing('/body', 'c', ['a', 'b', 'c']),
      extra('/body/z'),
      invalid('/body/b'),
    ],
    ['missing /body/a', 'type /body/b', 'missing /body/c', 'extra /body/z'],
  ],
  [
    'the same with a response extra field',
    [missing('/body', 'c', ['a', 'b', 'c']), additional('/body', 'z'), invalid('/body/b')],
    ['type /body/b', 'missing /body/c', 'additional /body/z'],
  ],
  [
    "additionalProperties errors (a response's) come last as well",
    [additional('/body', 'z'), invalid('/body/a')],
    ['type /body/a', 'additional /body/z'],
  ],
  [
    'extra fields of an inner object come after its fields only',
    [extra('/body/user/z'), invalid('/body/user/name'), invalid('/body/n')],
    ['type /body/user/name', 'extra /body/user/z', 'type /body/n'],
  ],
  [
    'a missing inner field waits inside its object; the outer one after it',
    [
      missing('/body', 'n', ['user', 'n']),
      missing('/body/user', 'name', ['name', 'age']),
      invalid('/body/user/age'),
    ],
    ['missing /body/user/name', 'type /body/user/age', 'missing /body/n'],
  ],
  [
    'when several are done at once, the inner ones go first',
    [missing('/body', 'n', ['user', 'n']), missing('/body/user', 'name', ['name'])],
    ['missing /body/user/name', 'missing /body/n'],
  ],
  [
    'field names are read with JSON Pointer escapes undone',
    [missing('/body', 'c', ['a/b', 'c']), invalid('/body/a~1b')],
    ['type /body/a~1b', 'missing /body/c'],
  ],
  [
    'each parameter part is its own object',
    [missing('/query', 'q', ['q']), invalid('/path/id'), invalid('/query/limit')],
    ['missing /query/q', 'type /path/id', 'type /query/limit'],
  ],
  [
    'a missing field of an object without declared fields is not moved',
    [{ ...missing('/body', 'x', []), parentSchema: { type: 'object' } }, invalid('/body/a')],
    ['missing /body/x', 'type /body/a'],
  ],
]

describe('inDeclarationOrder', () => {
  it.each(cases)('%s', (_title, ajv, ordered) => {
    expect([...inDeclarationOrder(ajv)].map((error) => error.message)).toEqual(ordered)
  })

  it('passes the error objects on unchanged', () => {
    const errors = [missing('/body', 'b', ['a', 'b']), invalid('/body/a')]
    expect([...inDeclarationOrder(errors)]).toEqual([errors[1], errors[0]])
  })

  it('is lazy: the first item costs only the errors before it', () => {
    let read = 0
    const errors = new Proxy([invalid('/body/a'), invalid('/body/b'), invalid('/body/c')], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++
        return Reflect.get(target, key, receiver)
      },
    })
    const first = inDeclarationOrder(errors).next()
    expect(first.value?.message).toBe('type /body/a')
    expect(read).toBe(1)
  })
})
