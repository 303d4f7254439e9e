import { describe, expect, it } from 'vitest'
import { appWithLog } from '../../test/support.ts'
import { createApp, dependency } from '../index.ts'

describe('background tasks', () => {
  it('run after the response is sent, in the order added, from handlers and dependencies', async () => {
    const events: string[] = []
    const audit = dependency(({ background }) => {
      background.add((who: string) => events.push(`audit ${who}`), 'dep')
    })
    const app = createApp().post('/send', { dependencies: [audit] }, ({ background, reply }) => {
      background.add(() => events.push(reply.sent ? 'response was sent' : 'response not sent yet'))
      background.add(
        async (to: string, subject: string) => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          events.push(`mail ${to}: ${subject}`)
        },
        'ada@example.com',
        'hi',
      )
      background.add(() => events.push('last'))
      events.push('handler')
      return { queued: true }
    })
    const res = await app.inject({ method: 'POST', url: '/send' })
    expect(res.json()).toEqual({ queued: true })
    await app.close()
    expect(events).toEqual(['handler', 'audit dep', 'response was sent', 'mail ada@example.com: hi', 'last'])
  })

  it('logs a failing task and still runs the others; the server keeps answering', async () => {
    const { app, entries } = appWithLog()
    const ran: string[] = []
    app.get('/', ({ background }) => {
      background.add(() => {
        throw new Error('smtp down')
      })
      background.add(() => ran.push('after'))
      return 'ok'
    })
    expect((await app.inject('/')).statusCode).toBe(200)
    expect((await app.inject('/')).statusCode).toBe(200)
    await app.close()
    expect(ran).toEqual(['after', 'after'])
    const failures = entries().filter((entry) => entry.msg === 'A background task failed')
    expect(failures).toHaveLength(2)
    expect(JSON.stringify(failures[0])).toContain('smtp down')
  })

  it('do not run when the handler fails', async () => {
    const ran: string[] = []
    const app = createApp().get('/', ({ background }) => {
      background.add(() => ran.push('task'))
      throw new Error('boom')
    })
    expect((await app.inject('/')).statusCode).toBe(500)
    await app.close()
    expect(ran).toEqual([])
  })

  it('close() stops waiting after backgroundTimeout', async () => {
    const app = createApp({ backgroundTimeout: 50 }).get('/', ({ background }) => {
      background.add(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5_000).unref())
        finished = true
      })
      return 'ok'
    })
    let finished = false
    await app.inject('/')
    await app.close()
    expect(finished).toBe(false)
  })
})

describe('returned values without a response schema', () => {
  it('sends a returned string as a JSON string, as FastAPI does', async () => {
    const app = createApp().get('/', () => 'hello')
    const res = await app.inject('/')
    expect([res.headers['content-type'], res.body]).toEqual(['application/json; charset=utf-8', '"hello"'])
  })
})
