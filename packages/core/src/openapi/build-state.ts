/**
 * @module
 * What one build of the document collects while @fastify/swagger calls `transform` for each route, for
 * `transformObject` to finish with: the security schemes met, the schemas that are only documented, and
 * which of Fastbox's own error components the operations refer to. Kept per document object, since
 * @fastify/swagger builds the JSON and the YAML form separately.
 */
import { SchemaRegistry } from '../schema/registry.ts'
import type { BuiltInComponent } from './validation-error.ts'

export interface BuildState {
  /** The security schemes met, by name (`components.securitySchemes` gets them in this order). */
  readonly schemes: Map<string, unknown>
  /** Shared (`$id`) schemas met only in `responses` metadata: hoisted here, as the app's registry does. */
  readonly documented: SchemaRegistry
  /** Fastbox's own components some operation refers to. */
  readonly builtIns: Set<BuiltInComponent>
}

const states = new WeakMap<object, BuildState>()

/** The state of the build of `document` (the object @fastify/swagger passes to both hooks). */
export function buildState(document: object): BuildState {
  let state = states.get(document)
  if (state === undefined) {
    state = { schemes: new Map(), documented: new SchemaRegistry(), builtIns: new Set() }
    states.set(document, state)
  }
  return state
}
