import { describe, expect, it } from 'vitest'
import { appWithLog } from '../../test/support.ts'
import { createApp, date, dateTime, t } from '../index.ts'

const SERVER_ERROR = { detail: 'Internal Server Error' }

const User = t.Object({ id: t.Integer(), name: t.String() })

describe('undeclared response fields are removed', () => {
  it('at the top level, where a password never reaches the client', async () => {
    const row = { id: 1, name: 'ada', password: 'hunter2' }
    const app = createApp().get('/me', { response: User }, () => row)
    const res = await app.inject('/me')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: 1, name: 'ada' })
    expect(res.body).not.toContain('password')
    expect(res.body).not.toContain('hunter2')
  })

  it('in nested objects, at every depth', async () => {
    const Profile = t.Object({ user: t.Object({ id: t.Integer(), address: t.Object({ city: t.String() }) }) })
    const row = {
      user: { id: 1, password: 'hunter2', address: { city: 'Paris', secret: 'x-1' }, token: 't' },
      internal: true,
    }
    const app = createApp().get('/profile', { response: Profile }, () => row)
    const res = await app.inject('/profile')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ user: { id: 1, address: { city: 'Paris' } } })
    expect(res.body).not.toMatch(/password|hunter2|secret|x-1|token|internal/)
  })

  it('in arrays of objects', async () => {
    const rows = [
      { id: 1, name: 'ada', password: 'hunter2' },
      { id: 2, name: 'bob', password: 'letmein' },
    ]
    const app = createApp().get('/users', { response: t.Array(User) }, () => rows)
    const res = await app.inject('/users')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual([
      { id: 1, name: 'ada' },
      { id: 2, name: 'bob' },
    ])
    expect(res.body).not.toMatch(/password|hunter2|letmein/)
  })

  it('in objects inside arrays inside objects', async () => {
    const Order = t.Object({
      id: t.Integer(),
      lines: t.Array(
        t.Object({ sku: t.String(), qty: t.Integer(), product: t.Object({ name: t.String() }) }),
      ),
    })
    const row = {
      id: 7,
      cost: 99,
      lines: [
        { sku: 'a', qty: 1, margin: 0.4, product: { name: 'Pen', supplier: 'Acme' } },
        { sku: 'b', qty: 2, margin: 0.5, product: { name: 'Ink', supplier: 'Acme' } },
      ],
    }
    const app = createApp().get('/order', { response: Order }, () => row)
    const res = await app.inject('/order')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      id: 7,
      lines: [
        { sku: 'a', qty: 1, product: { name: 'Pen' } },
        { sku: 'b', qty: 2, product: { name: 'Ink' } },
      ],
    })
    expect(res.body).not.toMatch(/cost|margin|supplier|Acme/)
  })

  it('in the matching branch of a union and in the values of a record', async () => {
    const Shape = t.Union([
      t.Object({ kind: t.Literal('circle'), radius: t.Number() }),
      t.Object({ kind: t.Literal('square'), side: t.Number() }),
    ])
    const square = { kind: 'square' as const, side: 2, radius: 9, password: 'p' }
    const byName = { a: { id: 1, name: 'ada', password: 'hunter2' } }
    const app = createApp()
      .get('/shape', { response: Shape }, () => square)
      .get('/users', { response: t.Record(t.String(), User) }, () => byName)
    const shape = await app.inject('/shape')
    expect(shape.statusCode).toBe(200)
    expect(shape.json()).toEqual({ kind: 'square', side: 2 })
    const users = await app.inject('/users')
    expect(users.statusCode).toBe(200)
    expect(users.json()).toEqual({ a: { id: 1, name: 'ada' } })
    expect(users.body).not.toContain('hunter2')
  })

  it('but kept where the schema allows additional properties', async () => {
    const Open = t.Object({ id: t.Integer() }, { additionalProperties: true })
    const row = { id: 1, extra: { deep: true } }
    const app = createApp().get('/open', { response: Open }, () => row)
    const res = await app.inject('/open')
    expect(res.json()).toEqual({ id: 1, extra: { deep: true } })
  })
})

