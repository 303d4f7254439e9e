/**
 * @module
 * A `fileResponse()` body sent by `@fastify/send` (what `@fastify/static` uses): `Content-Type` from the
 * declared media type or the file's extension, `Content-Length`, `ETag` and `Last-Modified`, `304` for a
 * fresh conditional request, `412` for a failed precondition, and byte ranges (`206`, `416`). A download
 * name becomes `Content-Disposition: attachment` (the `content-disposition` package, as Express writes it).
 * A missing file is the handler's mistake: a 500, as FastAPI's `FileResponse` raises.
 */
import { basename, dirname, resolve } from 'node:path'
import { send } from '@fastify/send'
import contentDisposition from 'content-disposition'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ResponseValidationError } from '../http/errors.ts'
import type { FileOutput } from '../spec/response-kinds.ts'

/** The file a handler named, and the name to download it as. */
function fileOf(body: unknown, status: number): FileOutput {
  if (typeof body === 'string') return { path: body }
  if (typeof body === 'object' && body !== null && typeof (body as FileOutput).path === 'string') {
    return body as FileOutput
  }
  throw new ResponseValidationError(status, [
    { type: 'file_type', loc: ['response'], msg: 'Input should be a file path or { path, filename }' },
  ])
}

export async function sendFile(
  mediaType: string | undefined,
  status: number,
  body: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { path, filename } = fileOf(body, status)
  const absolute = resolve(path)
  // Served from its own folder by name: `send` reads its path argument as a URL path.
  const result = await send(request.raw, `/${encodeURIComponent(basename(absolute))}`, {
    root: dirname(absolute),
    dotfiles: 'allow',
    index: false,
  })
  if (result.type === 'directory' || (result.type === 'error' && result.statusCode === 404)) {
    result.stream.destroy()
    throw new Error(`File at path ${path} does not exist.`)
  }
  if (result.type === 'error' && result.statusCode >= 500) {
    result.stream.destroy()
    throw result.metadata.error
  }
  reply.code(result.statusCode === 200 ? status : result.statusCode).headers(result.headers)
  if (result.type === 'file') {
    if (mediaType !== undefined) reply.type(mediaType)
    if (filename !== undefined) reply.header('content-disposition', contentDisposition(filename))
  }
  return reply.send(result.stream)
}
