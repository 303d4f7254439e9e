import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'

describe('store: items', () => {
  it('lists items filtered by tag and stock, with FastAPI boolean words', async () => {
    const app = buildApp()
    const res = await app.inject('/items?tag=hardware&in_stock=yes')
    expect(res.statusCode).toBe(200)
    expect(res.json().map((item: { name: string }) => item.name)).toEqual(['Keyboard', 'Mouse'])
  })

  it('pages with skip and limit, and rejects a limit out of range', async () => {
    const app = buildApp()
    expect((await app.inject('/items?skip=1&limit=1')).json()).toHaveLength(1)
    const res = await app.inject('/items?limit=0')
    expect(res.statusCode).toBe(422)
    expect(res.json().detail[0]).toMatchObject({
      type: 'greater_than_equal',
      loc: ['query', 'limit'],
      input: '0',
    })
  })

  it('reads an item, with dates as ISO strings', async () => {
    const res = await buildApp().inject('/items/1')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: 1, name: 'Keyboard', tags: ['hardware'] })
    expect(res.json().createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('answers 404 through the declared 404 schema', async () => {
    const res = await buildApp().inject('/items/99')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ detail: 'Item 99 not found' })
  })

  it('creates an item with 201 and fills defaults', async () => {
    const app = buildApp()
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'Pen', price: 1.5, secret: 'x' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ id: 4, name: 'Pen', price: 1.5, tags: [], stock: 0 })
    expect(res.json()).not.toHaveProperty('secret')
  })

  it('reports every invalid field of a new item in one 422', async () => {
    const res = await buildApp().inject({ method: 'POST', url: '/items', payload: { name: '', price: -1 } })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
      ['body', 'name'],
      ['body', 'price'],
    ])
  })

  it('updates only the fields a PATCH sends', async () => {
    const app = buildApp()
    const res = await app.inject({ method: 'PATCH', url: '/items/2', payload: { price: 30 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: 2, name: 'Mouse', price: 30, stock: 40 })
  })

  it('deletes with 204 and an empty body, then 404', async () => {
    const app = buildApp()
    const res = await app.inject({ method: 'DELETE', url: '/items/2' })
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    expect((await app.inject({ method: 'DELETE', url: '/items/2' })).statusCode).toBe(404)
  })

  it('answers an out-of-stock purchase through its exception handler', async () => {
    const app = buildApp()
    const res = await app.inject({ method: 'POST', url: '/items/3/purchase', payload: { quantity: 2 } })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ detail: 'Only 0 left of item 3', item_id: 3, available: 0 })
    const ok = await app.inject({ method: 'POST', url: '/items/1/purchase', payload: { quantity: 2 } })
    expect(ok.json().stock).toBe(10)
  })
})

describe('store: users', () => {
  it('registers a user without ever sending the password or its hash', async () => {
    const app = buildApp()
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      payload: { username: 'bob_1', email: 'bob@example.com', password: 'correct horse' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: 2, username: 'bob_1', email: 'bob@example.com' })
    expect(res.body).not.toMatch(/password|correct horse/i)
  })

  it('refuses a taken username with 409 and a bad email with 422', async () => {
    const app = buildApp()
    const taken = await app.inject({
      method: 'POST',
      url: '/users',
      payload: { username: 'alice', email: 'a@b.co', password: '12345678' },
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json()).toEqual({ detail: 'Username already taken' })
    const bad = await app.inject({
      method: 'POST',
      url: '/users',
      payload: { username: 'carol', email: 'nope', password: '12345678' },
    })
    expect(bad.json().detail).toEqual([
      {
        type: 'string_format_mismatch',
        loc: ['body', 'email'],
        msg: "String should match format 'email'",
        input: 'nope',
        ctx: { format: 'email' },
      },
    ])
  })
})
