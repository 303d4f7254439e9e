/**
 * @module
 * `/items/{item_id}/image`: an item's picture. Signed-in users upload it; anyone fetches it, with the headers
 * that let browsers and proxies cache it and revalidate it cheaply.
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createRouter, HTTPException, upload } from 'fastbox'
import fresh from 'fresh'
import { itemImages, items } from '../db/tables.ts'
import type { StoreDependencies } from '../dependencies.ts'
import { acceptedImageType, IMAGE_TYPES, sniffImageType } from '../images/image-type.ts'
import { ErrorDetail, Id, Item } from '../schemas.ts'
import { BODY_TOO_LARGE } from './common.ts'
import { findItem } from './items.ts'

/** The largest image the store takes. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024
/** How long a cache may serve an image without asking again (it is replaceable, and the ETag makes asking cheap). */
const IMAGE_MAX_AGE_SECONDS = 300

const ITEM_NOT_FOUND = 'Item not found'
const IMAGE_NOT_FOUND = 'Image not found'
const ItemPath = { item_id: Id }
const FORMATS = 'PNG, JPEG, WebP or GIF'

const UNSUPPORTED_TYPE = {
  415: { description: `The file is not a ${FORMATS} image`, schema: ErrorDetail },
} as const

/** The image's type, when its declared type is one the store takes and its bytes are that format; else 415. */
function checkedImageType(declared: string, data: Buffer) {
  const type = acceptedImageType(declared)
  if (type === undefined) {
    throw new HTTPException(
      415,
      `The image must be ${FORMATS} (${IMAGE_TYPES.join(', ')}), not "${declared}"`,
    )
  }
  const sniffed = sniffImageType(data)
  if (sniffed !== type) {
    throw new HTTPException(
      415,
      sniffed === undefined
        ? `The file sent as ${type} is not a ${FORMATS} image`
        : `The file sent as ${type} holds ${sniffed} bytes`,
    )
  }
  return type
}

export function itemImagesRouter(d: StoreDependencies) {
  return createRouter({ prefix: '/items', tags: ['items'] })
    .put(
      '/{item_id}/image',
      {
        summary: 'Upload an item’s image',
        description: `A ${FORMATS} image of at most 2 MiB; it replaces the item’s image, if any.`,
        path: ItemPath,
        form: {
          image: upload({ maxSize: IMAGE_MAX_BYTES, description: `${FORMATS}, at most 2 MiB` }),
        },
        deps: { user: d.currentUser, tx: d.transaction },
        response: { 200: Item, 404: ErrorDetail },
        responses: { ...BODY_TOO_LARGE, ...UNSUPPORTED_TYPE },
      },
      async ({ path, form, deps, respond }) => {
        const data = await form.image.bytes()
        const contentType = checkedImageType(form.image.contentType, data)
        const [item] = await deps.tx.select({ id: items.id }).from(items).where(eq(items.id, path.item_id))
        if (item === undefined) return respond(404, { detail: ITEM_NOT_FOUND })
        const image = {
          contentType,
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
          updatedAt: new Date(),
        }
        await deps.tx
          .insert(itemImages)
          .values({ itemId: item.id, ...image })
          .onConflictDoUpdate({ target: itemImages.itemId, set: image })
        return (await findItem(deps.tx, item.id)) ?? respond(404, { detail: ITEM_NOT_FOUND })
      },
    )
    .get(
      '/{item_id}/image',
      {
        summary: 'Read an item’s image',
        description:
          `The image's bytes, as ${IMAGE_TYPES.join(', ')}, with \`ETag\`, \`Last-Modified\` and ` +
          `\`Cache-Control: public, max-age=${IMAGE_MAX_AGE_SECONDS}\`; \`304\` when \`If-None-Match\` names ` +
          'the current ETag (or nothing changed since `If-Modified-Since`).',
        path: ItemPath,
        deps: { db: d.database },
        response: { 404: ErrorDetail },
        responseDescription: `The image (${FORMATS}; its type in Content-Type)`,
        responses: { 304: { description: 'Not Modified: the cached copy is current' } },
      },
      async ({ path, deps, request, reply }) => {
        const [row] = await deps.db
          .select({ itemId: items.id, image: itemImages })
          .from(items)
          .leftJoin(itemImages, eq(itemImages.itemId, items.id))
          .where(eq(items.id, path.item_id))
        if (row === undefined) throw new HTTPException(404, ITEM_NOT_FOUND)
        const { image } = row
        if (image === null) throw new HTTPException(404, IMAGE_NOT_FOUND)
        const validators = {
          etag: `"${image.sha256}"`,
          'last-modified': image.updatedAt.toUTCString(),
        }
        reply
          .header('ETag', validators.etag)
          .header('Last-Modified', validators['last-modified'])
          .header('Cache-Control', `public, max-age=${IMAGE_MAX_AGE_SECONDS}`)
          // Uploads are checked by their bytes, and browsers should not guess otherwise.
          .header('X-Content-Type-Options', 'nosniff')
        if (fresh(request.headers, validators)) return reply.code(304).send()
        return reply.type(image.contentType).header('Content-Length', image.size).send(image.data)
      },
    )
}
