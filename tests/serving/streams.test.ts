/**
 * Streams over real sockets (app.listen on port 0, node:http client): a client that goes away mid-stream
 * finishes the handler's generator (its `finally` runs), for JSON Lines, Server-Sent Events and byte streams;
 * an idle event stream sends keep-alive comments. Nothing measures time: each step waits for what it needs.
 */
import { type ClientRequest, get, type IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  createApp,
  dependency,
  eventStream,
  jsonLines,
  sse,
  stream,
  t,
} from '../../packages/core/src/index.ts'
import { serveApps } from './support.ts'

const serve = serveApps()

/** A GET whose body is read chunk by chunk. */
function open(port: number, path: string): Promise<{ request: ClientRequest; response: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path }, (response) => resolve({ request, response }))
    request.on('error', reject)
  })
}

/** Reads the body until it contains `text`. */
function readUntil(response: IncomingMessage, text: string): Promise<string> {
  let body = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      body += chunk.toString()
      if (body.includes(text)) {
        response.off('data', onData)
        resolve(body)
      }
    }
    response.on('data', onData)
    response.on('end', () => reject(new Error(`the stream ended before "${text}": ${body}`)))
  })
}

/** A generator that yields forever (one item per turn, with a pause), and says when its `finally` ran. */
function endless<T>(item: (i: number) => T) {
  const state = { finished: false, yielded: 0 }
  let resolveFinished: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve
  })
  async function* generate() {
    try {
      for (let i = 0; ; i++) {
        state.yielded = i + 1
        yield item(i)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    } finally {
      state.finished = true
      resolveFinished()
    }
  }
  return { state, finished, generate }
}

const Tick = t.Object({ n: t.Integer() })

describe('a client that disconnects mid-stream', () => {
  it('finishes a JSON Lines generator', async () => {
    const ticks = endless((n) => ({ n }))
    const port = await serve(createApp().get('/ticks', { response: jsonLines(Tick) }, ticks.generate))
    const { request, response } = await open(port, '/ticks')
    expect(response.headers['content-type']).toBe('application/jsonl')
    expect(await readUntil(response, '{"n":2}\n')).toMatch(/^\{"n":0\}\n\{"n":1\}\n\{"n":2\}\n/)
    expect(ticks.state.finished).toBe(false)
    request.destroy()
    await ticks.finished
    expect(ticks.state.finished).toBe(true)
  })

  it('finishes an event-stream generator', async () => {
    const ticks = endless((n) => sse({ data: { n }, id: String(n) }))
    const port = await serve(createApp().get('/events', { response: eventStream(Tick) }, ticks.generate))
    const { request, response } = await open(port, '/events')
    expect(await readUntil(response, 'id: 1\n\n')).toMatch(
      /^data: \{"n":0\}\nid: 0\n\ndata: \{"n":1\}\nid: 1\n\n/,
    )
    request.destroy()
    await ticks.finished
    expect(ticks.state.finished).toBe(true)
  })

  it('finishes a byte-stream generator', async () => {
    const chunks = endless((n) => `chunk ${n};`)
    const port = await serve(createApp().get('/bytes', { response: stream('text/plain') }, chunks.generate))
    const { request, response } = await open(port, '/bytes')
    await readUntil(response, 'chunk 2;')
    request.destroy()
    await chunks.finished
    expect(chunks.state.finished).toBe(true)
  })
})

describe('generator dependencies of a stream', () => {
  it('see the disconnect as an error at their yield (a transaction rolls back), after the stream', async () => {
    const log: string[] = []
    let done: () => void = () => {}
    const finished = new Promise<void>((resolve) => {
      done = resolve
    })
    const transaction = dependency(async function* () {
      try {
        yield 'tx'
        log.push('commit')
      } catch (error) {
        log.push(`rollback: ${(error as Error).message}`)
      } finally {
        done()
      }
    })
    const ticks = endless((n) => ({ n }))
    const port = await serve(
      createApp().get('/ticks', { deps: { transaction }, response: jsonLines(Tick) }, ticks.generate),
    )
    const { request, response } = await open(port, '/ticks')
    await readUntil(response, '{"n":1}\n')
    expect(log).toEqual([])
    request.destroy()
    await finished
    expect(log).toEqual(['rollback: The response stream ended before its last item'])
  })
})

describe('an invalid item after the first bytes', () => {
  it('cuts the connection, sends nothing of the item, logs it and finishes the generator', async () => {
    const logs: string[] = []
    let finished = false
    let sendBad: () => void = () => {}
    const bad = new Promise<void>((resolve) => {
      sendBad = resolve
    })
    const app = createApp({
      fastify: { logger: { level: 'warn', stream: { write: (line: string) => logs.push(line) } } },
    }).get('/ticks', { response: jsonLines(Tick) }, async function* () {
      try {
        yield { n: 1 }
        await bad
        yield { n: 'two', secret: 'never sent' } as never
        yield { n: 3 }
      } finally {
        finished = true
      }
    })
    const port = await serve(app)
    const { response } = await open(port, '/ticks')
    let body = await readUntil(response, '{"n":1}\n')
    response.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    const aborted = new Promise<void>((resolve) => response.on('aborted', () => resolve()))
    sendBad()
    await aborted
    expect(body).toBe('{"n":1}\n')
    expect(finished).toBe(true)
    expect(logs.join('')).toContain('does not match its schema')
    expect(logs.join('')).not.toContain('never sent')
  })
})

describe('keep-alive', () => {
  it('sends `: ping` comments while the generator is idle, then its events', async () => {
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    const port = await serve(
      createApp().get('/slow', { response: eventStream(Tick, { keepAlive: 0.01 }) }, async function* () {
        await released
        yield { n: 1 }
      }),
    )
    const { response } = await open(port, '/slow')
    expect(await readUntil(response, ': ping\n\n')).toMatch(/^(: ping\n\n)+$/)
    release()
    const rest = await readUntil(response, 'data: {"n":1}\n\n')
    expect(rest.replaceAll(': ping\n\n', '')).toBe('data: {"n":1}\n\n')
  })
})
