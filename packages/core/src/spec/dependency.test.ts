import { describe, expect, it } from 'vitest'
import { createApp, dependency, HTTPException, t } from '../index.ts'

describe('dependencies with request parts', () => {
  const pagination = dependency(
    {
      query: { skip: t.Integer({ minimum: 0, default: 0 }), limit: t.Integer({ maximum: 100, default: 10 }) },
    },
    ({ query }) => ({ skip: query.skip, limit: query.limit }),
  )

  it('injects the value by name, its parameters validated and defaulted', async () => {
    const app = createApp().get('/items', { deps: { page: pagination } }, ({ deps }) => deps.page)
    expect((await app.inject('/items?skip=5')).json()).toEqual({ skip: 5, limit: 10 })
  })

  it("reports the route's and every dependency's errors in one 422", async () => {
    const token = dependency({ headers: { x_token: t.String() } }, ({ headers }) => headers.x_token)
    const user = dependency({ deps: { token } }, ({ deps }) => ({ name: deps.token }))
    const app = createApp().get(
      '/items/{id}',
      { path: { id: t.Integer() }, deps: { page: pagination, user } },
      ({ deps }) => deps.user,
    )
    const res = await app.inject('/items/x?limit=500')
    expect(res.statusCode).toBe(422)
    expect(
      res.json().detail.map((item: { type: string; loc: unknown[] }) => [item.type, ...item.loc]),
    ).toEqual([
      ['int_parsing', 'path', 'id'],
      ['less_than_equal', 'query', 'limit'],
      ['missing', 'header', 'x-token'],
    ])
  })

  it('refuses two different schemas for one parameter at registration', () => {
    const a = dependency({ query: { q: t.String() } }, ({ query }) => query.q)
    const b = dependency({ query: { q: t.Integer() } }, ({ query }) => query.q)
    expect(() => createApp().get('/', { deps: { a, b } }, () => null)).toThrow(
      /query parameter "q" with two different schemas/,
    )
  })
})

describe('per-request cache', () => {
  it('runs a dependency once per request however often the graph uses it', async () => {
    let calls = 0
    const counter = dependency(() => ++calls)
    const a = dependency({ deps: { counter } }, ({ deps }) => deps.counter)
    const b = dependency({ deps: { counter } }, ({ deps }) => deps.counter)
    const app = createApp().get('/', { deps: { a, b, counter } }, ({ deps }) => deps)
    expect((await app.inject('/')).json()).toEqual({ a: 1, b: 1, counter: 1 })
    expect((await app.inject('/')).json()).toEqual({ a: 2, b: 2, counter: 2 })
    expect(calls).toBe(2)
  })

  it('runs a dependency with cache: false at each use', async () => {
    let calls = 0
    const fresh = dependency({ cache: false }, () => ++calls)
    const sub = dependency({ deps: { fresh } }, ({ deps }) => deps.fresh)
    const app = createApp().get('/', { deps: { sub, fresh } }, ({ deps }) => deps)
    expect((await app.inject('/')).json()).toEqual({ sub: 1, fresh: 2 })
    expect(calls).toBe(2)
  })
})

