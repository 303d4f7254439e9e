import { createApp, t } from 'fastbox'

const Item = t.Object({ name: t.String(), price: t.Number() }, { $id: 'Item' })
const User = t.Object({ username: t.String() }, { $id: 'User' })

export const app = createApp().put(
  '/items/{item_id}',
  {
    path: { item_id: t.Integer() },
    // FastAPI's `item: Item, user: User, importance: int = Body(gt=0)`: one JSON object, a key per part.
    body: {
      item: Item,
      user: User,
      importance: t.Integer({ exclusiveMinimum: 0 }),
      note: t.Optional(t.String()),
    },
  },
  ({ path, body }) => ({
    item_id: path.item_id,
    item: body.item.name,
    by: body.user.username,
    importance: body.importance,
    note: body.note ?? null,
  }),
)
