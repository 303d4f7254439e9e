/**
 * Type tests: a body declared as named parts (`body: { item: Item, importance: t.Integer() }`) gives the
 * handler, its dependencies and the app's route type an object of the parts, each typed by its schema.
 */
import { describe, expectTypeOf, test } from 'vitest'
import { type BodyStatic, createApp, dependency, nullable, type Static, t } from '../index.ts'

const Item = t.Object({ name: t.String(), price: t.Number() }, { $id: 'Item' })
const User = t.Object({ username: t.String() })
type ItemValue = Static<typeof Item>
type UserValue = Static<typeof User>

describe('a body of named parts', () => {
  test('each part typed by its schema', () => {
    createApp().put(
      '/items/{item_id}',
      { body: { item: Item, user: User, importance: t.Integer() } },
      ({ body }) => {
        expectTypeOf(body).not.toBeAny()
        expectTypeOf(body).toEqualTypeOf<{ item: ItemValue; user: UserValue; importance: number }>()
        expectTypeOf(body.item.price).toEqualTypeOf<number>()
        // @ts-expect-error: no such part.
        void body.owner
        // @ts-expect-error: a part's fields are its schema's.
        void body.user.price
      },
    )
  })

  test('one part is FastAPI’s Body(embed=True): the value is under its name', () => {
    createApp().put('/items', { body: { item: Item } }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<{ item: ItemValue }>()
    })
  })

  test('t.Optional parts may be undefined, nullable ones null; a part with a default is there', () => {
    createApp().post(
      '/orders',
      {
        body: {
          note: t.Optional(t.String()),
          coupon: nullable(t.String()),
          priority: t.Integer({ default: 1 }),
        },
      },
      ({ body }) => {
        expectTypeOf(body).toEqualTypeOf<{ note?: string; coupon: string | null; priority: number }>()
      },
    )
  })

  test('BodyStatic reads a record of parts as it reads an object schema', () => {
    expectTypeOf<BodyStatic<{ item: typeof Item; n: t.TInteger }>>().toEqualTypeOf<{
      item: ItemValue
      n: number
    }>()
    expectTypeOf<BodyStatic<typeof Item>>().toEqualTypeOf<ItemValue>()
    expectTypeOf<BodyStatic<undefined>>().toEqualTypeOf<undefined>()
  })

  test('a dependency sees its own parts', () => {
    dependency({ body: { user: User } }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<{ user: UserValue }>()
      return body.user.username
    })
  })

  test('the app’s route type records the body of parts', () => {
    const app = createApp().put('/items', { body: { item: Item, importance: t.Integer() } }, () => null)
    type Routes = typeof app extends { '~routes'?: infer R } ? R : never
    type Put = Extract<Routes, { method: 'PUT' }>
    expectTypeOf<Put['input']['body']>().toEqualTypeOf<{ item: ItemValue; importance: number }>()
  })

  test('a part must be a schema', () => {
    // @ts-expect-error: 5 is not a schema.
    createApp().put('/items', { body: { item: 5 } }, () => null)
  })
})
