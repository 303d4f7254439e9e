import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createApp, createLifespan, dependency } from '../index.ts'

describe('lifespan', () => {
  it('starts before the first request, provides its state to dependencies, and stops on close', async () => {
    const events: string[] = []
    const lifespan = createLifespan(async function* () {
      events.push('startup')
      yield { db: 'connected db' }
      events.push('shutdown')
    })
    const getDb = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.db)
    const app = createApp({ lifespan }).get('/', { deps: { db: getDb } }, ({ deps }) => {
      events.push('request')
      return deps.db
    })
    expect(events).toEqual([])
    expect((await app.inject('/')).json()).toBe('connected db')
    expect(events).toEqual(['startup', 'request'])
    await app.close()
    expect(events).toEqual(['startup', 'request', 'shutdown'])
  })

  it('answers 500 when a route reads the state of a lifespan the app was not given', async () => {
    const lifespan = createLifespan(function* () {
      yield 1
    })
    const app = createApp().get('/', { deps: { state: lifespan.state } }, ({ deps }) => deps.state)
    expect((await app.inject('/')).json()).toEqual({ detail: 'Internal Server Error' })
  })
})

describe('cleanup when the client goes away', () => {
  it('finishes generator dependencies even when the client disconnects mid-request', async () => {
    let released = false
    let reached!: () => void
    const handlerReached = new Promise<void>((resolve) => {
      reached = resolve
    })
    const connection = dependency(async function* () {
      try {
        yield 'conn'
      } finally {
        released = true
      }
    })
    const app = createApp().get('/slow', { deps: { connection } }, async () => {
      reached()
      await new Promise((resolve) => setTimeout(resolve, 100))
      return 'done'
    })
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = new URL(address)
    const req = httpRequest({ host: '127.0.0.1', port, path: '/slow' })
    req.on('error', () => {})
    req.end()
    await handlerReached
    req.destroy()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(released).toBe(true)
    await app.close()
  })
})
