/**
 * `app.close()` over real sockets: requests in progress finish (their connections closed after), requests that
 * arrive on open keep-alive connections get 503 with `Connection: close`, new connections are refused, queued
 * background tasks run before the lifespan's teardown, and a request still stuck at `shutdownTimeout` has its
 * connection closed, which `close()` reports.
 */
import { once } from 'node:events'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, createApp, createLifespan } from '../../packages/core/src/index.ts'
import { Connection, portOf, until } from './support.ts'

const apps: App<unknown>[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function serve(app: App<unknown>): Promise<number> {
  apps.push(app)
  return portOf(await app.listen({ host: '127.0.0.1', port: 0 }))
}

/** A promise and the function that settles it. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

describe('graceful shutdown', () => {
  it('finishes requests in progress and answers keep-alive requests that arrive meanwhile 503 + close', async () => {
    const release = gate()
    let started = false
    const app = createApp({ shutdownTimeout: 10_000, logLevel: 'silent' })
      .get('/slow', async () => {
        started = true
        await release.opened
        return { done: true }
      })
      .get('/fast', () => ({ fast: true }))
    const port = await serve(app)
    // A keep-alive connection that has been used once and is now idle.
    const idle = await Connection.open(port)
    idle.get('/fast')
    expect(await idle.response()).toMatchObject({ status: 200 })
    const busy = await Connection.open(port)
    busy.get('/slow')
    await until(() => started)

    const closing = app.close()
    await until(() => !app.fastify.server.listening)
    // The idle connection stays open while a request is in progress; a request on it is refused.
    idle.get('/fast')
    const refused = await idle.response()
    expect(refused).toMatchObject({ status: 503, body: '{"detail":"Service Unavailable"}' })
    expect(refused?.headers.connection).toBe('close')
    await idle.closed
    // No new connections.
    const fresh = connect(port, '127.0.0.1')
    const [error] = (await once(fresh, 'error')) as [NodeJS.ErrnoException]
    expect(error.code).toBe('ECONNREFUSED')

    release.open()
    const finished = await busy.response()
    expect(finished).toMatchObject({ status: 200, body: '{"done":true}' })
    expect(finished?.headers.connection).toBe('close')
    await busy.closed
    expect(await closing).toEqual({ clean: true, droppedRequests: 0, refusedRequests: 1, unfinishedTasks: 0 })
  }, 20_000)

  it('closes a connection whose request is still stuck at shutdownTimeout, and says so', async () => {
    let started = false
    const app = createApp({ shutdownTimeout: 200, handlerTimeout: 0, logLevel: 'silent' }).get(
      '/hang',
      () => {
        started = true
        return new Promise<never>(() => {})
      },
    )
    const connection = await Connection.open(await serve(app))
    connection.get('/hang')
    await until(() => started)
    const result = await app.close()
    expect(result).toEqual({ clean: false, droppedRequests: 1, refusedRequests: 0, unfinishedTasks: 0 })
    await connection.closed
    expect(connection.unread).toBe('')
  }, 20_000)

  it('closes an idle keep-alive connection at once when nothing is in progress', async () => {
    const app = createApp({ logLevel: 'silent' }).get('/', () => 'hi')
    const connection = await Connection.open(await serve(app))
    connection.get('/')
    expect(await connection.response()).toMatchObject({ status: 200 })
    expect(await app.close()).toMatchObject({ clean: true, refusedRequests: 0 })
    await connection.closed
  }, 20_000)

  it('runs queued background tasks after the last response, then the lifespan teardown', async () => {
    const events: string[] = []
    const task = gate()
    const lifespan = createLifespan(async function* () {
      yield {}
      events.push('lifespan teardown')
    })
    const app = createApp({ lifespan, logLevel: 'silent' }).post('/signup', ({ background }) => {
      background.add(async () => {
        events.push('task started')
        await task.opened
        events.push('task finished')
      })
      return { queued: true }
    })
    const connection = await Connection.open(await serve(app))
    connection.write('POST /signup HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n')
    expect(await connection.response()).toMatchObject({ status: 200 })
    await until(() => events.includes('task started'))
    const closing = app.close()
    await connection.closed
    // close() is waiting for the task; let it finish.
    setTimeout(task.open, 50)
    expect(await closing).toEqual({ clean: true, droppedRequests: 0, refusedRequests: 0, unfinishedTasks: 0 })
    expect(events).toEqual(['task started', 'task finished', 'lifespan teardown'])
  }, 20_000)

  it('reports background tasks still running at backgroundTimeout', async () => {
    let started = false
    const app = createApp({ backgroundTimeout: 100, logLevel: 'silent' }).post('/', ({ background }) => {
      background.add(() => {
        started = true
        return new Promise<never>(() => {})
      })
      return null
    })
    const connection = await Connection.open(await serve(app))
    connection.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n')
    expect(await connection.response()).toMatchObject({ status: 200 })
    await until(() => started)
    expect(await app.close()).toMatchObject({ clean: false, unfinishedTasks: 1 })
  }, 20_000)
})
