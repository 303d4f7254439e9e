/**
 * Response shaping, as FastAPI's `response_model_exclude_unset`, `_exclude_none` and `_exclude_defaults`
 * (route keys `responseExcludeUnset`, `responseExcludeNone`, `responseExcludeDefaults`), at every depth; and
 * the default they turn off: a field the handler leaves out is written with its schema `default`, as
 * FastAPI's response model fills it in.
 */
import { describe, expect, it } from 'vitest'
import { createApp, nullable, t } from '../index.ts'

// FastAPI's tutorial (docs_src/response_model/tutorial004); `t.Optional` lets a handler leave a field out.
const Item = t.Object({
  name: t.String(),
  description: t.Optional(nullable(t.String())),
  price: t.Number(),
  tax: t.Optional(t.Number({ default: 10.5 })),
  tags: t.Optional(t.Array(t.String(), { default: [] })),
})

const items = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
}
const frozen = structuredClone(items)

type Name = keyof typeof items

function app(options: {
  responseExcludeUnset?: boolean
  responseExcludeNone?: boolean
  responseExcludeDefaults?: boolean
}) {
  return createApp().get(
    '/items/{item_id}',
    {
      path: { item_id: t.Union([t.Literal('foo'), t.Literal('bar'), t.Literal('baz')]) },
      response: Item,
      ...options,
    },
    ({ path }) => items[path.item_id as Name],
  )
}

async function read(target: ReturnType<typeof app>, name: Name) {
  const response = await target.inject(`/items/${name}`)
  return { status: response.statusCode, body: response.json() as unknown }
}

describe('responses fill in defaults (FastAPI’s default)', () => {
  it('writes the default of a field the handler left out', async () => {
    expect(await read(app({}), 'foo')).toEqual({
      status: 200,
      body: { name: 'Foo', description: null, price: 50.2, tax: 10.5, tags: [] },
    })
  })

  it('fills a required field with a default too, instead of failing validation', async () => {
    const Row = t.Object({ id: t.Integer(), state: t.String({ default: 'new' }) })
    const target = createApp().get('/row', { response: Row }, () => ({ id: 1 }) as t.Static<typeof Row>)
    const response = await target.inject('/row')
    expect({ status: response.statusCode, body: response.json() }).toEqual({
      status: 200,
      body: { id: 1, state: 'new' },
    })
  })
})

describe('responseExcludeUnset', () => {
  const target = app({ responseExcludeUnset: true })

  it('leaves out the fields the handler did not set; keeps those it set, even to their default', async () => {
    expect(await read(target, 'foo')).toEqual({ status: 200, body: { name: 'Foo', price: 50.2 } })
    expect(await read(target, 'bar')).toEqual({
      status: 200,
      body: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
    })
    expect(await read(target, 'baz')).toEqual({
      status: 200,
      body: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
    })
    expect(items).toEqual(frozen)
  })

  it('applies at every depth, shared ($id) schemas included', async () => {
    const Tag = t.Object(
      { label: t.String(), color: t.Optional(t.String({ default: 'grey' })) },
      { $id: 'ShapedTag' },
    )
    const Order = t.Object({
      id: t.Integer(),
      note: t.Optional(t.String({ default: '' })),
      lines: t.Array(t.Object({ sku: t.String(), qty: t.Optional(t.Integer({ default: 1 })) })),
      tags: t.Array(Tag),
      main: t.Optional(Tag),
    })
    const order = {
      id: 1,
      lines: [{ sku: 'a' }, { sku: 'b', qty: 2 }],
      tags: [{ label: 'x' }],
      main: { label: 'y' },
    }
    const shaped = createApp()
      .get('/unset', { response: Order, responseExcludeUnset: true }, () => order)
      .get('/filled', { response: Order }, () => order)
    expect((await shaped.inject('/unset')).json()).toEqual(order)
    expect((await shaped.inject('/filled')).json()).toEqual({
      id: 1,
      note: '',
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
      tags: [{ label: 'x', color: 'grey' }],
      main: { label: 'y', color: 'grey' },
    })
  })
})

