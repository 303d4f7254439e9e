import { createApp, t } from 'fastbox'

const Item = t.Object({ id: t.Integer(), name: t.String() }, { $id: 'Item', description: 'An item for sale' })

export const app = createApp({
  title: 'Shop',
  version: '2.0.0',
  tags: [{ name: 'items', description: 'What the shop sells' }],
  docsUrl: '/docs', // Swagger UI (the default); `null` turns it off
  redocUrl: null, // no ReDoc for this app
})
  .get(
    '/items/{item_id}',
    {
      tags: ['items'],
      summary: 'Read an item',
      path: { item_id: t.Integer({ description: 'The item to read' }) },
      response: { 200: Item, 404: t.Object({ detail: t.String() }, { description: 'No such item' }) },
    },
    ({ path }) => ({ id: path.item_id, name: 'Lamp' }),
  )
  .post(
    '/items',
    { tags: ['items'], operationId: 'createItem', body: Item, status: 201, response: Item },
    ({ body }) => body,
  )
  .get('/health', { includeInSchema: false }, () => ({ ok: true }))
