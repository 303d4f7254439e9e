/**
 * @module
 * `/items`: the catalogue. Anyone reads it; signed-in users add and change items; admins delete them.
 */
import { and, arrayContains, asc, eq, exists, getTableColumns, gt, ilike, lte, type SQL } from 'drizzle-orm'
import { createRouter, HTTPException, status, t } from 'fastbox'
import type { Session } from '../db/database.ts'
import { itemImages, items } from '../db/tables.ts'
import type { StoreDependencies } from '../dependencies.ts'
import { toItem } from '../records.ts'
import { ErrorDetail, Id, Item, ItemCreate, ItemUpdate } from '../schemas.ts'
import { BODY_TOO_LARGE } from './common.ts'

const NOT_FOUND = 'Item not found'
const ItemPath = { item_id: Id }

/** An item's columns, and whether it has an image (never the image itself). */
function itemColumns(db: Session) {
  const image = db
    .select({ itemId: itemImages.itemId })
    .from(itemImages)
    .where(eq(itemImages.itemId, items.id))
  return { ...getTableColumns(items), hasImage: exists(image).mapWith(Boolean) }
}

export async function findItem(db: Session, id: number) {
  const [row] = await db.select(itemColumns(db)).from(items).where(eq(items.id, id))
  return row === undefined ? undefined : toItem(row)
}

/** `%` and `_` in a search are the characters themselves, not LIKE's wildcards. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

export function itemsRouter(d: StoreDependencies) {
  return createRouter({ prefix: '/items', tags: ['items'] })
    .get(
      '/',
      {
        summary: 'List items',
        query: {
          skip: t.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          limit: t.Integer({ minimum: 1, maximum: 100, default: 20 }),
          search: t.Optional(t.String({ maxLength: 100, description: 'Text the name contains (any case)' })),
          in_stock: t.Optional(t.Boolean({ description: 'Only items in stock (true) or sold out (false)' })),
          tag: t.Optional(t.Array(t.String(), { maxItems: 20, description: 'Items with every tag given' })),
        },
        deps: { db: d.database },
        response: t.Array(Item),
      },
      async ({ query, deps }) => {
        const filters: (SQL | undefined)[] = [
          query.search === undefined ? undefined : ilike(items.name, containing(query.search)),
          query.in_stock === undefined
            ? undefined
            : query.in_stock
              ? gt(items.stock, 0)
              : lte(items.stock, 0),
          query.tag === undefined ? undefined : arrayContains(items.tags, query.tag),
        ]
        const rows = await deps.db
          .select(itemColumns(deps.db))
          .from(items)
          .where(and(...filters))
          .orderBy(asc(items.id))
          .offset(query.skip)
          .limit(query.limit)
        return rows.map(toItem)
      },
    )
    .get(
      '/{item_id}',
      {
        summary: 'Read an item',
        path: ItemPath,
        deps: { db: d.database },
        response: { 200: Item, 404: ErrorDetail },
      },
      async ({ path, deps, respond }) =>
        (await findItem(deps.db, path.item_id)) ?? respond(404, { detail: NOT_FOUND }),
    )
    .post(
      '/',
      {
        summary: 'Create an item',
        body: ItemCreate,
        deps: { user: d.currentUser, tx: d.transaction },
        status: status.HTTP_201_CREATED,
        response: Item,
        responses: BODY_TOO_LARGE,
      },
      async ({ body, deps }) => {
        const [row] = await deps.tx
          .insert(items)
          .values({
            name: body.name,
            description: body.description ?? null,
            price: body.price,
            tax: body.tax ?? null,
            tags: body.tags ?? [],
            stock: body.stock ?? 0,
            ownerId: deps.user.id,
          })
          .returning()
        if (row === undefined) throw new Error('INSERT ... RETURNING gave no row')
        return toItem({ ...row, hasImage: false })
      },
    )
    .patch(
      '/{item_id}',
      {
        summary: 'Update an item',
        description: 'Changes the fields sent; the others stay as they are.',
        path: ItemPath,
        body: ItemUpdate,
        deps: { user: d.currentUser, tx: d.transaction },
        response: { 200: Item, 404: ErrorDetail },
        responses: BODY_TOO_LARGE,
      },
      async ({ path, body, deps, respond }) => {
        // Only the fields sent: `undefined` would not change a column, but an empty SET is not SQL.
        const changes: Partial<typeof items.$inferInsert> = {}
        if (body.name !== undefined) changes.name = body.name
        if (body.description !== undefined) changes.description = body.description
        if (body.price !== undefined) changes.price = body.price
        if (body.tax !== undefined) changes.tax = body.tax
        if (body.tags !== undefined) changes.tags = body.tags
        if (body.stock !== undefined) changes.stock = body.stock
        if (Object.keys(changes).length > 0) {
          const [row] = await deps.tx
            .update(items)
            .set(changes)
            .where(eq(items.id, path.item_id))
            .returning({ id: items.id })
          if (row === undefined) return respond(404, { detail: NOT_FOUND })
        }
        return (await findItem(deps.tx, path.item_id)) ?? respond(404, { detail: NOT_FOUND })
      },
    )
    .delete(
      '/{item_id}',
      {
        summary: 'Delete an item',
        description: 'Admins only.',
        path: ItemPath,
        deps: { admin: d.adminUser, tx: d.transaction },
        status: 204,
        response: { 404: ErrorDetail },
        responses: { 403: { description: 'The signed-in user is not an admin', schema: ErrorDetail } },
      },
      async ({ path, deps }) => {
        const deleted = await deps.tx
          .delete(items)
          .where(eq(items.id, path.item_id))
          .returning({ id: items.id })
        if (deleted.length === 0) throw new HTTPException(404, NOT_FOUND)
      },
    )
}
