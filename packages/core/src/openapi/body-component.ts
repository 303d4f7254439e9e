/**
 * @module
 * A body of named parts is documented as FastAPI documents several body parameters: the request body refers
 * to a component `Body_<operationId>` (titled so), an object whose properties are the parts (a shared part
 * referring to its own component). Named once the operationIds are known, in `transformObject`.
 */
import { DuplicateComponentError } from '../http/fastbox-errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { OperationMark } from './transform.ts'
import { COMPONENTS_PREFIX } from './validation-error.ts'

type Json = Record<string, unknown>

export interface BodyOperation {
  readonly path: string
  readonly method: string
  readonly operation: Json
  readonly mark: OperationMark | undefined
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
        name = `Body_${ids[index]?.replace(/[^A-Za-z0-9._-]/g, '_')}`
        if (components.has(name))
          throw new DuplicateComponentError(name, `the body of ${method.toUpperCase()} ${path}`)
        components.set(name, { title: name, ...(schema as JsonSchema) })
        named.set(schema, name)
      }
      media.schema = { $ref: COMPONENTS_PREFIX + name }
    }
  })
}
