/**
 * @module
 * Lifespan, as in FastAPI: a generator that sets up before the first request (up to its `yield`) and tears
 * down on `app.close()` (after it). What it yields is the app's state, reachable from dependencies through
 * `lifespan.state`, a dependency typed with that value.
 */
import type { FastifyInstance } from 'fastify'
import { type Dependency, makeDependency } from './dependency.ts'

type LifespanGenerator<TState> = Generator<TState, void, unknown> | AsyncGenerator<TState, void, unknown>

export interface Lifespan<TState = unknown> {
  /** A dependency that provides what the lifespan yielded: `deps: { state: lifespan.state }`. */
  readonly state: Dependency<TState>
  /** Starts the lifespan for one Fastify instance (done by the app on ready). */
  start(fastify: FastifyInstance): Promise<void>
  /** Runs the code after `yield` (done by the app on close). */
  stop(fastify: FastifyInstance): Promise<void>
}

/**
 * Declares a lifespan; pass it to `createApp({ lifespan })`.
 *
 * @example
 * const lifespan = createLifespan(async function* () {
 *   const db = await connect()
 *   yield { db }
 *   await db.close()
 * })
 * const getDb = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.db)
 */
export function createLifespan<TState>(setup: () => LifespanGenerator<TState>): Lifespan<TState> {
  const running = new WeakMap<FastifyInstance, { generator: LifespanGenerator<TState>; state: TState }>()
  const state = makeDependency({}, ({ request }: { request: { server: FastifyInstance } }) => {
    const entry = running.get(request.server)
    if (entry === undefined)
      throw new Error('This lifespan is not running: pass it to createApp({ lifespan })')
    return entry.state
  }) as Dependency<TState>
  return {
    state,
    async start(fastify) {
      const generator = setup()
      const step = await generator.next()
      if (step.done) throw new Error('A lifespan must yield (its state, or undefined) before the app starts')
      running.set(fastify, { generator, state: step.value })
    },
    async stop(fastify) {
      const entry = running.get(fastify)
      if (entry === undefined) return
      running.delete(fastify)
      await entry.generator.next()
    },
  }
}
