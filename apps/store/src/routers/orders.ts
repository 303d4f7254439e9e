/**
 * @module
 * `/orders`: buying. An order takes its quantity off the item's stock in the request's transaction, with one
 * conditional UPDATE: concurrent orders for the last units cannot both succeed, and stock never goes negative.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm'
import { createRouter, t } from 'fastbox'
import type { Session } from '../db/database.ts'
import { auditEntries, items, notifications, orders } from '../db/tables.ts'
import type { StoreDependencies, UserRecord } from '../dependencies.ts'
import { InsufficientStockError } from '../errors.ts'
import { toOrder } from '../records.ts'
import { ErrorDetail, InsufficientStock, Order, OrderCreate } from '../schemas.ts'
import { BODY_TOO_LARGE } from './common.ts'

/** The background task after an order: an audit entry and a notification for the buyer. */
export async function recordOrder(db: Session, user: UserRecord, order: typeof orders.$inferSelect) {
  await db.insert(auditEntries).values({
    action: 'order.placed',
    userId: user.id,
    details: { order_id: order.id, item_id: order.itemId, quantity: order.quantity },
  })
  await db.insert(notifications).values({
    userId: user.id,
    message: `Your order ${order.id} (${order.quantity} × item ${order.itemId}) is placed`,
  })
}

export function ordersRouter(d: StoreDependencies) {
  return createRouter({ prefix: '/orders', tags: ['orders'] })
    .post(
      '/',
      {
        summary: 'Place an order',
        body: OrderCreate,
        deps: { user: d.currentUser, db: d.database, tx: d.transaction },
        status: 201,
        response: { 201: Order, 404: ErrorDetail, 409: InsufficientStock },
        responses: BODY_TOO_LARGE,
      },
      async ({ body, deps, respond, background }) => {
        const [taken] = await deps.tx
          .update(items)
          .set({ stock: sql`${items.stock} - ${body.quantity}` })
          .where(and(eq(items.id, body.item_id), gte(items.stock, body.quantity)))
          .returning({ stock: items.stock })
        if (taken === undefined) {
          const [item] = await deps.tx
            .select({ stock: items.stock })
            .from(items)
            .where(eq(items.id, body.item_id))
          if (item === undefined) return respond(404, { detail: 'Item not found' })
          // Thrown, not answered: the transaction rolls back, and the exception handler answers 409.
          throw new InsufficientStockError(body.item_id, body.quantity, item.stock)
        }
        const [order] = await deps.tx
          .insert(orders)
          .values({ userId: deps.user.id, itemId: body.item_id, quantity: body.quantity })
          .returning()
        if (order === undefined) throw new Error('INSERT ... RETURNING gave no row')
        // Runs after the answer is sent, so after the transaction commits; on the database, not the transaction.
        background.add(recordOrder, deps.db, deps.user, order)
        return toOrder(order)
      },
    )
    .get(
      '/',
      {
        summary: 'List my orders',
        query: {
          skip: t.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          limit: t.Integer({ minimum: 1, maximum: 100, default: 20 }),
        },
        deps: { user: d.currentUser, db: d.database },
        response: t.Array(Order),
      },
      async ({ query, deps }) => {
        const rows = await deps.db
          .select()
          .from(orders)
          .where(eq(orders.userId, deps.user.id))
          .orderBy(desc(orders.id))
          .offset(query.skip)
          .limit(query.limit)
        return rows.map(toOrder)
      },
    )
}
