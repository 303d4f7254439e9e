import { describe, expect, it } from 'vitest'
import { createApp } from '../app/app.ts'
import { FastboxError } from '../http/errors.ts'
import { joinPaths, parsePath } from './path.ts'

function parseError(path: string): FastboxError {
  try {
    parsePath(path)
  } catch (error) {
    if (error instanceof FastboxError) return error
    throw error
  }
  throw new Error(`parsePath(${JSON.stringify(path)}) did not throw`)
}

describe('parsePath', () => {
  it('reads `{name}` parameters', () => {
    expect(parsePath('/users/{user_id}/items/{item_id}')).toEqual({
      fastify: '/users/:user_id/items/:item_id',
      openapi: '/users/{user_id}/items/{item_id}',
      params: ['user_id', 'item_id'],
      wildcard: undefined,
    })
  })

  it("reads Fastify's `:name` parameters, alone or mixed with `{name}`", () => {
    expect(parsePath('/items/:item_id')).toEqual({
      fastify: '/items/:item_id',
      openapi: '/items/{item_id}',
      params: ['item_id'],
      wildcard: undefined,
    })
    expect(parsePath('/users/{user_id}/items/:item_id')).toEqual({
      fastify: '/users/:user_id/items/:item_id',
      openapi: '/users/{user_id}/items/{item_id}',
      params: ['user_id', 'item_id'],
      wildcard: undefined,
    })
  })

  it('turns `{name:path}` into the wildcard', () => {
    expect(parsePath('/files/{file_path:path}')).toEqual({
      fastify: '/files/*',
      openapi: '/files/{file_path}',
      params: ['file_path'],
      wildcard: 'file_path',
    })
  })

  it('reads several parameters in one segment, split by "." or "-"', () => {
    expect(parsePath('/files/{name}.{ext}')).toEqual({
      fastify: '/files/:name.:ext',
      openapi: '/files/{name}.{ext}',
      params: ['name', 'ext'],
      wildcard: undefined,
    })
    expect(parsePath('/range/{start}-{end}')).toEqual({
      fastify: '/range/:start-:end',
      openapi: '/range/{start}-{end}',
      params: ['start', 'end'],
      wildcard: undefined,
    })
    expect(parsePath('/files/:name.:ext').params).toEqual(['name', 'ext'])
  })

  it('leaves static paths alone', () => {
    expect(parsePath('/')).toEqual({ fastify: '/', openapi: '/', params: [], wildcard: undefined })
    expect(parsePath('/api/v1/items')).toEqual({
      fastify: '/api/v1/items',
      openapi: '/api/v1/items',
      params: [],
      wildcard: undefined,
    })
  })

  it.each([
    ['items/{id}', 'it must start with "/"'],
    ['/items/{id', 'a "{" is never closed'],
    ['/items/{1id}', '"1id" is not a valid parameter name'],
    ['/items/{}', '"" is not a valid parameter name'],
    ['/files/{rest:path}/more', '{rest:path} must be the last segment'],
    ['/items/{id:int}', 'the converter ":int" is not supported (only ":path" is)'],
    ['/items/{id}/{id}', 'the parameter "id" appears twice'],
    ['/items/{id}/:id', 'the parameter "id" appears twice'],
    ['/items/:', 'a ":" must be followed by a parameter name'],
    ['/items/}', '"}" has no meaning here'],
    ['/files/*', '"*" has no meaning here'],
  ])('rejects %s', (path, reason) => {
    const error = parseError(path)
    expect(error.code).toBe('FASTBOX_ERR_INVALID_PATH')
    expect(error.message).toBe(`Invalid route path "${path}": ${reason}.`)
  })

  // Fastify's router reads a parameter name up to "/", "-" or ".": any other character would join the
  // name (a parameter "idabc" instead of "id"), so the route could never fill its declared parameter.
  it.each([
    ['/items/{id}abc', 'id'],
    ['/pair/{a}{b}', 'a'],
    ['/pair/{a}_{b}', 'a'],
    ['/items/{id}:publish', 'id'],
    ['/items/:id:publish', 'id'],
  ])('rejects %s, whose parameter the router would misread', (path, name) => {
    const error = parseError(path)
    expect(error.code).toBe('FASTBOX_ERR_INVALID_PATH')
    expect(error.message).toBe(
      `Invalid route path "${path}": the parameter "${name}" must be followed by "/", "-", "." or the end of the path.`,
    )
  })
})

describe('parsed paths route requests', () => {
  it('fills every parameter of the forms above', async () => {
    const app = createApp()
      .get('/files/{name}.{ext}', ({ path }) => path)
      .get('/range/:start-:end', ({ path }) => path)
      .get('/raw/{file_path:path}', ({ path }) => path)
    expect((await app.inject('/files/report.pdf')).json()).toEqual({ name: 'report', ext: 'pdf' })
    expect((await app.inject('/range/3-9')).json()).toEqual({ start: '3', end: '9' })
    expect((await app.inject('/raw/a/b/c.txt')).json()).toEqual({ file_path: 'a/b/c.txt' })
  })
})

describe('joinPaths', () => {
  it.each([
    ['', '/items', '/items'],
    ['/', '/items', '/items'],
    ['/api', '/items', '/api/items'],
    ['/api', '/', '/api/'],
    ['/api/v1', '/items/{item_id}', '/api/v1/items/{item_id}'],
    ['', '/', '/'],
  ])('joins %j and %j into %j', (prefix, path, joined) => {
    expect(joinPaths(prefix, path)).toBe(joined)
  })

  it.each(['/api/', 'api'])('refuses the prefix %j, as FastAPI does', (prefix) => {
    expect(() => joinPaths(prefix, '/items')).toThrow(/router prefix must start with "\/" and must not end/)
  })
})
