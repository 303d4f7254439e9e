/**
 * A body of named parts over HTTP (FastAPI's several body parameters and `Body(embed=True)`): each part read
 * from one JSON object by name and validated by its own schema, a missing part reported `missing` with
 * `loc ["body", part]` and `input: null` in declaration order, errors located under their part, lax mode and
 * `strict` applied to each part, and the parts of dependencies read from the same object.
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, dependency, FastboxError, nullable, t } from '../index.ts'

const Item = t.Object({
  name: t.String(),
  description: nullable(t.String()),
  price: t.Number(),
  tax: nullable(t.Number()),
})
const User = t.Object({ username: t.String(), full_name: nullable(t.String()) })

type Injectable = Pick<App, 'inject'>

const JSON_TYPE = 'application/json'

/** Sends `payload` as JSON text (`undefined`: no body at all). */
async function put(app: Injectable, url: string, payload?: string, type = JSON_TYPE, method = 'PUT') {
  const response = await app.inject({
    method: method as 'PUT',
    url,
    ...(payload !== undefined && { payload, headers: { 'content-type': type } }),
  })
  return { status: response.statusCode, body: response.json() as unknown }
}

function missing(...loc: (string | number)[]) {
  return { type: 'missing', loc, msg: 'Field required', input: null }
}

describe('a body of named parts', () => {
  const app = createApp().put(
    '/items/{item_id}',
    {
      path: { item_id: t.Integer() },
      body: { item: Item, user: User, importance: t.Integer({ exclusiveMinimum: 0 }) },
    },
    ({ path, body }) => ({ item_id: path.item_id, parts: Object.keys(body), ...body }),
  )

  it('reads each part by name, validated by its own schema; other keys of the object are left out', async () => {
    const payload = {
      importance: 2,
      item: { name: 'Foo', price: 50.5 },
      user: { username: 'Dave' },
      extra: 1,
    }
    expect(await put(app, '/items/5', JSON.stringify(payload))).toEqual({
      status: 200,
      body: {
        item_id: 5,
        parts: ['item', 'user', 'importance'],
        item: { name: 'Foo', price: 50.5, description: null, tax: null },
        user: { username: 'Dave', full_name: null },
        importance: 2,
      },
    })
  })

  it('reports each required part of a missing, empty or null body, in declaration order, input null', async () => {
    const all = {
      status: 422,
      body: { detail: [missing('body', 'item'), missing('body', 'user'), missing('body', 'importance')] },
    }
    expect(await put(app, '/items/5')).toEqual(all)
    expect(await put(app, '/items/5', '')).toEqual(all)
    expect(await put(app, '/items/5', '{}')).toEqual(all)
    expect(await put(app, '/items/5', 'null')).toEqual(all)
  })

  it('reports every part of a body that is not an object (FastAPI reads no part from it)', async () => {
    const all = {
      status: 422,
      body: { detail: [missing('body', 'item'), missing('body', 'user'), missing('body', 'importance')] },
    }
    for (const payload of ['[]', '[{"item":{}}]', '"item"', '5', 'true']) {
      expect(await put(app, '/items/5', payload), payload).toEqual(all)
    }
  })

  it('reports only the parts left out, a null part as left out', async () => {
    expect(await put(app, '/items/5', JSON.stringify({ user: { username: 'Dave' }, item: null }))).toEqual({
      status: 422,
      body: { detail: [missing('body', 'item'), missing('body', 'importance')] },
    })
  })

  it('locates errors under their part, with the input the client sent, in declaration order', async () => {
    const payload = { importance: 0, user: { full_name: 'John Doe' }, item: { name: 'Foo', price: 'cheap' } }
    expect(await put(app, '/items/foo', JSON.stringify(payload))).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'int_parsing',
            loc: ['path', 'item_id'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'foo',
          },
          {
            type: 'float_parsing',
            loc: ['body', 'item', 'price'],
            msg: 'Input should be a valid number, unable to parse string as a number',
            input: 'cheap',
          },
          // FastAPI echoes the part that lacks a field.
          {
            type: 'missing',
            loc: ['body', 'user', 'username'],
            msg: 'Field required',
            input: { full_name: 'John Doe' },
          },
          {
            type: 'greater_than',
            loc: ['body', 'importance'],
            msg: 'Input should be greater than 0',
            input: 0,
            ctx: { gt: 0 },
          },
        ],
      },
    })
  })

  it('lists a part left out among the errors of the others, in declaration order', async () => {
    expect(await put(app, '/items/5', JSON.stringify({ user: {}, importance: 1 }))).toEqual({
      status: 422,
      body: {
        detail: [
          missing('body', 'item'),
          { type: 'missing', loc: ['body', 'user', 'username'], msg: 'Field required', input: {} },
        ],
      },
    })
  })

  it('reads each part in lax mode, as a single body is read', async () => {
    const payload = { importance: '2', item: { name: 'Foo', price: '50.5' }, user: { username: 'Dave' } }
    const { status, body } = await put(app, '/items/5', JSON.stringify(payload))
    expect(status).toBe(200)
    expect(body).toMatchObject({ importance: 2, item: { price: 50.5 } })
  })

  it('answers 415 to a body that is not JSON', async () => {
    expect((await put(app, '/items/5', 'item=1', 'application/x-www-form-urlencoded')).status).toBe(415)
  })
})

