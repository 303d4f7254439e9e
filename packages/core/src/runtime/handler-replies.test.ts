import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { appWithLog } from '../../test/support.ts'
import { createApp, dateTime, FastboxError, status, t } from '../index.ts'

const SERVER_ERROR = { detail: 'Internal Server Error' }

const User = t.Object({ id: t.Integer(), name: t.String() })

describe('statuses', () => {
  it('`status: 201` sends 201', async () => {
    const app = createApp().post('/users', { status: status.HTTP_201_CREATED, response: User }, () => ({
      id: 1,
      name: 'ada',
    }))
    const res = await app.inject({ method: 'POST', url: '/users' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: 1, name: 'ada' })
  })

  it('`status: 204` sends an empty body without a content type', async () => {
    const app = createApp()
      .delete('/users/{id}', { status: 204 }, () => {})
      // Wrong on purpose: a body returned for 204 is not sent.
      .delete('/items/{id}', { status: 204 }, () => ({ id: 1 }) as never)
    for (const url of ['/users/1', '/items/1']) {
      const res = await app.inject({ method: 'DELETE', url })
      expect(res.statusCode).toBe(204)
      expect(res.body).toBe('')
      expect(res.headers['content-type']).toBeUndefined()
    }
  })

  it('`respond()` answers another declared status through that status schema', async () => {
    const NotFound = t.Object({ detail: t.String() })
    const app = createApp().get(
      '/users/{id}',
      { path: { id: t.Integer() }, response: { 200: User, 404: NotFound } },
      ({ path, respond }) => {
        if (path.id === 1) return { id: 1, name: 'ada' }
        const body = { detail: 'No such user', query: 'SELECT * FROM users' }
        return respond(404, body)
      },
    )
    const found = await app.inject('/users/1')
    expect(found.statusCode).toBe(200)
    expect(found.json()).toEqual({ id: 1, name: 'ada' })
    const missing = await app.inject('/users/2')
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ detail: 'No such user' })
    expect(missing.body).not.toContain('SELECT')
  })

  it('`respond()` with a body that breaks that status schema answers 500', async () => {
    const { app, entries } = appWithLog()
    app.get(
      '/users/{id}',
      { response: { 200: User, 404: t.Object({ detail: t.String() }) } },
      ({ respond }) =>
        // Wrong on purpose.
        respond(404, { reason: 'secret-reason' } as never),
    )
    const res = await app.inject('/users/2')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(SERVER_ERROR)
    expect(res.body).not.toContain('secret-reason')
    const logged = entries().find((entry) => entry.errors !== undefined)
    expect(logged?.msg).toBe('The response for status 404 does not match its schema')
    expect(logged?.errors).toEqual([{ type: 'missing', loc: ['detail'], msg: 'Field required' }])
  })
})

describe('routes without a response schema', () => {
  it('send what the handler returns as JSON, unfiltered', async () => {
    const app = createApp()
      .get('/raw', () => ({ id: 1, nested: { password: 'kept', list: [1, 'two', null] } }))
      .get('/list', () => [{ a: 1 }, 2])
    const raw = await app.inject('/raw')
    expect(raw.statusCode).toBe(200)
    expect(raw.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(raw.json()).toEqual({ id: 1, nested: { password: 'kept', list: [1, 'two', null] } })
    const list = await app.inject('/list')
    expect(list.json()).toEqual([{ a: 1 }, 2])
  })
})

describe('a handler that sends through `reply`', () => {
  it('is respected: its status, headers and body go out', async () => {
    const app = createApp().get('/direct', ({ reply }) => {
      reply.code(202).header('x-direct', 'yes').send({ accepted: true })
    })
    const res = await app.inject('/direct')
    expect(res.statusCode).toBe(202)
    expect(res.headers['x-direct']).toBe('yes')
    expect(res.json()).toEqual({ accepted: true })
  })

  it('goes through the status schema, which still filters', async () => {
    const app = createApp().get('/direct', { response: User }, ({ reply }) =>
      reply.send({ id: 1, name: 'ada', password: 'hunter2' }),
    )
    const res = await app.inject('/direct')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: 1, name: 'ada' })
  })

  it('may send a stream, also behind an async onSend hook, returning `reply` as in Fastify; no second answer', async () => {
    const { app, lines } = appWithLog('warn')
    app.fastify.addHook('onSend', async (_request, _reply, payload) => payload)
    app
      .get('/stream', ({ reply }) => reply.type('text/plain').send(Readable.from(['a', 'b', 'c'])))
      .get('/json', { response: User }, async ({ reply }) => {
        await Promise.resolve()
        return reply.code(200).send({ id: 2, name: 'bob' })
      })
    const stream = await app.inject('/stream')
    expect(stream.statusCode).toBe(200)
    expect(stream.headers['content-type']).toBe('text/plain')
    expect(stream.body).toBe('abc')
    const json = await app.inject('/json')
    expect(json.statusCode).toBe(200)
    expect(json.json()).toEqual({ id: 2, name: 'bob' })
    expect(lines).toEqual([])
  })

  it('may only set headers and still return its body', async () => {
    const app = createApp().get('/headers', { response: User }, ({ reply }) => {
      reply.header('x-extra', '1')
      return { id: 3, name: 'cy' }
    })
    const res = await app.inject('/headers')
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-extra']).toBe('1')
    expect(res.json()).toEqual({ id: 3, name: 'cy' })
  })
})

