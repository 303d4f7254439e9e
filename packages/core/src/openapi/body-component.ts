/**
 * @module
 * A body of named parts is documented as FastAPI documents several body parameters: the request body refers
 * to a component `Body_<operationId>` (titled so), an object whose properties are the parts (a shared part
 * referring to its own component). Named once the operationIds are known, in `transformObject`.
 */
import { DuplicateComponentError } from '../http/fastbox-errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { COMPONENTS_PREFIX } from './validation-error.ts'

type Json = Record<string, unknown>

export interface BodyOperation {
  readonly path: string
  readonly method: string
  readonly operation: Json
  /** The operation's mark (see `transform.ts`): `bodyParts` says its body is made of parts. */
  readonly mark: { readonly bodyParts?: true } | undefined
}

/** The component of an operation's body of parts: `Body_<operationId>`, as FastAPI names it. */
export function bodyComponentName(operationId: string): string {
  return `Body_${operationId.replace(/[^A-Za-z0-9._-]/g, '_')}`
}

/**
 * At start-up, what would stop the document from naming the bodies of parts: a name an app schema already
 * has, or two operationIds that give one name. `bodies`: the operationId of each such body, and its route.
 */
export function checkBodyComponents(
  bodies: readonly { readonly id: string; readonly where: string }[],
  shared: ReadonlyMap<string, JsonSchema>,
): void {
  const names = new Set<string>()
  for (const { id, where } of bodies) {
    const name = bodyComponentName(id)
    if (shared.has(name) || names.has(name)) throw new DuplicateComponentError(name, `the body of ${where}`)
    names.add(name)
  }
}

/**
 * Moves the body schema of each operation whose body is made of parts into `components` as
 * `Body_<operationId>` (the id's characters a component name cannot hold written `_`, as FastAPI does), and
 * refers to it. An operation @fastify/swagger shares between the methods of one route is named after the first.
 */
export function addBodyComponents(
  operations: readonly BodyOperation[],
  ids: readonly string[],
  components: Map<string, JsonSchema>,
): void {
  const named = new Map<object, string>()
  operations.forEach(({ path, method, operation, mark }, index) => {
    if (mark?.bodyParts !== true) return
    const content = ((operation.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>
    for (const media of Object.values(content)) {
      const schema = media.schema
      if (typeof schema !== 'object' || schema === null || '$ref' in schema) continue
      let name = named.get(schema)
      if (name === undefined) {
        name = bodyComponentName(ids[index] as string)
        if (components.has(name))
          throw new DuplicateComponentError(name, `the body of ${method.toUpperCase()} ${path}`)
        components.set(name, { title: name, ...(schema as JsonSchema) })
        named.set(schema, name)
      }
      media.schema = { $ref: COMPONENTS_PREFIX + name }
    }
  })
}
