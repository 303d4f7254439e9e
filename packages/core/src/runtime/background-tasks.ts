/**
 * @module
 * Background tasks, as in FastAPI: `background.add(fn, ...args)` in a handler or dependency runs `fn` after
 * the response has been sent, in the order added. A failing task is logged and the next one still runs.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { BackgroundTasks } from '../spec/context.ts'

type Task = readonly [fn: (...args: never[]) => unknown, args: readonly unknown[]]

/** A request's background tasks: queued by the handler and its dependencies, run after the response. */
export class TaskQueue implements BackgroundTasks {
  readonly #tasks: Task[] = []

  /**
   * Queues `fn(...args)` to run after the response is sent; the arguments are checked against `fn`.
   *
   * @example
   * background.add(sendWelcomeEmail, user.email)
   */
  add<TArgs extends unknown[]>(fn: (...args: TArgs) => unknown, ...args: TArgs): void {
    this.#tasks.push([fn as (...args: never[]) => unknown, args])
  }

  /** How many tasks are queued. */
  get size(): number {
    return this.#tasks.length
  }

  /** Runs the queued tasks one after the other; a failure is logged and does not stop the others. */
  async run(log: FastifyBaseLogger): Promise<void> {
    for (const [fn, args] of this.#tasks.splice(0)) {
      try {
        await (fn as (...args: readonly unknown[]) => unknown)(...args)
      } catch (error) {
        log.error({ err: error }, 'A background task failed')
      }
    }
  }
}