describe('parts that may be left out', () => {
  const app = createApp().post(
    '/orders',
    {
      body: {
        note: t.Optional(t.String()),
        priority: t.Integer({ default: 1 }),
        coupon: nullable(t.String()),
      },
    },
    ({ body }) => ({ body, hasNote: body.note !== undefined }),
  )

  it('takes no body when no part is required: optional parts absent, defaults filled in', async () => {
    const expected = { status: 200, body: { body: { priority: 1, coupon: null }, hasNote: false } }
    expect(await put(app, '/orders', undefined, JSON_TYPE, 'POST')).toEqual(expected)
    expect(await put(app, '/orders', 'null', JSON_TYPE, 'POST')).toEqual(expected)
    expect(await put(app, '/orders', '{"note":"hi","coupon":null}', JSON_TYPE, 'POST')).toEqual({
      status: 200,
      body: { body: { note: 'hi', priority: 1, coupon: null }, hasNote: true },
    })
  })

  it('still lists every part, optional ones too, for a body that is not an object (as FastAPI)', async () => {
    expect(await put(app, '/orders', '[]', JSON_TYPE, 'POST')).toEqual({
      status: 422,
      body: { detail: [missing('body', 'note'), missing('body', 'priority'), missing('body', 'coupon')] },
    })
  })
})

describe('one embedded part (FastAPI `Body(embed=True)`)', () => {
  const app = createApp().put(
    '/items/{item_id}',
    { path: { item_id: t.Integer() }, body: { item: Item } },
    ({ path, body }) => ({ item_id: path.item_id, item: body.item }),
  )

  it('reads the part under its name', async () => {
    expect(await put(app, '/items/5', JSON.stringify({ item: { name: 'Foo', price: 50.5 } }))).toEqual({
      status: 200,
      body: { item_id: 5, item: { name: 'Foo', price: 50.5, description: null, tax: null } },
    })
  })

  it('reports the part missing when the body is sent without it', async () => {
    expect(await put(app, '/items/5', JSON.stringify({ name: 'Foo', price: 50.5 }))).toEqual({
      status: 422,
      body: { detail: [missing('body', 'item')] },
    })
  })
})

describe('strict', () => {
  it('takes each part as it is with `strict: true`', async () => {
    const app = createApp({ strict: true }).put(
      '/items',
      { body: { item: Item, importance: t.Integer() } },
      ({ body }) => body,
    )
    const payload = { importance: '2', item: { name: 'Foo', price: '50.5' } }
    expect(await put(app, '/items', JSON.stringify(payload))).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'float_type',
            loc: ['body', 'item', 'price'],
            msg: 'Input should be a valid number',
            input: '50.5',
          },
          {
            type: 'int_type',
            loc: ['body', 'importance'],
            msg: 'Input should be a valid integer',
            input: '2',
          },
        ],
      },
    })
  })
})

describe('parts named as Object.prototype keys', () => {
  it('reads them as data, never from the prototype', async () => {
    const app = createApp().put(
      '/things',
      { body: { constructor: t.Optional(t.String()), toString: t.Integer() } },
      ({ body }) => ({ constructor: body.constructor ?? 'absent', toString: body.toString }),
    )
    expect(await put(app, '/things', '{"toString":3}')).toEqual({
      status: 200,
      body: { constructor: 'absent', toString: 3 },
    })
    expect(await put(app, '/things', '{}')).toEqual({
      status: 422,
      body: { detail: [missing('body', 'toString')] },
    })
  })
})

describe('parts declared by dependencies', () => {
  it('reads the parts of the route and of its dependencies from one object', async () => {
    const currentUser = dependency({ body: { user: User } }, ({ body }) => body.user.username)
    const app = createApp().put(
      '/items',
      { body: { item: Item }, deps: { username: currentUser } },
      ({ body, deps }) => ({ item: body.item.name, username: deps.username }),
    )
    expect(
      await put(
        app,
        '/items',
        JSON.stringify({ item: { name: 'Foo', price: 1 }, user: { username: 'Dave' } }),
      ),
    ).toEqual({
      status: 200,
      body: { item: 'Foo', username: 'Dave' },
    })
    expect(await put(app, '/items')).toEqual({
      status: 422,
      body: { detail: [missing('body', 'item'), missing('body', 'user')] },
    })
  })

  it('refuses a part read with two schemas, and a body of parts next to a whole-body schema', () => {
    const other = dependency({ body: { item: t.String() } }, () => 1)
    expect(() => createApp().put('/a', { body: { item: Item }, deps: { other } }, () => null)).toThrow(
      'Route PUT /a reads the body part "item" with two different schemas (in the route or its dependencies).',
    )
    const whole = dependency({ body: Item }, () => 1)
    expect(() => createApp().put('/b', { body: { item: Item }, deps: { whole } }, () => null)).toThrow(
      'Route PUT /b and its dependencies declare different bodies',
    )
  })
})

describe('declaration mistakes', () => {
  it('refuses a record with no part, or a part that is not a schema', () => {
    const error = (register: () => unknown) => {
      try {
        register()
      } catch (thrown) {
        expect(thrown).toBeInstanceOf(FastboxError)
        return [(thrown as FastboxError).code, (thrown as FastboxError).message]
      }
      return undefined
    }
    expect(error(() => createApp().put('/a', { body: {} }, () => null))).toEqual([
      'FASTBOX_ERR_INVALID_SPEC',
      'Route PUT /a declares its body as named parts ({ name: schema }), but names no part.',
    ])
    expect(error(() => createApp().put('/b', { body: { item: 5 } } as never, () => {}))).toEqual([
      'FASTBOX_ERR_INVALID_SPEC',
      'Route PUT /b declares its body as named parts ({ name: schema }), but the part "item" is not a schema.',
    ])
  })
})
