// FastAPI's streaming tutorials, ported: docs_src/stream_json_lines/tutorial001_py310.py and
// docs_src/server_sent_events/tutorial001_py310.py ... tutorial005_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c. Each has one route of the tutorial's several (FastAPI
// shows the same stream with and without `async` and annotations; a Fastbox handler is one typed generator).
import { createApp, eventStream, jsonLines, nullable, sse, t } from 'fastbox'

const Item = t.Object({ name: t.String(), description: nullable(t.String()) })
const items = [
  { name: 'Plumbus', description: 'A multi-purpose household device.' },
  { name: 'Portal Gun', description: 'A portal opening device.' },
  { name: 'Meeseeks Box', description: 'A box that summons a Meeseeks.' },
]

/** stream_json_lines/tutorial001: one item per line. */
export const jsonLinesTutorial = createApp().get(
  '/items/stream',
  { response: jsonLines(Item) },
  async function* streamItems() {
    for (const item of items) yield item
  },
)

/** server_sent_events/tutorial001: each item as an event's data. */
export const sse001 = createApp().get(
  '/items/stream',
  { response: eventStream(Item) },
  async function* sseItems() {
    for (const item of items) yield item
  },
)

const PricedItem = t.Object({ name: t.String(), price: t.Number() })
const pricedItems = [
  { name: 'Plumbus', price: 32.99 },
  { name: 'Portal Gun', price: 999.99 },
  { name: 'Meeseeks Box', price: 49.99 },
]

/** tutorial002: events with a comment, a type, an id and a retry delay. */
export const sse002 = createApp().get(
  '/items/stream',
  { response: eventStream(PricedItem) },
  async function* streamItems() {
    yield sse({ comment: 'stream of item updates' })
    for (const [i, item] of pricedItems.entries()) {
      yield sse({ data: item, event: 'item_update', id: String(i + 1), retry: 5000 })
    }
  },
)

/** tutorial003: raw (not JSON) data. */
export const sse003 = createApp().get(
  '/logs/stream',
  { response: eventStream(t.String()) },
  async function* streamLogs() {
    const logs = [
      '2025-01-01 INFO  Application started',
      '2025-01-01 DEBUG Connected to database',
      '2025-01-01 WARN  High memory usage detected',
    ]
    for (const logLine of logs) yield sse({ rawData: logLine })
  },
)

/** tutorial004: resuming after the client's `Last-Event-ID`. */
export const sse004 = createApp().get(
  '/items/stream',
  { headers: { last_event_id: t.Optional(nullable(t.Integer())) }, response: eventStream(PricedItem) },
  async function* streamItems({ headers }) {
    const lastEventId = headers.last_event_id
    const start = lastEventId !== undefined && lastEventId !== null ? lastEventId + 1 : 0
    for (const [i, item] of pricedItems.entries()) {
      if (i < start) continue
      yield sse({ data: item, id: String(i) })
    }
  },
)

/** tutorial005: a POST that streams tokens, then a raw `[DONE]`. */
export const sse005 = createApp().post(
  '/chat/stream',
  { body: t.Object({ text: t.String() }), response: eventStream(t.String()) },
  async function* streamChat({ body }) {
    for (const word of body.text.split(/\s+/u).filter(Boolean)) yield sse({ data: word, event: 'token' })
    yield sse({ rawData: '[DONE]', event: 'done' })
  },
)
