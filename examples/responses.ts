import { createApp, dateTime, t } from 'fastbox'

const User = t.Object({ id: t.Integer(), name: t.String(), joined: dateTime() })
const users = new Map([
  [1, { id: 1, name: 'Ada', joined: new Date('2024-05-01T10:00:00Z'), passwordHash: 'x1' }],
])

export const app = createApp()
  .get(
    '/users/{id}',
    { path: { id: t.Integer() }, response: { 200: User, 404: t.Object({ detail: t.String() }) } },
    ({ path, respond }) => users.get(path.id) ?? respond(404, { detail: 'No such user' }),
  )
  .delete('/users/{id}', { path: { id: t.Integer() }, status: 204 }, ({ path }) => {
    users.delete(path.id)
  })