describe('responses are validated against their schema', () => {
  const Ticket = t.Object({
    id: t.Integer(),
    title: t.String(),
    state: t.Union([t.Literal('open'), t.Literal('closed')]),
    lines: t.Optional(t.Array(t.Object({ qty: t.Integer() }))),
  })

  async function expectRejected(returned: unknown, errors: unknown[], secret: string) {
    const { app, lines, entries } = appWithLog()
    // Wrong on purpose: the route must refuse to send it.
    app.get('/ticket', { response: Ticket }, () => returned as never)
    const res = await app.inject('/ticket')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(SERVER_ERROR)
    expect(res.body).not.toContain(secret)
    const logged = entries().filter((entry) => entry.errors !== undefined)
    expect(logged).toHaveLength(1)
    expect(logged[0]?.level).toBe(50)
    expect(logged[0]?.msg).toBe('The response for status 200 does not match its schema')
    expect(logged[0]?.errors).toEqual(errors)
    // Response values may be secrets: none of them may reach the log, however the error is serialized.
    expect(lines.join('')).not.toContain(secret)
  }

  it('answers 500 for a value of the wrong type, logging where without the value', async () => {
    await expectRejected(
      { id: 'secret-id-1', title: 't', state: 'open' },
      [{ type: 'int_type', loc: ['id'], msg: 'Input should be a valid integer' }],
      'secret-id-1',
    )
  })

  it('reports a non-string in a string slot as a string error', async () => {
    await expectRejected(
      { id: 1, title: 424242, state: 'open' },
      [{ type: 'string_type', loc: ['title'], msg: 'Input should be a valid string' }],
      '424242',
    )
  })

  it('answers 500 for a missing required field', async () => {
    await expectRejected(
      { id: 1, state: 'open', note: 'secret-note' },
      [{ type: 'missing', loc: ['title'], msg: 'Field required' }],
      'secret-note',
    )
  })

  it('answers 500 for a value outside an enum', async () => {
    await expectRejected(
      { id: 1, title: 't', state: 'secret-state' },
      [
        {
          type: 'enum',
          loc: ['state'],
          msg: "Input should be 'open' or 'closed'",
          ctx: { expected: "'open' or 'closed'" },
        },
      ],
      'secret-state',
    )
  })

  it('reports nested errors with their full loc', async () => {
    await expectRejected(
      { id: 1, title: 't', state: 'open', lines: [{ qty: 1 }, { qty: 'secret-qty' }] },
      [{ type: 'int_type', loc: ['lines', 1, 'qty'], msg: 'Input should be a valid integer' }],
      'secret-qty',
    )
  })

  it('answers 500 when the handler returns nothing for a declared body', async () => {
    await expectRejected(
      undefined,
      [
        {
          type: 'model_attributes_type',
          loc: [],
          msg: 'Input should be a valid dictionary or object to extract fields from',
        },
      ],
      'undefined',
    )
  })

  it('checks an enum written with the `enum` keyword', async () => {
    const Level = t.Unsafe<'low' | 'high'>({ type: 'string', enum: ['low', 'high'] })
    const { app, entries } = appWithLog()
    // Wrong on purpose.
    app.get('/level', { response: t.Object({ level: Level }) }, () => ({ level: 'secret-lvl' }) as never)
    const res = await app.inject('/level')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(SERVER_ERROR)
    const logged = entries().find((entry) => entry.errors !== undefined)
    expect(logged?.errors).toEqual([
      {
        type: 'enum',
        loc: ['level'],
        msg: "Input should be 'low' or 'high'",
        ctx: { expected: "'low' or 'high'" },
      },
    ])
  })
})

describe('dates', () => {
  const moment = new Date('2024-05-06T12:34:56.789Z')

  it('are written as ISO strings where the schema says date-time or date', async () => {
    const Event = t.Object({ at: dateTime(), day: date() })
    const app = createApp().get('/event', { response: Event }, () => ({ at: moment, day: moment }))
    const res = await app.inject('/event')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ at: '2024-05-06T12:34:56.789Z', day: '2024-05-06' })
  })

  it('are written inside a nullable union, and null stays null', async () => {
    const Stamp = t.Union([dateTime(), t.Null()])
    const Event = t.Object({ created: Stamp, deleted: Stamp, list: t.Array(Stamp) })
    const app = createApp().get('/event', { response: Event }, () => ({
      created: moment,
      deleted: null,
      list: [null, moment, '2020-01-02T03:04:05.000Z'],
    }))
    const res = await app.inject('/event')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      created: '2024-05-06T12:34:56.789Z',
      deleted: null,
      list: [null, '2024-05-06T12:34:56.789Z', '2020-01-02T03:04:05.000Z'],
    })
  })

  it('as strings are checked against their format', async () => {
    const { app } = appWithLog()
    app.get('/event', { response: t.Object({ at: dateTime() }) }, () => ({
      at: 'yesterday',
    }))
    const res = await app.inject('/event')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(SERVER_ERROR)
  })
})

describe('response defaults', () => {
  it('fill a missing optional field when serializing', async () => {
    const Stats = t.Object({ name: t.String(), score: t.Optional(t.Number({ default: 0 })) })
    const app = createApp()
      .get('/missing', { response: Stats }, () => ({ name: 'a' }))
      .get('/present', { response: Stats }, () => ({ name: 'b', score: 5 }))
    expect((await app.inject('/missing')).json()).toEqual({ name: 'a', score: 0 })
    expect((await app.inject('/present')).json()).toEqual({ name: 'b', score: 5 })
  })
})

describe("the handler's returned value", () => {
  it('is not changed by validation or serialization', async () => {
    const Report = t.Object({
      title: t.String(),
      score: t.Optional(t.Number({ default: 0 })),
      at: dateTime(),
      rows: t.Array(t.Object({ id: t.Integer() })),
    })
    const value = {
      title: 'r',
      at: new Date('2024-01-02T03:04:05.000Z'),
      rows: [{ id: 1, secret: 's' }],
      extra: 1,
    }
    const before = structuredClone(value)
    const app = createApp().get('/report', { response: Report }, () => value)
    const res = await app.inject('/report')
    expect(res.json()).toEqual({ title: 'r', score: 0, at: '2024-01-02T03:04:05.000Z', rows: [{ id: 1 }] })
    expect(value).toEqual(before)
    expect(value.at).toBeInstanceOf(Date)
    expect('score' in value).toBe(false)
  })

  it('is not changed when it fails validation', async () => {
    const value = { id: 'x', name: 'n', rows: [{ a: 1 }] }
    const before = structuredClone(value)
    const { app } = appWithLog()
    // Wrong on purpose.
    app.get('/bad', { response: User }, () => value as never)
    expect((await app.inject('/bad')).statusCode).toBe(500)
    expect(value).toEqual(before)
  })
})
