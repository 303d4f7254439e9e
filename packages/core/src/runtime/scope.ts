/**
 * @module
 * One request's dependency solving: each dependency runs once per request (unless it opts out of the cache),
 * sub-dependencies first; generator dependencies inject what they yield and are finished after the handler,
 * in reverse order of set-up, with the handler's error thrown into them so they can roll back.
 */
import type { DependencyNode, SecurityScopes } from '../analysis/dependency-plan.ts'

type Cleanup = Generator<unknown, unknown, unknown> | AsyncGenerator<unknown, unknown, unknown>

/** What every dependency receives besides its `deps`: the handler's context (request parts and helpers). */
export interface DependencyBase {
  path: unknown
  query: unknown
  headers: unknown
  cookies: unknown
  body: unknown
  form: unknown
  request: unknown
  readonly reply: unknown
  readonly background: unknown
}

/** A dependency's argument: one shape for every call (no spreading), its `deps` its own. */
class DependencyCall {
  readonly path: unknown
  readonly query: unknown
  readonly headers: unknown
  readonly cookies: unknown
  readonly body: unknown
  readonly form: unknown
  readonly request: unknown
  readonly deps: Record<string, unknown>
  readonly securityScopes: SecurityScopes
  readonly #base: DependencyBase

  constructor(base: DependencyBase, deps: Record<string, unknown>, securityScopes: SecurityScopes) {
    this.path = base.path
    this.query = base.query
    this.headers = base.headers
    this.cookies = base.cookies
    this.body = base.body
    this.form = base.form
    this.request = base.request
    this.deps = deps
    this.securityScopes = securityScopes
    this.#base = base
  }

  get reply(): unknown {
    return this.#base.reply
  }

  get background(): unknown {
    return this.#base.background
  }
}

export class RequestScope {
  readonly #base: DependencyBase
  readonly #cache = new Map<unknown, unknown>()
  readonly #cleanups: Cleanup[] = []

  constructor(base: DependencyBase) {
    this.#base = base
  }

  /** Runs `node` (after its sub-dependencies) and returns its value. */
  async resolve(node: DependencyNode): Promise<unknown> {
    const { dependency, cacheKey } = node
    if (node.cache && this.#cache.has(cacheKey)) return this.#cache.get(cacheKey)
    const deps: Record<string, unknown> = {}
    for (const [name, sub] of node.subs) deps[name] = await this.resolve(sub)
    const result = dependency.fn(new DependencyCall(this.#base, deps, node.securityScopes))
    let value: unknown
    if (isGenerator(result)) {
      const step = await result.next()
      if (step.done) throw new Error('A generator dependency returned without yielding a value')
      this.#cleanups.push(result)
      value = step.value
    } else {
      value = await result
    }
    if (node.cache) this.#cache.set(cacheKey, value)
    return value
  }

  /** Resolves named nodes into an object (the handler's `deps`). */
  async resolveAll(named: readonly (readonly [string, DependencyNode])[]): Promise<Record<string, unknown>> {
    const values: Record<string, unknown> = {}
    for (const [name, node] of named) values[name] = await this.resolve(node)
    return values
  }

  /**
   * Finishes the generator dependencies, last set up first. With an `error`, each sees it thrown at its
   * `yield` (to roll back); one that throws replaces it (an `HTTPException` after `yield` is answered).
   * Returns the error to answer with, if any.
   */
  async finish(error: unknown, failed: boolean): Promise<{ failed: boolean; error: unknown }> {
    let current = { failed, error }
    for (const generator of this.#cleanups.reverse()) {
      try {
        if (current.failed) await generator.throw(current.error)
        else if (!(await generator.next()).done)
          throw new Error('A generator dependency yielded more than once')
      } catch (thrown) {
        current = { failed: true, error: thrown }
      }
    }
    return current
  }
}

function isGenerator(value: unknown): value is Cleanup {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Cleanup).next === 'function' &&
    typeof (value as Cleanup).throw === 'function' &&
    (Symbol.iterator in value || Symbol.asyncIterator in value)
  )
}