describe('generator dependencies', () => {
  function tracked() {
    const events: string[] = []
    const outer = dependency(async function* () {
      events.push('outer up')
      try {
        yield 'outer'
        events.push('outer down')
      } catch (error) {
        events.push(`outer rollback: ${(error as Error).message}`)
        throw error
      }
    })
    const inner = dependency({ deps: { outer } }, function* ({ deps }) {
      events.push(`inner up (${deps.outer})`)
      try {
        yield 'inner'
        events.push('inner down')
      } catch (error) {
        events.push(`inner rollback: ${(error as Error).message}`)
        throw error
      }
    })
    return { events, inner }
  }

  it('injects the yielded values and cleans up after the handler, in reverse order', async () => {
    const { events, inner } = tracked()
    const app = createApp().get('/', { deps: { inner } }, ({ deps }) => {
      events.push(`handler (${deps.inner})`)
      return { ok: true }
    })
    expect((await app.inject('/')).json()).toEqual({ ok: true })
    expect(events).toEqual(['outer up', 'inner up (outer)', 'handler (inner)', 'inner down', 'outer down'])
  })

  it("shows the handler's error to every cleanup, which still reaches the client as its response", async () => {
    const { events, inner } = tracked()
    const app = createApp().get('/', { deps: { inner } }, () => {
      throw new HTTPException(404, 'gone')
    })
    const res = await app.inject('/')
    expect([res.statusCode, res.json()]).toEqual([404, { detail: 'gone' }])
    expect(events).toEqual(['outer up', 'inner up (outer)', 'inner rollback: gone', 'outer rollback: gone'])
  })

  it('rolls back when the response breaks its schema, and answers 500', async () => {
    const { events, inner } = tracked()
    const app = createApp().get('/', { deps: { inner }, response: t.Object({ id: t.Integer() }) }, () => ({
      id: 'not a number' as unknown as number,
    }))
    expect((await app.inject('/')).statusCode).toBe(500)
    expect(events.at(-1)).toMatch(/^outer rollback/)
  })

  it('answers an HTTPException raised in cleanup code', async () => {
    const strict = dependency(async function* () {
      yield 1
      throw new HTTPException(400, 'Owner error: Rick')
    })
    const app = createApp().get('/', { deps: { strict } }, () => 'ok')
    const res = await app.inject('/')
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'Owner error: Rick' }])
  })

  it('cleans up generators already set up when a later dependency fails', async () => {
    const events: string[] = []
    const first = dependency(function* () {
      yield 1
      events.push('first down')
    })
    const guard = dependency(() => {
      throw new HTTPException(403, 'Forbidden')
    })
    const app = createApp().get('/', { deps: { first, guard } }, () => 'never')
    expect((await app.inject('/')).statusCode).toBe(403)
    expect(events).toEqual([])
  })
})

describe('dependencies run for their effect', () => {
  it('runs app, then route dependencies before the handler, discarding their values', async () => {
    const order: string[] = []
    const appGuard = dependency(() => order.push('app'))
    const routeGuard = dependency(() => order.push('route'))
    const app = createApp({ dependencies: [appGuard] }).get('/', { dependencies: [routeGuard] }, () => {
      order.push('handler')
      return order
    })
    expect((await app.inject('/')).json()).toEqual(['app', 'route', 'handler'])
  })

  it('answers a guard that throws', async () => {
    const verifyKey = dependency({ headers: { x_key: t.String() } }, ({ headers }) => {
      if (headers.x_key !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid')
    })
    const app = createApp().get('/items', { dependencies: [verifyKey] }, () => [{ item: 'Foo' }])
    expect((await app.inject({ url: '/items', headers: { 'x-key': 'nope' } })).json()).toEqual({
      detail: 'X-Key header invalid',
    })
    expect(
      (await app.inject({ url: '/items', headers: { 'x-key': 'fake-super-secret-key' } })).json(),
    ).toEqual([{ item: 'Foo' }])
  })
})

describe('dependency overrides', () => {
  const commonParams = dependency(
    { query: { q: t.String(), limit: t.Integer({ default: 100 }) } },
    ({ query }) => ({ q: query.q, limit: query.limit }),
  )

  it("uses the replacement, whose own request parts replace the original's, from the next request on", async () => {
    const app = createApp().get('/items', { deps: { params: commonParams } }, ({ deps }) => deps.params)
    expect((await app.inject('/items')).statusCode).toBe(422)
    app.dependencyOverrides.set(
      commonParams,
      dependency(() => ({ q: 'override', limit: 1 })),
    )
    expect((await app.inject('/items')).json()).toEqual({ q: 'override', limit: 1 })
    app.dependencyOverrides.clear()
    expect((await app.inject('/items?q=x')).json()).toEqual({ q: 'x', limit: 100 })
  })

  it('overrides a sub-dependency and an effect dependency too', async () => {
    const getDb = dependency(() => 'real db')
    const repo = dependency({ deps: { db: getDb } }, ({ deps }) => `repo on ${deps.db}`)
    const guard = dependency(() => {
      throw new HTTPException(401, 'no')
    })
    const app = createApp().get('/', { deps: { repo }, dependencies: [guard] }, ({ deps }) => deps.repo)
    app.dependencyOverrides.set(
      getDb,
      dependency(() => 'test db'),
    )
    app.dependencyOverrides.set(
      guard,
      dependency(() => undefined),
    )
    expect((await app.inject('/')).json()).toBe('repo on test db')
  })
})
