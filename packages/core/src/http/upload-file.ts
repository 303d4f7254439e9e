/**
 * @module
 * An uploaded file, as a handler receives it (FastAPI's `UploadFile`). The multipart reader spools each file
 * part to a temporary file while the request arrives, so a file of any size costs the server a few buffers,
 * not its size in memory; the file is deleted once the response is sent (or the request is aborted).
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'

/**
 * A file of a `multipart/form-data` request, declared in a route's `form` with `upload()`.
 *
 * Read it within the request (the handler or its dependencies): its content is deleted once the response
 * has been sent.
 *
 * @example
 * app.post('/avatar', { form: { image: upload() } }, async ({ form }) => {
 *   const digest = createHash('sha256')
 *   for await (const chunk of form.image.stream()) digest.update(chunk)
 *   return { name: form.image.filename, type: form.image.contentType, size: form.image.size }
 * })
 */
export interface UploadFile {
  /** The file name the client sent (`filename` of the part's `Content-Disposition`); may be `''`. */
  readonly filename: string
  /** The part's `Content-Type` (`application/octet-stream` when the client sent none). */
  readonly contentType: string
  /** The size of the content, in bytes. */
  readonly size: number
  /** The content as a fresh stream, from the first byte (each call starts again). */
  stream(): Readable
  /** The whole content, read into memory. */
  bytes(): Promise<Buffer>
  /** The whole content as text (UTF-8 unless told otherwise). */
  text(encoding?: BufferEncoding): Promise<string>
}

/** The {@link UploadFile} of a file spooled to `path` on disk. */
export class SpooledUploadFile implements UploadFile {
  readonly filename: string
  readonly contentType: string
  readonly size: number
  readonly #path: string

  constructor(path: string, filename: string, contentType: string, size: number) {
    this.#path = path
    this.filename = filename
    this.contentType = contentType
    this.size = size
  }

  stream(): Readable {
    return createReadStream(this.#path)
  }

  bytes(): Promise<Buffer> {
    return readFile(this.#path)
  }

  async text(encoding: BufferEncoding = 'utf8'): Promise<string> {
    return (await this.bytes()).toString(encoding)
  }

  /** What a 422 item's `input` or a log shows: the file's description, never its content or path. */
  toJSON(): { filename: string; content_type: string; size: number } {
    return { filename: this.filename, content_type: this.contentType, size: this.size }
  }
}

/** True for an upload made by Fastbox's multipart reader (a text field of the same name is not one). */
export function isUploadFile(value: unknown): value is UploadFile {
  return value instanceof SpooledUploadFile
}
