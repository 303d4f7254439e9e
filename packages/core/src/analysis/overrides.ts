/**
 * @module
 * `app.dependencyOverrides`: a `Map` from a dependency to its replacement, for tests. Every change is
 * announced, so the app analyzes its routes' graphs again right away (the replacement's own request parts
 * replace the original's) and requests read the result: nothing is checked per request.
 */
import type { AnyDependency } from '../spec/dependency.ts'

export class DependencyOverrides extends Map<AnyDependency, AnyDependency> {
  readonly #listeners: (() => void)[] = []

  /** Calls `listener` after every change. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener)
  }

  override set(dependency: AnyDependency, replacement: AnyDependency): this {
    super.set(dependency, replacement)
    this.#changed()
    return this
  }

  override delete(dependency: AnyDependency): boolean {
    const deleted = super.delete(dependency)
    if (deleted) this.#changed()
    return deleted
  }

  override clear(): void {
    super.clear()
    this.#changed()
  }

  /** The dependency to run in place of `dependency` (itself when not overridden). */
  resolve(dependency: AnyDependency): AnyDependency {
    return this.get(dependency) ?? dependency
  }

  #changed(): void {
    // `Map`'s constructor calls `set` before the fields exist.
    for (const listener of this.#listeners ?? []) listener()
  }
}
