/**
 * Type tests: what a handler returns for each response kind, and the items of JSON Lines and event streams.
 */
import { Readable } from 'node:stream'
import { describe, expectTypeOf, test } from 'vitest'
import {
  createApp,
  dateTime,
  eventStream,
  fileResponse,
  html,
  jsonLines,
  type ResponseOutput,
  redirect,
  type ServerSentEvent,
  sse,
  stream,
  t,
  text,
} from '../index.ts'

const Item = t.Object({ name: t.String(), at: dateTime() })

describe('kinds with a value', () => {
  test('html() and text() take a string', () => {
    createApp().get('/', { response: html() }, () => '<h1>Hi</h1>')
    createApp().get('/', { response: text() }, async () => 'Hello')
    // @ts-expect-error -- html() takes the markup as a string
    createApp().get('/', { response: html() }, () => ({ html: '<h1>Hi</h1>' }))
    // @ts-expect-error -- text() takes a string
    createApp().get('/', { response: text() }, () => 42)
    expectTypeOf<ResponseOutput<ReturnType<typeof html>>>().toEqualTypeOf<string>()
  })

  test('redirect() takes a URL, and the success status is 307', () => {
    createApp().get('/', { response: redirect() }, () => 'https://example.com')
    createApp().get('/', { status: 302, response: redirect() }, () => new URL('https://example.com'))
    // @ts-expect-error -- a redirect's target is a string or a URL
    createApp().get('/', { response: redirect() }, () => ({ url: 'https://example.com' }))
    createApp().get(
      '/items/{id}',
      { status: 307, response: { 307: redirect(), 404: html() } },
      ({ respond }) => respond(404, '<p>No such item</p>'),
    )
    createApp().get('/', { status: 307, response: { 307: redirect(), 404: html() } }, ({ respond }) =>
      // @ts-expect-error -- a 404 declared as html() takes a string
      respond(404, { detail: 'x' }),
    )
  })

  test('fileResponse() takes a path or { path, filename }', () => {
    createApp().get('/', { response: fileResponse() }, () => '/tmp/a.txt')
    createApp().get('/', { response: fileResponse() }, () => ({ path: '/tmp/a.txt', filename: 'a.txt' }))
    // @ts-expect-error -- a file needs its path
    createApp().get('/', { response: fileResponse() }, () => ({ filename: 'a.txt' }))
  })

  test('stream() takes a Node stream, a web stream or chunks', () => {
    createApp().get('/', { response: stream('video/mp4') }, () => Readable.from(['a']))
    createApp().get('/', { response: stream() }, () => new ReadableStream<Uint8Array>())
    createApp().get('/', { response: stream() }, async function* () {
      yield new Uint8Array([1])
      yield 'text'
    })
    // @ts-expect-error -- chunks are bytes or strings
    createApp().get('/', { response: stream() }, async function* () {
      yield 42
    })
  })
})

describe('item streams', () => {
  test('jsonLines(Item): the handler yields items, checked against the item schema', () => {
    createApp().get('/', { response: jsonLines(Item) }, async function* () {
      yield { name: 'a', at: new Date() }
      yield { name: 'b', at: '2025-01-01T00:00:00Z' }
    })
    createApp().get('/', { response: jsonLines(Item) }, () => [{ name: 'a', at: new Date() }])
    // @ts-expect-error -- `name` must be a string
    createApp().get('/', { response: jsonLines(Item) }, async function* () {
      yield { name: 1, at: new Date() }
    })
    // @ts-expect-error -- a stream, not one item
    createApp().get('/', { response: jsonLines(Item) }, () => ({ name: 'a', at: new Date() }))
    expectTypeOf<ResponseOutput<ReturnType<typeof jsonLines<typeof Item>>>>().toEqualTypeOf<
      AsyncIterable<{ name: string; at: string | Date }> | Iterable<{ name: string; at: string | Date }>
    >()
  })

  test('eventStream(Item): items or sse({ data: item, ... })', () => {
    createApp().get('/', { response: eventStream(Item) }, async function* () {
      yield { name: 'a', at: new Date() }
      yield sse({ data: { name: 'b', at: new Date() }, event: 'update', id: '2', retry: 1000 })
      yield sse({ comment: 'keep going' })
    })
    // @ts-expect-error -- the event's data must be an item
    createApp().get('/', { response: eventStream(Item) }, async function* () {
      yield sse({ data: { name: 1 }, event: 'update' })
    })
    createApp().get('/', { response: eventStream(Item) }, async function* () {
      // @ts-expect-error -- `retry` is milliseconds, a number
      yield sse({ data: { name: 'a', at: new Date() }, retry: '1000' })
    })
    expectTypeOf(sse({ data: 1 })).toEqualTypeOf<ServerSentEvent<number>>()
  })

  test('Last-Event-ID is a typed header', () => {
    createApp().get(
      '/',
      { headers: { last_event_id: t.Optional(t.Integer()) }, response: eventStream(Item) },
      async function* ({ headers }) {
        expectTypeOf(headers.last_event_id).toEqualTypeOf<number | undefined>()
        yield { name: 'a', at: new Date() }
      },
    )
  })
})
