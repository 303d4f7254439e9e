/**
 * @module
 * `app.exceptionHandler(ErrorClass, handler)`: the handler registered for the nearest class in an error's
 * prototype chain answers it (as FastAPI looks up its handlers along the exception's MRO).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HTTPException, RequestValidationError } from '../http/errors.ts'

const BUILT_IN = new Set<unknown>([HTTPException, RequestValidationError])

/** What an exception handler receives besides the error. */
export interface ExceptionContext {
  request: FastifyRequest
  reply: FastifyReply
}

/** Answers an error through `reply`, or returns a body to send with the reply's current status. */
export type ExceptionHandler<TError> = (error: TError, context: ExceptionContext) => unknown

// biome-ignore lint/suspicious/noExplicitAny: a class of any constructor signature may be registered.
export type ErrorClass<TError = Error> = abstract new (...args: any[]) => TError

export class ExceptionHandlers {
  readonly #handlers = new Map<object, ExceptionHandler<Error>>()

  add<TError extends Error>(errorClass: ErrorClass<TError>, handler: ExceptionHandler<TError>): void {
    this.#handlers.set(errorClass, handler as ExceptionHandler<Error>)
  }

  find(error: unknown): ExceptionHandler<Error> | undefined {
    if (this.#handlers.size === 0 || typeof error !== 'object' || error === null) return undefined
    for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const handler = this.#handlers.get(proto.constructor)
      if (handler !== undefined) return handler
      // These have default handlers, nearer than any registered for a base class (`Error`), as in FastAPI.
      if (BUILT_IN.has(proto.constructor)) return undefined
    }
    return undefined
  }
}
