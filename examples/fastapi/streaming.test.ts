// FastAPI's tests/test_tutorial/test_stream_json_lines/test_tutorial001.py and
// tests/test_tutorial/test_server_sent_events/test_tutorial001.py ... test_tutorial005.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c. The OpenAPI document differs on purpose: FastAPI
// writes OpenAPI 3.2's `itemSchema`; Fastbox writes 3.1, where the items are `schema: {type: 'array', items}`.
import { describe, expect, it } from 'vitest'
import { jsonLinesTutorial, sse001, sse002, sse003, sse004, sse005 } from './streaming.ts'

describe('stream_json_lines tutorial001', () => {
  it('streams JSON Lines', async () => {
    const res = await jsonLinesTutorial.inject('/items/stream')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/jsonl')
    expect(
      res.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { name: 'Plumbus', description: 'A multi-purpose household device.' },
      { name: 'Portal Gun', description: 'A portal opening device.' },
      { name: 'Meeseeks Box', description: 'A box that summons a Meeseeks.' },
    ])
  })

  it('documents the item schema', async () => {
    await jsonLinesTutorial.ready()
    const content = jsonLinesTutorial.openapi().paths?.['/items/stream']?.get?.responses?.['200']?.content
    expect(content).toEqual({
      'application/jsonl': {
        schema: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'description'],
            properties: {
              name: { type: 'string' },
              description: { anyOf: [{ type: 'string' }, { type: 'null' }] },
            },
          },
        },
      },
    })
  })
})

describe('server_sent_events', () => {
  it('tutorial001: items as data events', async () => {
    const res = await sse001.inject('/items/stream')
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    const events = res.body.split('\n\n').filter(Boolean)
    expect(events).toHaveLength(3)
    expect(events[0]).toBe('data: {"name":"Plumbus","description":"A multi-purpose household device."}')
  })

  it('tutorial002: comment, event, id and retry', async () => {
    const res = await sse002.inject('/items/stream')
    expect(res.body).toContain(': stream of item updates\n\n')
    expect(res.body).toContain(
      'event: item_update\ndata: {"name":"Plumbus","price":32.99}\nid: 1\nretry: 5000\n\n',
    )
  })

  it('tutorial003: raw data', async () => {
    const res = await sse003.inject('/logs/stream')
    expect(res.body).toBe(
      'data: 2025-01-01 INFO  Application started\n\n' +
        'data: 2025-01-01 DEBUG Connected to database\n\n' +
        'data: 2025-01-01 WARN  High memory usage detected\n\n',
    )
  })

  it('tutorial004: resumes after Last-Event-ID', async () => {
    const all = await sse004.inject('/items/stream')
    expect(all.body.match(/^id: /gmu)).toHaveLength(3)
    const resumed = await sse004.inject({ url: '/items/stream', headers: { 'last-event-id': '1' } })
    expect(resumed.body).toBe('data: {"name":"Meeseeks Box","price":49.99}\nid: 2\n\n')
    const invalid = await sse004.inject({
      url: '/items/stream',
      headers: { 'last-event-id': 'not-a-number' },
    })
    expect(invalid.statusCode).toBe(422)
  })

  it('tutorial005: a POST streaming tokens', async () => {
    const res = await sse005.inject({ method: 'POST', url: '/chat/stream', payload: { text: 'hello world' } })
    expect(res.body).toBe(
      'event: token\ndata: "hello"\n\nevent: token\ndata: "world"\n\nevent: done\ndata: [DONE]\n\n',
    )
  })
})
