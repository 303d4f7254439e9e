/**
 * @module
 * The Fastify handler of a route (FastAPI's "solve" phase): validate the inputs, call the handler, then
 * check the result against the response schema of its status and let Fastify's compiled serializer write
 * it (which drops undeclared fields and writes `Date`s as ISO strings).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ResponseModel, RouteModel } from '../analysis/model.ts'
import type { ValidationErrorItem } from '../http/errors.ts'
import { ResponseValidationError } from '../http/errors.ts'
import { isBodylessStatus } from '../http/status.ts'
import type { BackgroundTasks } from '../spec/context.ts'
import { StatusResponse } from '../spec/respond.ts'
import { toErrorItems } from '../validation/error-items.ts'
import { TaskQueue } from './background-tasks.ts'
import { type RequestInputs, readInputs } from './inputs.ts'
import { RequestScope } from './scope.ts'
import { finishAfterStream, isStreamKind } from './stream-dependencies.ts'
import { writeKind } from './write-kind.ts'

/** What a handler receives at run time; its static type is `Context` (see `types.ts`). */
export interface RuntimeContext extends RequestInputs {
  deps: Record<string, unknown>
  background: BackgroundTasks
  request: FastifyRequest
  reply: FastifyReply
  respond: (status: number, body: unknown) => StatusResponse
}

export type RuntimeHandler = (context: RuntimeContext) => unknown

/** What a route's handler needs from its app at run time. */
export interface RouteRuntime {
  /** The route's model; replaced by the app when `dependencyOverrides` change. */
  readonly route: { readonly model: RouteModel }
  /** Keeps a background run, so `app.close()` can wait for it. */
  track(run: Promise<void>): void
}

/** Errors listed when a response fails its schema: enough to find the bug, bounded for the log. */
const LOGGED_RESPONSE_ERRORS = 20

const respond = (status: number, body: unknown) => new StatusResponse(status, body)

interface Outcome {
  readonly status: number
  readonly body: unknown
  /** The declared response, when it is a kind (`html()`, `jsonLines(Item)`, ...) that writes itself. */
  readonly kind?: ResponseModel
}

/**
 * The handler's context. A class, so every request's context has one shape, and `background` is a getter
 * on the prototype: an object literal spreading the inputs, with its own getter, cost a third of the
 * throughput of a hello-world route (garbage collection; see bench/).
 */
class HandlerContext implements RuntimeContext {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
  form: Record<string, unknown>
  deps: Record<string, unknown> = NO_DEPS
  request: FastifyRequest
  respond = respond
  reply: FastifyReply
  tasks: TaskQueue | undefined = undefined

  constructor(inputs: RequestInputs, request: FastifyRequest, reply: FastifyReply) {
    this.path = inputs.path
    this.query = inputs.query
    this.headers = inputs.headers
    this.cookies = inputs.cookies
    this.body = inputs.body
    this.form = inputs.form
    this.request = request
    this.reply = reply
  }

  /** Made on first use: most requests queue no task. */
  get background(): BackgroundTasks {
    this.tasks ??= new TaskQueue()
    return this.tasks
  }
}

const NO_DEPS: Record<string, unknown> = Object.freeze({})

export function createRouteHandler(runtime: RouteRuntime, handler: RuntimeHandler) {
  return async function fastboxRoute(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const route = runtime.route.model
    const context = new HandlerContext(readInputs(route, request), request, reply)
    const plan = route.dependencies
    const scope = plan.all.length === 0 ? undefined : new RequestScope(context)
    let outcome: Outcome | undefined
    let failure: { failed: boolean; error: unknown } = { failed: false, error: undefined }
    try {
      if (scope !== undefined) {
        for (const node of plan.effects) await scope.resolve(node)
        context.deps = await scope.resolveAll(plan.named)
      }
      const result = await handler(context)
      // As in Fastify, a handler that sends through `reply` returns it; a send that has already ended counts too.
      if (result !== reply && !reply.sent) outcome = checkResult(route, result)
    } catch (error) {
      failure = { failed: true, error }
    }
    // Generator dependencies finish before the answer, so a failed commit is answered as an error; a stream's
    // run after it (its generator reads them as it goes: FastAPI 0.118's order).
    if (scope !== undefined) {
      if (!failure.failed && outcome?.kind !== undefined && isStreamKind(outcome.kind))
        finishAfterStream(scope, request, reply, runtime)
      else failure = await scope.finish(failure.error, failure.failed)
    }
    if (failure.failed) throw failure.error
    const tasks = context.tasks
    if (tasks !== undefined && tasks.size > 0) {
      // Tracked from now, not from when the response closes: a `close()` that starts in between (a SIGTERM right
      // after the client got its answer) waits for these tasks too. They still run once the response is sent.
      const sent = new Promise<void>((resolve) => reply.raw.once('close', () => resolve()))
      runtime.track(sent.then(() => tasks.run(request.log)))
    }
    if (outcome === undefined) return reply
    if (outcome.kind !== undefined) return writeKind(outcome.kind, outcome.body, request, reply)
    reply.code(outcome.status)
    const { body } = outcome
    if (body === undefined || isBodylessStatus(outcome.status)) return reply.send()
    // Fastify sends strings as they are (text/plain); like FastAPI, a returned string is a JSON value.
    if (typeof body === 'string')
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
    return reply.send(body)
  }
}

/** The status and body a handler's result answers, after checking it against that status's schema. */
function checkResult(route: RouteModel, result: unknown): Outcome {
  const [status, body] =
    result instanceof StatusResponse ? [result.status, result.body] : [route.status, result]
  const response = route.responses.get(status)
  if (response === undefined) return { status, body }
  // A kind checks its body as it writes it (a stream's items one by one).
  if (response.kind !== undefined) return { status, body, kind: response }
  if (!response.validate(body)) {
    throw new ResponseValidationError(
      status,
      toErrorItems(response.validate.errors ?? [], LOGGED_RESPONSE_ERRORS).map(withoutInput),
    )
  }
  return { status, body: response.shape === undefined ? body : response.shape(body) }
}

/** The bad values stay out of the error (which is logged, serialized with its own properties): they may be secrets. */
function withoutInput({ input: _input, ...item }: ValidationErrorItem): ValidationErrorItem {
  return item
}