describe('shared ($id) schemas', () => {
  const Item = t.Object(
    { id: t.Integer(), name: t.String(), at: t.Union([dateTime(), t.Null()]) },
    { $id: 'Item' },
  )

  function storeApp() {
    const { app, entries } = appWithLog()
    const routes = app
      .post('/items', { body: Item, response: Item }, ({ body }) => ({ ...body, password: 'hunter2' }))
      .get('/cart', { response: t.Object({ main: Item, list: t.Array(Item) }) }, () => ({
        main: { id: 1, name: 'pen', at: new Date('2024-01-02T03:04:05.000Z'), cost: 1 },
        list: [{ id: 2, name: 'ink', at: null, cost: 2 }],
      }))
      .get('/items', { response: t.Array(Item) }, () => [{ id: 3, name: 'cap', at: null, cost: 3 }])
      // Wrong on purpose: the nested item breaks the shared schema.
      .get(
        '/bad',
        { response: t.Object({ list: t.Array(Item) }) },
        () => ({ list: [{ id: 'x', name: 'n', at: null }] }) as never,
      )
    return { app: routes, entries }
  }

  it('validates a body and filters the response', async () => {
    const { app } = storeApp()
    const ok = await app.inject({ method: 'POST', url: '/items', payload: { id: 1, name: 'pen', at: null } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ id: 1, name: 'pen', at: null })
    const bad = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { id: 'one', name: 'pen', at: null },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['body', 'id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'one',
        },
      ],
    })
  })

  it('filters and writes dates when nested in objects and arrays', async () => {
    const { app } = storeApp()
    const cart = await app.inject('/cart')
    expect(cart.statusCode).toBe(200)
    expect(cart.json()).toEqual({
      main: { id: 1, name: 'pen', at: '2024-01-02T03:04:05.000Z' },
      list: [{ id: 2, name: 'ink', at: null }],
    })
    const items = await app.inject('/items')
    expect(items.json()).toEqual([{ id: 3, name: 'cap', at: null }])
  })

  it('validates responses through the reference', async () => {
    const { app, entries } = storeApp()
    const res = await app.inject('/bad')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(SERVER_ERROR)
    const logged = entries().find((entry) => entry.errors !== undefined)
    expect(logged?.errors).toEqual([
      { type: 'int_type', loc: ['list', 0, 'id'], msg: 'Input should be a valid integer' },
    ])
  })

  it('drops undeclared body fields of a shared schema before the handler sees them', async () => {
    const app = createApp().post('/echo', { body: Item }, ({ body }) => body)
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { id: 1, name: 'n', at: null, role: 'admin' },
    })
    expect(res.json()).toEqual({ id: 1, name: 'n', at: null })
  })

  it('may be the same schema object in many routes, but two different schemas may not share an $id', () => {
    const app = createApp()
      .get('/a', { response: t.Object({ id: t.Integer() }, { $id: 'Dup' }) }, () => ({ id: 1 }))
      .get('/b', { response: t.Object({ id: t.Integer() }, { $id: 'Dup' }) }, () => ({ id: 2 }))
    let error: unknown
    try {
      app.get('/c', { response: t.Object({ id: t.String() }, { $id: 'Dup' }) }, () => ({ id: '3' }))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(FastboxError)
    expect((error as FastboxError).code).toBe('FASTBOX_ERR_DUPLICATE_SCHEMA_ID')
    expect((error as FastboxError).message).toContain('"Dup"')
  })
})
