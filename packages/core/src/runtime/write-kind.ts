/**
 * @module
 * Writes a response kind (`html()`, `redirect()`, `jsonLines(Item)`, ...; see `spec/response-kinds.ts`)
 * through Fastify's reply: strings and streams are sent as they are, redirects by `reply.redirect`, files by
 * `@fastify/send`. Each item of a JSON Lines or event stream is validated and filtered through the item
 * schema and written by Fastify's serializer for it; an invalid item ends the stream (before the first
 * byte: a 500, as for any response; after it: the connection is cut and Fastify logs the error), and
 * nothing of it is sent. When the client goes away, Fastify destroys the stream, which returns the
 * handler's generator (its `finally` runs).
 */
import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ResponseModel } from '../analysis/model.ts'
import { ResponseValidationError, type ValidationErrorItem } from '../http/errors.ts'
import { kResponseKind, ServerSentEvent, type ServerSentEventFields } from '../spec/response-kinds.ts'
import { toErrorItems } from '../validation/error-items.ts'
import { eventProblem, formatEvent, withKeepAlive } from './event-stream.ts'
import { sendFile } from './file-response.ts'

/** Errors listed when an item fails its schema: enough to find the bug, bounded for the log. */
const LOGGED_ITEM_ERRORS = 20

/** A response kind's body that is not what the kind takes: a 500, logged as any invalid response. */
function invalid(status: number, type: string, msg: string): ResponseValidationError {
  return new ResponseValidationError(status, [{ type, loc: ['response'], msg }])
}

/** Writes `body` as `response`'s kind (a response model whose `kind` is set). */
export function writeKind(
  response: ResponseModel,
  body: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | Promise<FastifyReply> {
  const { kind, status } = response
  if (kind === undefined) throw new TypeError('writeKind needs a response kind')
  switch (kind[kResponseKind]) {
    case 'html':
    case 'text':
      if (typeof body !== 'string') throw invalid(status, 'string_type', 'Input should be a valid string')
      return reply.code(status).type(`${kind.mediaType}; charset=utf-8`).send(body)
    case 'redirect':
      if (typeof body !== 'string' && !(body instanceof URL))
        throw invalid(status, 'url_type', 'Input should be a valid URL')
      return reply.redirect(quoteUrl(String(body)), status)
    case 'file':
      return sendFile(kind.mediaType, status, body, request, reply)
    case 'stream':
      return reply
        .code(status)
        .type(kind.mediaType ?? 'application/octet-stream')
        .send(toStream(body, status))
    case 'jsonLines': {
      const write = itemWriter(response, reply)
      return reply
        .code(status)
        .type('application/jsonl')
        .send(Readable.from(mapItems(items(body, status), (item) => `${write(item)}\n`)))
    }
    case 'eventStream': {
      const write = itemWriter(response, reply)
      const frames = mapItems(items(body, status), (item) => eventFrame(item, write, status))
      // Proxies must not buffer or cache the stream (FastAPI's headers).
      return reply
        .code(status)
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(Readable.from(withKeepAlive(frames, kind.keepAlive ?? 15)))
    }
  }
}

/** Validates, filters and serializes one item with the route's compiled item schema. */
function itemWriter(response: ResponseModel, reply: FastifyReply): (item: unknown) => string {
  const serialize = reply.compileSerializationSchema(response.serializerSchema, String(response.status)) as (
    item: unknown,
  ) => string
  const { validate, shape, status } = response
  return (item) => {
    if (!validate(item)) {
      throw new ResponseValidationError(
        status,
        toErrorItems(validate.errors ?? [], LOGGED_ITEM_ERRORS).map(withoutInput),
      )
    }
    return serialize(shape === undefined ? item : shape(item))
  }
}

function eventFrame(item: unknown, write: (item: unknown) => string, status: number): string {
  if (!(item instanceof ServerSentEvent)) return formatEvent({}, write(item))
  const fields = item.fields as ServerSentEventFields<unknown>
  const problem = eventProblem(fields)
  if (problem !== undefined) throw invalid(status, 'value_error', problem)
  return formatEvent(fields, fields.data === undefined ? undefined : write(fields.data))
}

/** The items of a JSON Lines or event stream: the handler's (async) iterable. */
function items(body: unknown, status: number): AsyncIterator<unknown> | Iterator<unknown> {
  if (typeof body === 'object' && body !== null) {
    if (Symbol.asyncIterator in body) return (body as AsyncIterable<unknown>)[Symbol.asyncIterator]()
    if (Symbol.iterator in body) return (body as Iterable<unknown>)[Symbol.iterator]()
  }
  throw invalid(status, 'iterable_type', 'Input should be an iterable (such as an async generator)')
}

/**
 * `source`'s items written by `write`. Leaving early (the client went away, or an item failed) returns
 * `source`, so a generator's `finally` runs.
 */
async function* mapItems(
  source: AsyncIterator<unknown> | Iterator<unknown>,
  write: (item: unknown) => string,
): AsyncGenerator<string, void, undefined> {
  let done = false
  try {
    while (true) {
      const next = await source.next()
      if (next.done === true) {
        done = true
        return
      }
      yield write(next.value)
    }
  } finally {
    if (!done) await source.return?.()
  }
}

/** A `stream()` body as a Node stream (web streams Fastify sends as they are). */
function toStream(body: unknown, status: number): unknown {
  if (typeof body === 'object' && body !== null) {
    if (typeof (body as { pipe?: unknown }).pipe === 'function') return body
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) return body
    if (Symbol.asyncIterator in body || Symbol.iterator in body)
      return Readable.from(body as AsyncIterable<unknown>, { objectMode: false })
  }
  throw invalid(status, 'stream_type', 'Input should be a stream or an iterable of chunks')
}

/**
 * A redirect target as Starlette's `RedirectResponse` quotes it (`quote(url, safe=":/%#?=@[]!$&'()*+,;")`):
 * characters outside the URL syntax are percent-encoded as UTF-8, so the `Location` header is valid.
 */
export function quoteUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9_.\-~:/%#?=@[\]!$&'()*+,;]/gu, (char) => encodeURIComponent(char))
}

/** The bad values stay out of the error (which is logged): they may be secrets. */
function withoutInput({ input: _input, ...item }: ValidationErrorItem): ValidationErrorItem {
  return item
}
