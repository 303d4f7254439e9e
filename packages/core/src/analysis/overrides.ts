/**
 * @module
 * `app.dependencyOverrides`: a `Map` from a dependency to its replacement, for tests. Every change bumps a
 * version, so routes re-analyze their graph (the replacement's own request parts replace the original's)
 * from the next request on.
 */
import type { AnyDependency } from '../spec/dependency.ts'

export class DependencyOverrides extends Map<AnyDependency, AnyDependency> {
  #version = 0

  /** Bumped by every change; routes compare it with the version they were analyzed with. */
  get version(): number {
    return this.#version
  }

  override set(dependency: AnyDependency, replacement: AnyDependency): this {
    this.#version++
    return super.set(dependency, replacement)
  }

  override delete(dependency: AnyDependency): boolean {
    this.#version++
    return super.delete(dependency)
  }

  override clear(): void {
    this.#version++
    super.clear()
  }

  /** The dependency to run in place of `dependency` (itself when not overridden). */
  resolve(dependency: AnyDependency): AnyDependency {
    return this.get(dependency) ?? dependency
  }
}
