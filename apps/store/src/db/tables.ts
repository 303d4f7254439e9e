/**
 * @module
 * The store's tables, as Drizzle describes them: the one definition queries are typed from and migrations are
 * generated from (`pnpm --filter @fastbox/store db:generate` after a change writes the next file in `drizzle/`).
 */
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  email: text('email').notNull(),
  fullName: text('full_name'),
  /** An Argon2id hash (PHC string); never leaves the server. */
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const items = pgTable(
  'items',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    tax: numeric('tax', { precision: 12, scale: 2, mode: 'number' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    stock: integer('stock').notNull().default(0),
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The database itself refuses a negative stock, whatever the code above it does.
  (table) => [check('items_stock_not_negative', sql`${table.stock} >= 0`)],
)

export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  // No foreign key: an order outlives the item it bought (its id stays in the record).
  itemId: integer('item_id').notNull(),
  quantity: integer('quantity').notNull(),
  status: text('status').notNull().default('placed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const auditEntries = pgTable('audit_entries', {
  id: serial('id').primaryKey(),
  action: text('action').notNull(),
  userId: integer('user_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  message: text('message').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Binary data: `bytea` on both databases, a `Buffer` in TypeScript (PGlite reads a `Uint8Array`, pg a `Buffer`). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
})

/**
 * An item's image, in the database itself: no folder to keep next to it, and the same on every instance of a
 * PostgreSQL deployment. One per item; it goes with its item.
 */
export const itemImages = pgTable(
  'item_images',
  {
    itemId: integer('item_id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** The SHA-256 of the bytes, hex: the strong ETag. */
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('item_images_size_matches', sql`${table.size} = octet_length(${table.data})`)],
)
