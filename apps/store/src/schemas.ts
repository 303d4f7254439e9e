/**
 * @module
 * The store's schemas. Those with a `$id` are shared: one definition, referenced wherever it is used.
 */
import { dateTime, type Static, t } from 'fastbox'

export const Item = t.Object(
  {
    id: t.Integer({ minimum: 1 }),
    name: t.String({ minLength: 1, maxLength: 100 }),
    description: t.Optional(t.String({ maxLength: 1000 })),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Array(t.String(), { default: [] }),
    stock: t.Integer({ minimum: 0 }),
    createdAt: dateTime(),
  },
  { $id: 'Item' },
)
export type Item = Static<typeof Item>

export const ItemCreate = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
    description: t.Optional(t.String({ maxLength: 1000 })),
    price: t.Number({ exclusiveMinimum: 0 }),
    tags: t.Optional(t.Array(t.String(), { maxItems: 20 })),
    stock: t.Integer({ minimum: 0, default: 0 }),
  },
  { $id: 'ItemCreate' },
)

/** Fields a PATCH may change. No `default`s here: a default would overwrite a field the client left out. */
export const ItemUpdate = t.Object(
  {
    name: t.Optional(t.String({ minLength: 1, maxLength: 100 })),
    description: t.Optional(t.String({ maxLength: 1000 })),
    price: t.Optional(t.Number({ exclusiveMinimum: 0 })),
    tags: t.Optional(t.Array(t.String(), { maxItems: 20 })),
    stock: t.Optional(t.Integer({ minimum: 0 })),
  },
  { $id: 'ItemUpdate' },
)

export const User = t.Object(
  {
    id: t.Integer(),
    username: t.String({ minLength: 3, maxLength: 30, pattern: '^[a-z0-9_]+$' }),
    email: t.String({ format: 'email' }),
    fullName: t.Optional(t.String()),
  },
  { $id: 'User' },
)

export const UserCreate = t.Object(
  {
    username: t.String({ minLength: 3, maxLength: 30, pattern: '^[a-z0-9_]+$' }),
    email: t.String({ format: 'email' }),
    fullName: t.Optional(t.String()),
    password: t.String({ minLength: 8 }),
  },
  { $id: 'UserCreate' },
)

export const NotFound = t.Object({ detail: t.String() }, { $id: 'NotFound' })

/** The answer of the OAuth2 token route: what Swagger UI's "Authorize" dialog reads. */
export const Token = t.Object({ access_token: t.String(), token_type: t.String() }, { $id: 'Token' })
