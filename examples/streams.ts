import { createApp, dateTime, eventStream, jsonLines, sse, t } from 'fastbox'

const Price = t.Object({ symbol: t.String(), price: t.Number(), at: dateTime() })
const prices = [
  { symbol: 'ACME', price: 10.5, at: new Date('2025-01-01T09:00:00Z'), internal: 'x' },
  { symbol: 'ACME', price: 10.75, at: new Date('2025-01-01T09:00:01Z'), internal: 'y' },
]

export const app = createApp()
  .get('/prices.jsonl', { response: jsonLines(Price) }, async function* () {
    for (const price of prices) yield price
  })
  .get(
    '/prices/events',
    { headers: { last_event_id: t.Optional(t.Integer()) }, response: eventStream(Price, { keepAlive: 15 }) },
    async function* ({ headers }) {
      const start = (headers.last_event_id ?? -1) + 1
      try {
        for (const [id, price] of prices.entries()) {
          if (id >= start) yield sse({ data: price, event: 'price', id: String(id) })
        }
      } finally {
        // Runs when the stream ends, or when the client goes away: release what the stream holds here.
      }
    },
  )
