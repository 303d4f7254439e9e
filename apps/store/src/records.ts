/**
 * @module
 * Database rows to API objects: the API's snake_case names, computed fields, and nothing the API must not show
 * (a user's password hash and admin flag never reach a response).
 */
import type { Static } from 'fastbox'
import type { auditEntries, items, notifications, orders, users } from './db/tables.ts'
import type { AuditEntry, Item, Notification, Order, User } from './schemas.ts'

export function toUser(row: typeof users.$inferSelect): Static<typeof User> {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    full_name: row.fullName,
    is_active: row.isActive,
  }
}

/** An item row, and whether the item has an image (`itemColumns` selects both). */
export type ItemRow = typeof items.$inferSelect & { hasImage: boolean }

/** An item; `image_url` is where its image is served, `null` when it has none. */
export function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    tax: row.tax,
    // In cents, so 0.1 + 0.2 is 0.3.
    price_with_tax: (Math.round(row.price * 100) + Math.round((row.tax ?? 0) * 100)) / 100,
    tags: row.tags,
    stock: row.stock,
    image_url: row.hasImage ? `/items/${row.id}/image` : null,
    created_at: row.createdAt.toISOString(),
  }
}

export function toOrder(row: typeof orders.$inferSelect): Static<typeof Order> {
  return {
    id: row.id,
    item_id: row.itemId,
    quantity: row.quantity,
    status: row.status,
    created_at: row.createdAt.toISOString(),
  }
}

export function toAuditEntry(row: typeof auditEntries.$inferSelect): Static<typeof AuditEntry> {
  return {
    id: row.id,
    action: row.action,
    user_id: row.userId,
    details: row.details,
    created_at: row.createdAt.toISOString(),
  }
}

export function toNotification(row: typeof notifications.$inferSelect): Static<typeof Notification> {
  return { id: row.id, user_id: row.userId, message: row.message, created_at: row.createdAt.toISOString() }
}
