import { createApp, t } from 'fastbox'

const Item = t.Object({ id: t.Integer(), name: t.String(), price: t.Number() })

export const app = createApp({ title: 'Shop' }).get(
  '/items/{item_id}',
  {
    path: { item_id: t.Integer({ minimum: 1 }) },
    query: { q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) },
    response: Item,
  },
  ({ path, query }) => {
    // path.item_id: number, query.q: string | undefined, query.limit: number
    return { id: path.item_id, name: query.q ?? 'Widget', price: 9.5, secret: 'never sent' }
  },
)
