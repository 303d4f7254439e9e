import { describe, expect, it } from 'vitest'
import { FastboxError, type FastboxErrorCode } from './errors.ts'
import * as errors from './fastbox-errors.ts'

const cases: [error: FastboxError, code: FastboxErrorCode, message: string][] = [
  [
    new errors.InvalidPathError('/a/{', 'unclosed "{"'),
    'FASTBOX_ERR_INVALID_PATH',
    'Invalid route path "/a/{": unclosed "{".',
  ],
  [new errors.UnknownMethodError('FETCH'), 'FASTBOX_ERR_INVALID_SPEC', 'Unknown HTTP method "FETCH".'],
  [
    new errors.UnknownPathParamError('GET /items', 'id'),
    'FASTBOX_ERR_PATH_PARAM',
    'Route GET /items declares the path parameter "id", which its path does not have.',
  ],
  [
    new errors.InvalidPartError('query'),
    'FASTBOX_ERR_INVALID_SPEC',
    'The "query" part must be an object schema (t.Object({...})) or a record of schemas ({ name: t.String() }).',
  ],
  [
    new errors.InvalidBodyPartsError('PUT /items', 'names no part'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route PUT /items declares its body as named parts ({ name: schema }), but names no part.',
  ],
  [
    new errors.InvalidStatusError('GET /', 99.5),
    'FASTBOX_ERR_INVALID_STATUS',
    'Route GET / uses the status 99.5, which is not an HTTP status code (100-599).',
  ],
  [
    new errors.BodylessStatusSchemaError('DELETE /items/{id}', 204),
    'FASTBOX_ERR_BODYLESS_STATUS',
    'Route DELETE /items/{id} declares a response schema for status 204, which never has a body.',
  ],
  [
    new errors.DependencyCycleError('GET /'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route GET / has a dependency that depends on itself.',
  ],
  [
    new errors.TwoBodiesError('POST /'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route POST / and its dependencies declare different bodies; a request has one body: declare it once.',
  ],
  [
    new errors.JsonAndFormBodyError('POST /'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route POST / and its dependencies declare both a JSON body (body) and a form body (form); a request has one body: declare one of them.',
  ],
  [
    new errors.ConflictingParamSchemasError('GET /', 'query parameter', 'q'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route GET / reads the query parameter "q" with two different schemas (in the route or its dependencies).',
  ],
  [
    new errors.DuplicateSchemaIdError('Item'),
    'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
    'Two different schemas use the $id "Item". Give each schema its own $id, or reuse one schema object.',
  ],
  [
    new errors.DuplicateComponentError('Item', 'the 200 response of GET /'),
    'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
    'Two different schemas are documented as "Item" (the second in the 200 response of GET /). Give each its own $id.',
  ],
  [
    new errors.InvalidComponentNameError('a b'),
    'FASTBOX_ERR_INVALID_SPEC',
    'The schema $id "a b" cannot name an OpenAPI component: use only letters, digits, ".", "-" and "_".',
  ],
  [
    new errors.UnknownSchemaRefError('the body of POST /', 'Item', 'Item'),
    'FASTBOX_ERR_INVALID_SPEC',
    'The schema of the body of POST / refers to "Item", which is no shared schema: give the schema it means `$id: \'Item\'`.',
  ],
  [
    new errors.InvalidResponseKeyError('GET /', '6XX'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route GET / documents a response for "6XX": use a status code (100-599), a range such as "4XX", or "default".',
  ],
  [
    new errors.InvalidHandlerTimeoutError('GET /', -1),
    'FASTBOX_ERR_INVALID_SPEC',
    'Route GET / sets handlerTimeout to -1; it must be a whole number of milliseconds from 0 (none) to 2147483647.',
  ],
  [
    new errors.DuplicateOperationIdError('read', 'GET /a', 'GET /b'),
    'FASTBOX_ERR_INVALID_SPEC',
    'The operationId "read" is given to both GET /a and GET /b: operationIds must be unique.',
  ],
  [
    new errors.RedirectStatusError('GET /go', 200),
    'FASTBOX_ERR_INVALID_STATUS',
    'Route GET /go declares a redirect for status 200; a redirect answers a 3xx status other than 304.',
  ],
  [
    new errors.DuplicateSecuritySchemeError('key', 'GET /'),
    'FASTBOX_ERR_INVALID_SPEC',
    'Two different security schemes are named "key" (the second one used by GET /). Give each its own schemeName, or share one scheme dependency.',
  ],
]

describe('the configuration errors', () => {
  it('are all tested here', () => {
    expect(new Set(cases.map(([error]) => error.constructor))).toEqual(new Set(Object.values(errors)))
  })

  it.each(cases)('%s', (error, code, message) => {
    expect(error).toBeInstanceOf(FastboxError)
    expect(error).toBeInstanceOf(Error)
    expect({ name: error.name, code: error.code, message: error.message }).toEqual({
      name: 'FastboxError',
      code,
      message,
    })
    expect(error.stack?.startsWith(`FastboxError: ${message}\n`)).toBe(true)
    expect(String(error)).toBe(`FastboxError [${code}]: ${message}`)
  })

  it('start their stack where they are thrown', () => {
    const error = new errors.DependencyCycleError('GET /')
    expect(error.stack?.split('\n')[1]).toContain('fastbox-errors.test.ts')
  })

  it('write their arguments as template literals do', () => {
    expect(new errors.InvalidStatusError('GET /', -0).message).toContain('the status 0,')
    expect(new errors.InvalidStatusError('GET /', Number.NaN).message).toContain('the status NaN,')
    expect(new errors.UnknownMethodError('%s').message).toBe('Unknown HTTP method "%s".')
  })

  it('share instanceof by code, as @fastify/error errors do', () => {
    expect(new errors.TwoBodiesError('POST /')).toBeInstanceOf(errors.DependencyCycleError)
    expect(new errors.TwoBodiesError('POST /')).not.toBeInstanceOf(errors.InvalidPathError)
  })

  it('keep the FastboxError constructor for code that builds one', () => {
    const error = new FastboxError('FASTBOX_ERR_INVALID_SPEC', 'Something is off.')
    expect({ name: error.name, code: error.code, message: error.message }).toEqual({
      name: 'FastboxError',
      code: 'FASTBOX_ERR_INVALID_SPEC',
      message: 'Something is off.',
    })
  })
})
