/**
 * JSON Lines and Server-Sent Events through `app.inject()`: each item validated and filtered through the item
 * schema, framed as FastAPI frames it; an invalid item ends the stream, nothing of it sent.
 */
import { describe, expect, it } from 'vitest'
import { createApp, dateTime, dependency, eventStream, jsonLines, sse, t } from '../index.ts'

const Item = t.Object({ name: t.String(), description: t.Union([t.String(), t.Null()]) })
const items = [
  { name: 'Plumbus', description: 'A multi-purpose household device.', secret: 'x' },
  { name: 'Portal Gun', description: null, secret: 'y' },
]

function logged() {
  const lines: string[] = []
  return { lines, logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } } }
}

describe('jsonLines()', () => {
  it('writes one filtered item per line from an async generator (FastAPI stream_json_lines)', async () => {
    const app = createApp().get('/items/stream', { response: jsonLines(Item) }, async function* () {
      for (const item of items) yield item
    })
    const res = await app.inject('/items/stream')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/jsonl')
    expect(res.body).toBe(
      '{"name":"Plumbus","description":"A multi-purpose household device."}\n{"name":"Portal Gun","description":null}\n',
    )
  })

  it('takes a plain iterable, and writes dates as ISO strings', async () => {
    const Event = t.Object({ at: dateTime() })
    const app = createApp().get('/events', { response: jsonLines(Event) }, () => [
      { at: new Date('2025-01-01T00:00:00Z') },
    ])
    expect((await app.inject('/events')).body).toBe('{"at":"2025-01-01T00:00:00.000Z"}\n')
  })

  it('ends the stream at an invalid item, sends nothing of it, logs it and finishes the generator', async () => {
    const { lines, logger } = logged()
    let finished = false
    const app = createApp({ fastify: { logger } }).get(
      '/items/stream',
      { response: jsonLines(Item) },
      async function* () {
        try {
          yield items[0] as (typeof items)[0]
          yield { name: 42, description: 'leaked?' } as never
          yield items[1] as (typeof items)[1]
        } finally {
          finished = true
        }
      },
    )
    // The connection is cut after the first line: inject reports what arrived.
    const res = await app.inject('/items/stream').catch((error: unknown) => error)
    const body = res instanceof Error ? '' : (res as { body: string }).body
    expect(body).not.toContain('leaked?')
    expect(body).not.toContain('Portal Gun')
    expect(finished).toBe(true)
    expect(lines.join('')).toContain('does not match its schema')
  })

  it('answers 500 when the first item is invalid (nothing sent yet)', async () => {
    const { lines, logger } = logged()
    const app = createApp({ fastify: { logger } }).get(
      '/x',
      { response: jsonLines(Item) },
      async function* () {
        yield { name: 1 } as never
      },
    )
    const res = await app.inject('/x')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ detail: 'Internal Server Error' })
    expect(lines.join('')).toContain('ResponseValidationError')
  })
})

describe('eventStream()', () => {
  it('frames plain items as `data:` events (FastAPI server_sent_events/tutorial001)', async () => {
    const app = createApp().get('/items/stream', { response: eventStream(Item) }, async function* () {
      for (const item of items) yield item
    })
    const res = await app.inject('/items/stream')
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['x-accel-buffering']).toBe('no')
    expect(res.body).toBe(
      'data: {"name":"Plumbus","description":"A multi-purpose household device."}\n\n' +
        'data: {"name":"Portal Gun","description":null}\n\n',
    )
  })

  it('writes comment, event, data, id and retry fields (tutorial002)', async () => {
    const Priced = t.Object({ name: t.String(), price: t.Number() })
    const app = createApp().get('/items/stream', { response: eventStream(Priced) }, async function* () {
      yield sse({ comment: 'stream of item updates' })
      yield sse({ data: { name: 'Plumbus', price: 32.99 }, event: 'item_update', id: '1', retry: 5000 })
    })
    expect((await app.inject('/items/stream')).body).toBe(
      ': stream of item updates\n\n' +
        'event: item_update\ndata: {"name":"Plumbus","price":32.99}\nid: 1\nretry: 5000\n\n',
    )
  })

  it('sends raw data as it is, a line each (tutorial003, tutorial005)', async () => {
    const app = createApp().post(
      '/chat/stream',
      { body: t.Object({ text: t.String() }), response: eventStream(t.String()) },
      async function* ({ body }) {
        for (const word of body.text.split(' ')) yield sse({ data: word, event: 'token' })
        yield sse({ rawData: '[DONE]\nbye', event: 'done' })
      },
    )
    const res = await app.inject({ method: 'POST', url: '/chat/stream', payload: { text: 'hi there' } })
    expect(res.body).toBe(
      'event: token\ndata: "hi"\n\nevent: token\ndata: "there"\n\nevent: done\ndata: [DONE]\ndata: bye\n\n',
    )
  })

  it('reads Last-Event-ID as a header to resume (tutorial004)', async () => {
    const Priced = t.Object({ name: t.String(), price: t.Number() })
    const priced = [
      { name: 'Plumbus', price: 32.99 },
      { name: 'Portal Gun', price: 999.99 },
      { name: 'Meeseeks Box', price: 49.99 },
    ]
    const app = createApp().get(
      '/items/stream',
      { headers: { last_event_id: t.Optional(t.Integer()) }, response: eventStream(Priced) },
      async function* ({ headers }) {
        const start = headers.last_event_id === undefined ? 0 : headers.last_event_id + 1
        for (const [i, item] of priced.entries()) if (i >= start) yield sse({ data: item, id: String(i) })
      },
    )
    const res = await app.inject({ url: '/items/stream', headers: { 'last-event-id': '0' } })
    expect(res.body).toBe(
      'data: {"name":"Portal Gun","price":999.99}\nid: 1\n\ndata: {"name":"Meeseeks Box","price":49.99}\nid: 2\n\n',
    )
  })

  it('ends the stream at an event whose id spans lines or whose data is invalid', async () => {
    const { logger } = logged()
    const app = createApp({ fastify: { logger } })
      .get('/id', { response: eventStream(Item) }, async function* () {
        yield sse({ data: items[0] as (typeof items)[0], id: '1\n2' })
      })
      .get('/data', { response: eventStream(Item) }, async function* () {
        yield sse({ data: { name: 'x' } as never })
      })
    expect((await app.inject('/id')).statusCode).toBe(500)
    expect((await app.inject('/data')).statusCode).toBe(500)
  })
})

describe('generator dependencies of a stream', () => {
  it('stay open while the stream is sent, and finish after it', async () => {
    const log: string[] = []
    const session = dependency(async function* () {
      const state = { open: true }
      log.push('open')
      try {
        yield state
        log.push('commit')
      } catch (error) {
        log.push(`rollback: ${(error as Error).name}`)
        throw error
      } finally {
        state.open = false
        log.push('close')
      }
    })
    const Row = t.Object({ n: t.Integer(), open: t.Boolean() })
    const app = createApp().get(
      '/rows',
      { deps: { session }, response: jsonLines(Row) },
      async function* ({ deps }) {
        for (let n = 1; n <= 2; n++) {
          log.push(`row ${n}`)
          yield { n, open: deps.session.open }
        }
      },
    )
    const res = await app.inject('/rows')
    expect(res.body).toBe('{"n":1,"open":true}\n{"n":2,"open":true}\n')
    await app.close()
    expect(log).toEqual(['open', 'row 1', 'row 2', 'commit', 'close'])
  })
})
