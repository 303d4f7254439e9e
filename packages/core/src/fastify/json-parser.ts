/**
 * @module
 * The JSON body parser. Fastify's own answers every failure with the same 400; this one tells FastAPI's
 * 422 `json_invalid` with the position of the error, reads an empty body as "no body" (so a required body
 * is reported `missing`), accepts `application/*+json`, and refuses `__proto__` keys with a clear message.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import secureJson from 'secure-json-parse'
import { RequestValidationError } from '../http/errors.ts'
import { kParsedAs, kRawText, markParsedAs } from '../http/parsed-body.ts'

const JSON_TYPES = ['application/json', /^application\/[a-z0-9.+-]*\+json$/i]

export function useJsonParser(fastify: FastifyInstance): void {
  // Declared, so every request has the property the body parsers set (one shape for all requests).
  fastify.decorateRequest(kParsedAs, undefined)
  fastify.decorateRequest(kRawText, undefined)
  fastify.removeContentTypeParser('application/json')
  for (const type of JSON_TYPES) fastify.addContentTypeParser(type, { parseAs: 'string' }, parseJson)
}

function parseJson(
  request: FastifyRequest,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  const text = body.toString()
  markParsedAs(request, 'json', text)
  if (text.trim() === '') {
    done(null, undefined)
    return
  }
  try {
    done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }))
  } catch (error) {
    done(jsonError(text, error as Error), undefined)
  }
}

function jsonError(text: string, error: Error): RequestValidationError {
  const match = /at position (\d+)/.exec(error.message)
  const position = match ? Number(match[1]) : error.message.includes('end of JSON') ? text.length : undefined
  const reason = error.message.includes('prototype property')
    ? 'Object contains a forbidden "__proto__" or "constructor.prototype" key'
    : error.message
  return new RequestValidationError([
    {
      type: 'json_invalid',
      loc: position === undefined ? ['body'] : ['body', position],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: reason },
    },
  ])
}
