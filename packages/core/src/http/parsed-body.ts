/**
 * @module
 * Which media type a request's body was read as. Fastbox's parsers note it on the request when they parse
 * (Fastify's content-type parser registry has already matched the type), so routes need not test the
 * `Content-Type` header again. A body read by another plugin's parser (`@fastify/formbody`, ...) is told by
 * its header, on that path only.
 */
import type { FastifyRequest } from 'fastify'

/** The request decoration that holds the media type a Fastbox parser read the body as. */
export const kParsedAs = Symbol('fastbox.parsedAs')

/**
 * The request decoration that holds a JSON body's text as the client sent it. Validation changes the parsed
 * body in place (defaults, undeclared fields dropped, lax conversions); a 422 echoes what the client sent,
 * so on that path only the text is parsed again (see `runtime/inputs.ts`).
 */
export const kRawText = Symbol('fastbox.rawText')

export type ParsedAs = 'json' | 'form'

type MarkedRequest = FastifyRequest & { [kParsedAs]?: ParsedAs | undefined; [kRawText]?: string | undefined }

const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9.+-]*\+json)\s*(?:;|$)/i
const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i

/** Notes the media type a body was read as, and the text it was read from (called by the parsers). */
export function markParsedAs(request: FastifyRequest, as: ParsedAs, text?: string): void {
  ;(request as MarkedRequest)[kParsedAs] = as
  if (text !== undefined) (request as MarkedRequest)[kRawText] = text
}

/** The text of a JSON body read by Fastbox's parser; `undefined` when another parser read it. */
export function rawBodyText(request: FastifyRequest): string | undefined {
  return (request as MarkedRequest)[kRawText]
}

/** The body is JSON (`application/json` or `application/*+json`). */
export function isJsonBody(request: FastifyRequest): boolean {
  const as = (request as MarkedRequest)[kParsedAs]
  return as === undefined ? hasType(request, JSON_MEDIA_TYPE) : as === 'json'
}

/** The body is a form (`application/x-www-form-urlencoded`). */
export function isFormBody(request: FastifyRequest): boolean {
  const as = (request as MarkedRequest)[kParsedAs]
  return as === undefined ? hasType(request, FORM_MEDIA_TYPE) : as === 'form'
}

function hasType(request: FastifyRequest, type: RegExp): boolean {
  const header = request.headers['content-type']
  return header !== undefined && type.test(header)
}
