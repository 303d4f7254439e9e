/**
 * @module
 * The image download in the OpenAPI document. A route's `responses` describe JSON bodies; the image is bytes
 * of one of several types, sent through Fastify's `reply`, so the document's 200 is rewritten here (through
 * the public `swagger.transformObject`) to name those types and the caching headers.
 */
import type { OpenAPIDocument } from 'fastbox'
import { IMAGE_TYPES } from './image-type.ts'

/** The path whose GET serves an item's image. */
export const IMAGE_PATH = '/items/{item_id}/image'

const header = (description: string) => ({ description, schema: { type: 'string' } })
const VALIDATORS = {
  ETag: header('A strong entity tag: the SHA-256 of the bytes, quoted.'),
  'Last-Modified': header('When the image was uploaded.'),
  'Cache-Control': header('`public, max-age=300`'),
}

/**
 * Documents the image's media types and headers on the download's 200, the validators on its 304, and the
 * types the upload takes in its `encoding`.
 */
export function documentImageDownload({
  openapiObject,
}: {
  openapiObject: OpenAPIDocument
}): OpenAPIDocument {
  const responses = openapiObject.paths?.[IMAGE_PATH]?.get?.responses
  const ok = responses?.['200']
  const notModified = responses?.['304']
  if (ok === undefined || notModified === undefined) {
    throw new Error(`The document has no GET ${IMAGE_PATH} with a 200 and a 304 to describe`)
  }
  ok.content = Object.fromEntries(
    IMAGE_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
  )
  ok.headers = {
    ...VALIDATORS,
    'Content-Length': { description: 'The size in bytes.', schema: { type: 'integer' } },
  }
  notModified.headers = VALIDATORS
  // Fastbox's `MediaTypeObject` type leaves out `encoding`, which it writes for every form with a file.
  const multipart = openapiObject.paths?.[IMAGE_PATH]?.put?.requestBody?.content['multipart/form-data'] as
    | { encoding?: Record<string, { contentType?: string }> }
    | undefined
  const encoding = multipart?.encoding
  if (encoding?.image === undefined) throw new Error(`The document has no PUT ${IMAGE_PATH} taking an image`)
  encoding.image.contentType = IMAGE_TYPES.join(', ')
  return openapiObject
}
