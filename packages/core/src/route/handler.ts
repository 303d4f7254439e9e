/**
 * @module
 * The Fastify handler of a route (FastAPI's "solve" phase): validate the inputs, call the handler, then
 * check the result against the response schema of its status and let Fastify's compiled serializer write
 * it (which drops undeclared fields and writes `Date`s as ISO strings).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ResponseValidationError } from '../errors/errors.ts'
import { toErrorItems } from '../validation/error-items.ts'
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

export function createRouteHandler(route: RouteModel, handler: RuntimeHandler) {
  return async function fastboxRoute(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const inputs = readInputs(route, request)
    const result = await handler({ ...inputs, request, reply, respond })
    if (reply.sent) return reply
    const [status, body] =
      result instanceof StatusResponse ? [result.status, result.body] : [route.status, result]
    const response = route.responses.get(status)
    if (response !== undefined && !response.validate(body)) {
      throw new ResponseValidationError(
        status,
        toErrorItems(response.validate.errors ?? [], LOGGED_RESPONSE_ERRORS),
      )
    }
    reply.code(status)
    return body === undefined || isBodylessStatus(status) ? reply.send() : reply.send(body)
  }
}
