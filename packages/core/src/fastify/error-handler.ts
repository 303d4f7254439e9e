/**
 * @module
 * Every error becomes FastAPI's JSON: `422 {"detail": [...]}` for invalid input, `{"detail": ...}` for an
 * `HTTPException` and for any error that carries an HTTP status (Fastify's own, a plugin's), and a bare
 * `500 {"detail": "Internal Server Error"}` for anything unexpected (logged with its stack, never shown). Bodies
 * are written as strings so no route's response schema reshapes them.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HTTPException, RequestValidationError, ResponseValidationError } from '../http/errors.ts'
import { isBodylessStatus } from '../http/status.ts'
import type { ExceptionHandlers } from './exception-handlers.ts'

export function useErrorHandler(fastify: FastifyInstance, handlers: ExceptionHandlers): void {
  fastify.setErrorHandler(async (raw: FastifyError, request, reply) => {
    // Answered before its body has arrived (a deadline, a body too large): the rest of the body would be read
    // as the next request, or make Node send a second answer, so the connection ends with this response.
    if (!request.raw.complete && !reply.sent) reply.header('connection', 'close')
    try {
      const error = fromFastify(raw, request)
      const custom = handlers.find(error)
      if (custom === undefined) return answer(error, request, reply)
      const result = await custom(error as Error, { request, reply })
      if (!reply.sent) sendJson(reply, reply.statusCode, result ?? null)
      return reply
    } catch (failure) {
      // Answering failed: an exception handler threw, or a status, header or detail cannot be written.
      // Fastify's fallback would send the new error's message; answer as for any unexpected error instead.
      if (reply.sent) return reply
      request.log.error({ err: failure }, 'Error while answering an error')
      return sendJson(reply, 500, { detail: 'Internal Server Error' })
    }
  })
}

/** FastAPI's default answer for an error no custom handler took. */
function answer(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof RequestValidationError) return sendJson(reply, 422, { detail: error.errors })
  if (error instanceof HTTPException) {
    reply.headers(error.headers)
    return isBodylessStatus(error.status)
      ? reply.code(error.status).send()
      : sendJson(reply, error.status, { detail: error.detail })
  }
  if (error instanceof ResponseValidationError) {
    // The bad values stay out of the log as well as the response: they may be secrets.
    const errors = error.errors.map(({ input: _input, ...item }) => item)
    request.log.error({ err: error, errors }, error.message)
  } else {
    request.log.error({ err: error }, 'Unhandled error in a route')
  }
  return sendJson(reply, 500, { detail: 'Internal Server Error' })
}

/**
 * Fastify's errors, and any error with a `statusCode` (as Fastify's default handler reads it), as HTTP exceptions:
 * a 4xx keeps its message as the detail; a 5xx other than 500 keeps its status with its reason phrase as the
 * detail (its message may hold internals, unless it says `expose: true` as http-errors does) and is logged once.
 */
function fromFastify(error: FastifyError, request: FastifyRequest): unknown {
  // Anything may be thrown, `null` included.
  if (typeof error !== 'object' || error === null) return error
  if (
    error instanceof HTTPException ||
    error instanceof RequestValidationError ||
    error instanceof ResponseValidationError
  )
    return error
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HTTPException(415, 'Unsupported Media Type')
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HTTPException(413, 'Request body is too large')
    case 'FST_ERR_HANDLER_TIMEOUT':
      // Fastify's timer is the stack: the message (the deadline and the route) says all there is.
      request.log.error(`${error.message} (handlerTimeout); answered 503`)
      return new HTTPException(503, 'Request timed out')
    case 'FST_UNDER_PRESSURE':
      // Logged at debug only: under load, a line per refused request would add to the load.
      request.log.debug('Under pressure; answered 503')
      return new HTTPException(503, error.message)
  }
  const status = error.statusCode
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) return error
  if (status < 500) return new HTTPException(status, error.message)
  if (status === 500) return error
  request.log.error({ err: error }, `${error.message} (answered ${status})`)
  return (error as { expose?: unknown }).expose === true
    ? new HTTPException(status, error.message)
    : new HTTPException(status)
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body))
}
