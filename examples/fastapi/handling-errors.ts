// FastAPI's "Handling Errors" tutorials, ported: docs_src/handling_errors/tutorial001_py310.py ... tutorial006_py310.py,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, HTTPException, RequestValidationError, t } from 'fastbox'

const items: Record<string, string> = { foo: 'The Foo Wrestlers' }

/** tutorial001: `raise HTTPException(status_code=404, detail="Item not found")`. */
export const tutorial001 = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() } },
  function readItem({ path }) {
    const item = items[path.item_id]
    if (item === undefined) throw new HTTPException(404, 'Item not found')
    return { item }
  },
)

/** tutorial002: an HTTPException with headers. */
export const tutorial002 = createApp().get(
  '/items-header/{item_id}',
  { path: { item_id: t.String() } },
  function readItemHeader({ path }) {
    const item = items[path.item_id]
    if (item === undefined)
      throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' })
    return { item }
  },
)

/** tutorial003: a custom exception and its handler. */
export class UnicornException extends Error {
  constructor(readonly unicornName: string) {
    super(`Unicorn ${unicornName}`)
  }
}

export const tutorial003 = createApp().get(
  '/unicorns/{name}',
  { path: { name: t.String() } },
  function readUnicorn({ path }) {
    if (path.name === 'yolo') throw new UnicornException(path.name)
    return { unicorn_name: path.name }
  },
)
tutorial003.exceptionHandler(UnicornException, (error, { reply }) =>
  reply.status(418).send({ message: `Oops! ${error.unicornName} did something. There goes a rainbow...` }),
)

const readItem = ({ path }: { path: { item_id: number } }) => {
  if (path.item_id === 3) throw new HTTPException(418, "Nope! I don't like 3.")
  return { item_id: path.item_id }
}

/** tutorial004: the default handlers replaced by plain-text answers. */
export const tutorial004 = createApp().get('/items/{item_id}', { path: { item_id: t.Integer() } }, readItem)
tutorial004.exceptionHandler(HTTPException, (error, { reply }) =>
  reply.status(error.status).type('text/plain; charset=utf-8').send(String(error.detail)),
)
tutorial004.exceptionHandler(RequestValidationError, (error, { reply }) => {
  let message = 'Validation errors:'
  // Python prints a tuple: `Field: ('path', 'item_id'), Error: ...`.
  for (const item of error.errors)
    message += `\nField: (${item.loc.map((part) => `'${part}'`).join(', ')}), Error: ${item.msg}`
  return reply.status(400).type('text/plain; charset=utf-8').send(message)
})

/**
 * tutorial005: the 422 with the body the client sent. FastAPI reads it from `exc.body`; a Fastbox handler reads
 * the request's (`request.body`, as it was parsed).
 */
export const tutorial005 = createApp().post(
  '/items/',
  { body: t.Object({ title: t.String(), size: t.Integer() }) },
  function createItem({ body }) {
    return body
  },
)
tutorial005.exceptionHandler(RequestValidationError, (error, { request, reply }) =>
  reply.status(422).send({ detail: error.errors, body: request.body }),
)

/**
 * tutorial006: handlers that log, then answer as the defaults do. FastAPI's handlers call its default handlers;
 * Fastbox exports none, so they write the default answers themselves.
 */
export const logged: string[] = []
export const tutorial006 = createApp().get('/items/{item_id}', { path: { item_id: t.Integer() } }, readItem)
tutorial006.exceptionHandler(HTTPException, (error, { reply }) => {
  logged.push(`OMG! An HTTP error!: ${error.status} ${JSON.stringify(error.detail)}`)
  return reply.status(error.status).headers(error.headers).send({ detail: error.detail })
})
tutorial006.exceptionHandler(RequestValidationError, (error, { reply }) => {
  logged.push(`OMG! The client sent invalid data!: ${error.message}`)
  return reply.status(422).send({ detail: error.errors })
})
