/**
 * @module
 * The Fastify handler of a route (FastAPI's "solve" phase): validate the inputs, call the handler, then
 * check the result against the response schema of its status and let Fastify's compiled serializer write
 * it (which drops undeclared fields and writes `Date`s as ISO strings).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ResponseValidationError } from '../errors/errors.ts'
import { toErrorItems, type ValidationErrorItem } from '../validation/error-items.ts'
import { isBodylessStatus } from './analyze.ts'
import { readInputs } from './inputs.ts'
import type { RouteModel } from './model.ts'
import { StatusResponse } from './respond.ts'

/** What a handler receives at run time; its static type is `Context` (see `types.ts`). */
export interface RuntimeContext {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
  request: FastifyRequest
  reply: FastifyReply
  respond: (status: number, body: unknown) => StatusResponse
}

export type RuntimeHandler = (context: RuntimeContext) => unknown

/** Errors listed when a response fails its schema: enough to find the bug, bounded for the log. */
const LOGGED_RESPONSE_ERRORS = 20

const respond = (status: number, body: unknown) => new StatusResponse(status, body)

/** Set on a reply the handler sent through itself. */
const SENT_BY_HANDLER = Symbol('fastbox.sentByHandler')

type WatchedReply = FastifyReply & { [SENT_BY_HANDLER]?: boolean }

export function createRouteHandler(route: RouteModel, handler: RuntimeHandler) {
  return async function fastboxRoute(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const inputs = readInputs(route, request)
    const result = await handler({
      ...inputs,
      request,
      // Watched only for handlers that read it, so the others pay nothing.
      get reply() {
        return watchSend(reply)
      },
      respond,
    })
    if (reply.sent || (reply as WatchedReply)[SENT_BY_HANDLER] === true) return reply
    const [status, body] =
      result instanceof StatusResponse ? [result.status, result.body] : [route.status, result]
    const response = route.responses.get(status)
    if (response !== undefined && !response.validate(body)) {
      throw new ResponseValidationError(
        status,
        toErrorItems(response.validate.errors ?? [], LOGGED_RESPONSE_ERRORS).map(withoutInput),
      )
    }
    reply.code(status)
    return body === undefined || isBodylessStatus(status) ? reply.send() : reply.send(body)
  }
}

/**
 * A reply is not `sent` until its response has ended: a stream, or an async `onSend` hook, keeps it
 * unsent after the handler's `reply.send(...)`. Note the call, so the route does not answer a second time.
 */
function watchSend(reply: WatchedReply): FastifyReply {
  if (reply[SENT_BY_HANDLER] !== undefined) return reply
  reply[SENT_BY_HANDLER] = false
  const send = reply.send
  reply.send = function sendByHandler(this: FastifyReply, payload?: unknown) {
    reply[SENT_BY_HANDLER] = true
    return send.call(this, payload)
  }
  return reply
}

/** The bad values stay out of the error (which is logged, serialized with its own properties): they may be secrets. */
function withoutInput({ input: _input, ...item }: ValidationErrorItem): ValidationErrorItem {
  return item
}
