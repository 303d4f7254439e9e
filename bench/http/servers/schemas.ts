/** The TypeBox schemas shared by the plain Fastify and the Fastbox servers. */
import { Type as t } from '@sinclair/typebox'

export const Hello = t.Object({ hello: t.String() })

export const ItemParams = t.Object({ id: t.Integer() })
export const ItemQuery = t.Object({ q: t.Optional(t.String()), limit: t.Integer({ default: 10 }) })
export const ItemRef = t.Object({ id: t.Integer(), q: t.Optional(t.String()), limit: t.Integer() })

export const ItemIn = t.Object({
  name: t.String({ minLength: 1 }),
  price: t.Number({ minimum: 0 }),
  count: t.Integer(),
  active: t.Boolean(),
  tags: t.Array(t.String()),
  note: t.Optional(t.String()),
})
export const Item = t.Object({ id: t.Integer(), ...ItemIn.properties })

export const UserParams = t.Object({ id: t.Integer() })
export const User = t.Object({ id: t.Integer(), name: t.String(), email: t.String(), active: t.Boolean() })
export const UserList = t.Array(User)

export const DepsOut = t.Object({ user_id: t.Integer(), db: t.String() })
