import { createApp, createRouter, dependency, HTTPException, t } from 'fastbox'

const verifyToken = dependency({ headers: { x_token: t.String() } }, ({ headers }) => {
  if (headers.x_token !== 'secret') throw new HTTPException(400, 'X-Token header invalid')
})

const items = createRouter({
  prefix: '/items',
  tags: ['items'],
  dependencies: [verifyToken],
  responses: { 404: { description: 'Not found' } },
})
  .get('/', () => [{ id: 1 }])
  .get('/{item_id}', { path: { item_id: t.Integer() } }, ({ path }) => ({ id: path.item_id }))

export const app = createApp().includeRouter(items, { prefix: '/v1' })
