/**
 * @module
 * The generator dependencies of a streamed response (`stream()`, `jsonLines()`, `eventStream()`) finish when
 * the response does, not when the handler returns: the handler's generator runs while the stream is sent and
 * reads them (a database session) as it goes, as in FastAPI since 0.118. A stream that did not end (the client
 * went away, an item failed) is an error for them (a transaction rolls back). What they raise then can no
 * longer be answered: it is logged. `app.close()` waits for them as for background tasks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ResponseModel } from '../analysis/model.ts'
import { kResponseKind } from '../spec/response-kinds.ts'
import type { RequestScope } from './scope.ts'

/** True for the kinds whose body is produced while it is sent. */
export function isStreamKind(response: ResponseModel): boolean {
  const name = response.kind?.[kResponseKind]
  return name === 'stream' || name === 'jsonLines' || name === 'eventStream'
}

/** Raised at a generator dependency's `yield` when its stream did not end. */
export class StreamInterruptedError extends Error {
  constructor() {
    super('The response stream ended before its last item')
    this.name = 'StreamInterruptedError'
  }
}

export function finishAfterStream(
  scope: RequestScope,
  request: FastifyRequest,
  reply: FastifyReply,
  runtime: { track(run: Promise<void>): void },
): void {
  let complete = false
  reply.raw.once('finish', () => {
    complete = true
  })
  reply.raw.once('close', () => {
    const run = scope
      .finish(complete ? undefined : new StreamInterruptedError(), !complete)
      .then((result) => {
        if (result.failed && !(result.error instanceof StreamInterruptedError))
          request.log.error({ err: result.error }, 'a dependency failed after its response stream')
      })
    runtime.track(run)
  })
}
