/**
 * Mistakes in a route declaration are coded {@link FastboxError}s thrown at registration, so a broken route
 * never starts: unknown path parameters, bodies for bodyless statuses, invalid statuses and paths.
 */
import { describe, expect, it } from 'vitest'
import { createApp, FastboxError, type FastboxErrorCode, t } from '../index.ts'

/** The error `register` throws, as `{ name, code, message }` (undefined when it does not throw). */
function registrationError(register: () => unknown) {
  try {
    register()
  } catch (error) {
    expect(error).toBeInstanceOf(FastboxError)
    const { name, code, message } = error as FastboxError
    return { name, code, message }
  }
  return undefined
}

function fastboxError(code: FastboxErrorCode, message: string) {
  return { name: 'FastboxError', code, message }
}

describe('configuration errors at registration', () => {
  it('FASTBOX_ERR_PATH_PARAM: a path schema naming a parameter the path lacks', () => {
    expect(
      registrationError(() =>
        // The types already reject this spec; `as never` lets the mistake reach run time.
        createApp().get(
          '/items/{item_id}',
          { path: { item_id: t.Integer(), id: t.Integer() } } as never,
          () => {},
        ),
      ),
    ).toEqual(
      fastboxError(
        'FASTBOX_ERR_PATH_PARAM',
        'Route GET /items/{item_id} declares the path parameter "id", which its path does not have.',
      ),
    )
    expect(
      registrationError(() =>
        // As above: rejected by the types, cast to reach run time.
        createApp().post('/items', { path: t.Object({ id: t.String() }) } as never, () => {}),
      ),
    ).toEqual(
      fastboxError(
        'FASTBOX_ERR_PATH_PARAM',
        'Route POST /items declares the path parameter "id", which its path does not have.',
      ),
    )
  })

  it('FASTBOX_ERR_BODYLESS_STATUS: a response schema for 204', () => {
    expect(
      registrationError(() =>
        createApp().delete('/items/{id}', { status: 204, response: t.Object({}) }, () => undefined),
      ),
    ).toEqual(
      fastboxError(
        'FASTBOX_ERR_BODYLESS_STATUS',
        'Route DELETE /items/{id} declares a response schema for status 204, which never has a body.',
      ),
    )
    expect(
      registrationError(() => createApp().get('/cached', { response: { 304: t.String() } }, () => null)),
    ).toEqual(
      fastboxError(
        'FASTBOX_ERR_BODYLESS_STATUS',
        'Route GET /cached declares a response schema for status 304, which never has a body.',
      ),
    )
  })

  it.each([99, 600, 200.5, Number.NaN])('FASTBOX_ERR_INVALID_STATUS: status %s', (code) => {
    expect(registrationError(() => createApp().get('/x', { status: code }, () => null))).toEqual(
      fastboxError(
        'FASTBOX_ERR_INVALID_STATUS',
        `Route GET /x uses the status ${code}, which is not an HTTP status code (100-599).`,
      ),
    )
  })

  it('FASTBOX_ERR_INVALID_STATUS: a response map key that is not a status', () => {
    expect(
      registrationError(() => createApp().get('/x', { response: { 1000: t.String() } }, () => null)),
    ).toEqual(
      fastboxError(
        'FASTBOX_ERR_INVALID_STATUS',
        'Route GET /x uses the status 1000, which is not an HTTP status code (100-599).',
      ),
    )
  })

  it.each([
    ['items', 'it must start with "/"'],
    ['/a/{b', 'a "{" is never closed'],
    ['/a/{b:int}', 'the converter ":int" is not supported (only ":path" is)'],
    ['/a/{}', '"" is not a valid parameter name'],
    ['/a/{1b}', '"1b" is not a valid parameter name'],
    ['/a/{b}/{b}', 'the parameter "b" appears twice'],
    ['/a/{rest:path}/b', '{rest:path} must be the last segment'],
    ['/a/b}', '"}" has no meaning here'],
  ])('FASTBOX_ERR_INVALID_PATH: %j', (path, reason) => {
    expect(registrationError(() => createApp().get(path, () => null))).toEqual(
      fastboxError('FASTBOX_ERR_INVALID_PATH', `Invalid route path "${path}": ${reason}.`),
    )
  })

  it('registers nothing from a rejected route: the app still starts and answers 404', async () => {
    const app = createApp()
    registrationError(() => app.get('/items/{id}', { status: 204, response: t.String() }, () => undefined))
    const response = await app.inject({ method: 'GET', url: '/items/1' })
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 404,
      body: { detail: 'Not Found' },
    })
  })
})
