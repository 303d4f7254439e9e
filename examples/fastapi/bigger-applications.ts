// FastAPI's "Bigger Applications - Multiple Files" tutorial, ported into one file:
// docs_src/bigger_applications/app_an_py310/{dependencies,main}.py, routers/{items,users}.py and internal/admin.py,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, createRouter, dependency, HTTPException, t } from 'fastbox'

// dependencies.py
export const getTokenHeader = dependency({ headers: { x_token: t.String() } }, ({ headers }) => {
  if (headers.x_token !== 'fake-super-secret-token') throw new HTTPException(400, 'X-Token header invalid')
})

export const getQueryToken = dependency({ query: { token: t.String() } }, ({ query }) => {
  if (query.token !== 'jessica') throw new HTTPException(400, 'No Jessica token provided')
})

// routers/users.py
const users = createRouter()
  .get('/users/', { tags: ['users'] }, function readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }]
  })
  .get('/users/me', { tags: ['users'] }, function readUserMe() {
    return { username: 'fakecurrentuser' }
  })
  .get('/users/{username}', { tags: ['users'], path: { username: t.String() } }, function readUser({ path }) {
    return { username: path.username }
  })

// routers/items.py
const fakeItemsDb: Record<string, { name: string }> = {
  plumbus: { name: 'Plumbus' },
  gun: { name: 'Portal Gun' },
}

const items = createRouter({
  prefix: '/items',
  tags: ['items'],
  dependencies: [getTokenHeader],
  responses: { 404: { description: 'Not found' } },
})
  .get('/', function readItems() {
    return fakeItemsDb
  })
  .get('/{item_id}', { path: { item_id: t.String() } }, function readItem({ path }) {
    const item = fakeItemsDb[path.item_id]
    if (item === undefined) throw new HTTPException(404, 'Item not found')
    return { name: item.name, item_id: path.item_id }
  })
  .put(
    '/{item_id}',
    {
      path: { item_id: t.String() },
      tags: ['custom'],
      responses: { 403: { description: 'Operation forbidden' } },
    },
    function updateItem({ path }) {
      if (path.item_id !== 'plumbus') throw new HTTPException(403, 'You can only update the item: plumbus')
      return { item_id: path.item_id, name: 'The great Plumbus' }
    },
  )

// internal/admin.py
const admin = createRouter().post('/', function updateAdmin() {
  return { message: 'Admin getting schwifty' }
})

// main.py
export const app = createApp({ dependencies: [getQueryToken] })
  .includeRouter(users)
  .includeRouter(items)
  .includeRouter(admin, {
    prefix: '/admin',
    tags: ['admin'],
    dependencies: [getTokenHeader],
    responses: { 418: { description: "I'm a teapot" } },
  })
  .get('/', function root() {
    return { message: 'Hello Bigger Applications!' }
  })
