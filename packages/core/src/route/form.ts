/**
 * @module
 * Form bodies (`application/x-www-form-urlencoded`, FastAPI's `Form()`): the `form` a route and the
 * dependencies it runs declare, merged into one object schema, as their query parameters are. Its fields
 * arrive as text, so they are coerced and validated with the parameters, and reported under `"body"`.
 */
import { isDeepStrictEqual } from 'node:util'
import type { AnyDependency } from '../dependency/dependency.ts'
import { FastboxError } from '../errors/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { type ParamsSpec, toObjectSchema } from '../schema/parts.ts'

// `form` is declared here, with the code that reads it, rather than in `dependency.ts` (whose merging of
// the other parts does not know it): a dependency such as `passwordRequestForm` declares its form fields.
/**
 * The form fields a route reads: its own and those of every dependency it runs, in one object schema.
 * A field declared twice must have the same schema.
 */
export function mergeForms(
  own: ParamsSpec | undefined,
  dependencies: readonly AnyDependency[],
  where: string,
): ParamsSpec | undefined {
  const declared = [own, ...dependencies.map((dependency) => dependency.spec.form)].filter(
    (spec): spec is ParamsSpec => spec !== undefined,
  )
  const [first] = declared
  if (declared.length <= 1) return first
  const properties: Record<string, unknown> = {}
  const required = new Set<string>()
  let closed = false
  for (const spec of declared) {
    const schema = toObjectSchema('form', spec)
    for (const [name, property] of Object.entries(schema.properties as Record<string, unknown>)) {
      if (name in properties && !sameSchema(properties[name], property)) {
        throw new FastboxError(
          'FASTBOX_ERR_INVALID_SPEC',
          `Route ${where} reads the form field "${name}" with two different schemas (in the route or its dependencies).`,
        )
      }
      properties[name] = property
    }
    for (const name of (schema.required as string[] | undefined) ?? []) required.add(name)
    closed ||= schema.additionalProperties === false
  }
  const merged: JsonSchema = {
    type: 'object',
    properties,
    ...(required.size > 0 && { required: [...required] }),
    ...(closed && { additionalProperties: false }),
  }
  return merged as unknown as ParamsSpec
}

/** A request has one body: JSON (`body`) or a form (`form`), never both. */
export function checkOneBody(hasBody: boolean, hasForm: boolean, where: string): void {
  if (hasBody && hasForm) {
    throw new FastboxError(
      'FASTBOX_ERR_INVALID_SPEC',
      `Route ${where} and its dependencies declare both a JSON body (body) and a form body (form); a request has one body: declare one of them.`,
    )
  }
}

/** Schemas compared as JSON (TypeBox's symbol keys aside). */
function sameSchema(a: unknown, b: unknown): boolean {
  return a === b || isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))
}
