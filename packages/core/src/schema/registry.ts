/**
 * @module
 * Schemas that carry a `$id` are shared: each is registered once per app under its id and referenced by
 * `{ $ref: id }` everywhere it appears, so validators, serializers and the OpenAPI document agree.
 */
import { isDeepStrictEqual } from 'node:util'
import { DuplicateSchemaIdError } from '../http/fastbox-errors.ts'
import type { JsonSchema } from './json-schema.ts'
import { mapSchema } from './walk.ts'

/** Called once for each new shared schema, in dependency order (nested ids first). */
export type SharedSchemaListener = (id: string, schema: JsonSchema) => void

export class SchemaRegistry {
  readonly #schemas = new Map<string, JsonSchema>()
  readonly #listeners: SharedSchemaListener[] = []

  /** The shared schemas registered so far, by `$id`, in registration order. */
  get schemas(): ReadonlyMap<string, JsonSchema> {
    return this.#schemas
  }

  /** Calls `listener` for every shared schema, those already registered included. */
  subscribe(listener: SharedSchemaListener): void {
    for (const [id, schema] of this.#schemas) listener(id, schema)
    this.#listeners.push(listener)
  }

  /**
   * Returns a plain copy of `schema` in which every sub-schema with a `$id` (the root included) is replaced
   * by `{ $ref: id }`; registers each id on first sight and throws when an id names two different schemas.
   */
  hoist(schema: unknown): JsonSchema {
    return mapSchema(schema, (node) => {
      const id = node.$id
      if (typeof id !== 'string') return node
      const known = this.#schemas.get(id)
      if (known === undefined) {
        this.#schemas.set(id, node)
        for (const listener of this.#listeners) listener(id, node)
      } else if (!isDeepStrictEqual(known, node)) {
        throw new DuplicateSchemaIdError(id)
      }
      return { $ref: id }
    })
  }
}
