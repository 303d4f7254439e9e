/**
 * @module
 * The store's schemas. Each has a `$id`: one definition, a named component of the OpenAPI document, referenced
 * wherever it is used. Bounds follow the database's columns (a 32-bit `integer`, `numeric(12, 2)`), so a value
 * the database could not store is a 422, never a 500.
 */
import { dateTime, type Static, t } from 'fastbox'

const INT4_MAX = 2_147_483_647
const PRICE_MAX = 1_000_000

/** An `id` in a path (the database's ids are 32-bit). */
export const Id = t.Integer({ minimum: 1, maximum: INT4_MAX })

/** The body of every error the store answers itself (FastAPI's `HTTPException` shape). */
export const ErrorDetail = t.Object({ detail: t.String() }, { $id: 'ErrorDetail' })

export const InsufficientStock = t.Object(
  { error: t.Literal('insufficient_stock'), detail: t.String() },
  { $id: 'InsufficientStock', description: 'Not enough stock for the order' },
)

const Username = t.String({
  minLength: 3,
  maxLength: 50,
  pattern: '^[a-z0-9_-]+$',
  description: 'Lower-case letters, digits, - and _',
})

export const UserCreate = t.Object(
  {
    username: Username,
    email: t.String({ format: 'email', maxLength: 254 }),
    // An upper bound too: hashing a megabyte-long password on every login would be a cheap attack.
    password: t.String({ minLength: 8, maxLength: 128 }),
    full_name: t.Optional(t.String({ maxLength: 100 })),
  },
  { $id: 'UserCreate' },
)
export type UserCreate = Static<typeof UserCreate>

export const User = t.Object(
  {
    id: t.Integer(),
    username: t.String(),
    email: t.String(),
    full_name: t.Union([t.String(), t.Null()]),
    is_active: t.Boolean(),
  },
  { $id: 'User' },
)

/** The answer of the OAuth2 token route: what Swagger UI's "Authorize" dialog reads. */
export const Token = t.Object({ access_token: t.String(), token_type: t.Literal('bearer') }, { $id: 'Token' })

const ItemName = t.String({ minLength: 1, maxLength: 100 })
const Description = t.String({ maxLength: 1000 })
const Price = t.Number({ exclusiveMinimum: 0, maximum: PRICE_MAX, description: 'In the store’s currency' })
const Tax = t.Number({ minimum: 0, maximum: PRICE_MAX, description: 'Added to the price' })
const Tags = t.Array(t.String({ minLength: 1, maxLength: 30 }), { maxItems: 20 })
const Stock = t.Integer({ minimum: 0, maximum: 1_000_000 })

export const Item = t.Object(
  {
    id: t.Integer(),
    name: t.String(),
    description: t.Union([t.String(), t.Null()]),
    price: t.Number(),
    tax: t.Union([t.Number(), t.Null()]),
    price_with_tax: t.Number(),
    tags: t.Array(t.String()),
    stock: t.Integer({ minimum: 0 }),
    image_url: t.Union([t.String(), t.Null()], {
      description: 'Where its image is served (a path on this server), null when it has none',
    }),
    created_at: dateTime(),
  },
  { $id: 'Item' },
)
export type Item = Static<typeof Item>

export const ItemCreate = t.Object(
  {
    name: ItemName,
    description: t.Optional(Description),
    price: Price,
    tax: t.Optional(Tax),
    tags: t.Optional(Tags),
    stock: t.Optional(Stock),
  },
  { $id: 'ItemCreate' },
)

/** Fields a PATCH may change. No `default`s here: a default would overwrite a field the client left out. */
export const ItemUpdate = t.Object(
  {
    name: t.Optional(ItemName),
    description: t.Optional(t.Union([Description, t.Null()])),
    price: t.Optional(Price),
    tax: t.Optional(t.Union([Tax, t.Null()])),
    tags: t.Optional(Tags),
    stock: t.Optional(Stock),
  },
  { $id: 'ItemUpdate' },
)
export type ItemUpdate = Static<typeof ItemUpdate>

export const OrderCreate = t.Object(
  { item_id: Id, quantity: t.Integer({ minimum: 1, maximum: 1000 }) },
  { $id: 'OrderCreate' },
)

export const Order = t.Object(
  {
    id: t.Integer(),
    item_id: t.Integer(),
    quantity: t.Integer(),
    status: t.String(),
    created_at: dateTime(),
  },
  { $id: 'Order' },
)

export const AuditEntry = t.Object(
  {
    id: t.Integer(),
    action: t.String(),
    user_id: t.Union([t.Integer(), t.Null()]),
    details: t.Record(t.String(), t.Unknown()),
    created_at: dateTime(),
  },
  { $id: 'AuditEntry' },
)

export const Notification = t.Object(
  { id: t.Integer(), user_id: t.Integer(), message: t.String(), created_at: dateTime() },
  { $id: 'Notification' },
)

export const AuditLog = t.Object(
  { entries: t.Array(AuditEntry), notifications: t.Array(Notification) },
  { $id: 'AuditLog' },
)