describe('responseExcludeNone', () => {
  it('leaves out null fields at every depth; list items and record entries keep their nulls', async () => {
    const Profile = t.Object({
      name: t.String(),
      nickname: t.Union([t.String(), t.Null()]),
      address: nullable(t.Object({ city: t.String(), zip: nullable(t.String()) })),
      friends: t.Array(t.Object({ name: t.String(), email: nullable(t.String()) })),
      scores: t.Array(t.Union([t.Number(), t.Null()])),
      extra: t.Record(t.String(), t.Union([t.String(), t.Null()])),
    })
    const profile = {
      name: 'Ada',
      nickname: null,
      address: { city: 'London', zip: null },
      friends: [{ name: 'Bob', email: null }],
      scores: [1, null],
      extra: { a: null, b: 'x' },
    }
    const before = structuredClone(profile)
    const target = createApp()
      .get('/me', { response: Profile, responseExcludeNone: true }, () => profile)
      .get('/none', { response: Profile, responseExcludeNone: true }, () => ({ ...profile, address: null }))
    expect((await target.inject('/me')).json()).toEqual({
      name: 'Ada',
      address: { city: 'London' },
      friends: [{ name: 'Bob' }],
      scores: [1, null],
      extra: { a: null, b: 'x' },
    })
    expect((await target.inject('/none')).json()).toEqual({
      name: 'Ada',
      friends: [{ name: 'Bob' }],
      scores: [1, null],
      extra: { a: null, b: 'x' },
    })
    expect(profile).toEqual(before)
    // Without the option, the nulls are written.
    const plain = createApp().get('/me', { response: Profile }, () => profile)
    expect((await plain.inject('/me')).json()).toEqual(profile)
  })

  it('shapes the branch of a union the value belongs to, and recursive schemas', async () => {
    const Cat = t.Object({ kind: t.Literal('cat'), name: nullable(t.String()) })
    const Dog = t.Object({ kind: t.Literal('dog'), bark: nullable(t.String()) })
    const Node = t.Recursive((This) => t.Object({ label: nullable(t.String()), children: t.Array(This) }), {
      $id: 'ShapedNode',
    })
    const target = createApp()
      .get('/pets', { response: t.Array(t.Union([Cat, Dog])), responseExcludeNone: true }, () => [
        { kind: 'cat' as const, name: null },
        { kind: 'dog' as const, bark: null },
      ])
      .get('/tree', { response: Node, responseExcludeNone: true }, () => ({
        label: null,
        children: [{ label: 'leaf', children: [{ label: null, children: [] }] }],
      }))
    expect((await target.inject('/pets')).json()).toEqual([{ kind: 'cat' }, { kind: 'dog' }])
    expect((await target.inject('/tree')).json()).toEqual({
      children: [{ label: 'leaf', children: [{ children: [] }] }],
    })
  })
})

describe('responseExcludeDefaults', () => {
  it('leaves out fields equal to their default, and writes no default, at every depth', async () => {
    const target = app({ responseExcludeDefaults: true })
    expect(await read(target, 'foo')).toEqual({ status: 200, body: { name: 'Foo', price: 50.2 } })
    expect(await read(target, 'bar')).toEqual({
      status: 200,
      body: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
    })
    expect(await read(target, 'baz')).toEqual({ status: 200, body: { name: 'Baz', price: 50.2 } })
    const Box = t.Object({
      inner: t.Array(
        t.Object({ size: t.Integer({ default: 1 }), tags: t.Array(t.String(), { default: [] }) }),
      ),
    })
    const boxes = createApp().get('/box', { response: Box, responseExcludeDefaults: true }, () => ({
      inner: [
        { size: 1, tags: [] },
        { size: 2, tags: ['a'] },
      ],
    }))
    expect((await boxes.inject('/box')).json()).toEqual({ inner: [{}, { size: 2, tags: ['a'] }] })
  })

  it('combines with the others, and shapes a respond() body of another status', async () => {
    const target = createApp().get(
      '/items/{id}',
      {
        path: { id: t.Integer() },
        response: { 200: Item, 404: t.Object({ detail: t.String(), hint: nullable(t.String()) }) },
        responseExcludeNone: true,
        responseExcludeDefaults: true,
      },
      ({ path, respond }) =>
        path.id === 0 ? respond(404, { detail: 'No such item', hint: null }) : items.baz,
    )
    expect((await target.inject('/items/1')).json()).toEqual({ name: 'Baz', price: 50.2 })
    const missing = await target.inject('/items/0')
    expect({ status: missing.statusCode, body: missing.json() }).toEqual({
      status: 404,
      body: { detail: 'No such item' },
    })
  })
})
