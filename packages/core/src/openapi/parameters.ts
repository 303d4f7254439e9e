/**
 * @module
 * OpenAPI parameters from the route model's parameter parts: the same object schemas that validate the
 * request, one parameter per property, so the documented names, types and constraints cannot drift.
 */

import type { ParamPartModel } from '../analysis/model.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { SchemaConverter } from './refs.ts'
import type { ParameterObject } from './types.ts'

/** The parameters of a route: path, query, header then cookie (the model's order), each in declared order. */
export function buildParameters(
  parts: readonly ParamPartModel[],
  schemas: SchemaConverter,
  where: string,
): ParameterObject[] {
  return parts.flatMap((part) => partParameters(part, schemas, where))
}

function partParameters(part: ParamPartModel, schemas: SchemaConverter, where: string): ParameterObject[] {
  const object = objectSchema(part.schema, schemas, `the ${part.location} parameters of ${where}`)
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : [])
  // The document drops `default: null` (FastAPI's exclude_none), but it still makes the parameter optional.
  const raw = (part.schema.properties ?? {}) as Record<string, JsonSchema | undefined>
  return Object.keys(properties).map((name) => {
    // A copy: a part declared as a component shares its property schemas with `components`.
    const schema = structuredClone(properties[name] as JsonSchema)
    const parameter: ParameterObject = {
      name,
      in: part.location,
      // A parameter with a default can be left out, whatever the schema's `required` says (as in FastAPI).
      required: part.location === 'path' || (required.has(name) && !('default' in (raw[name] ?? schema))),
      schema,
    }
    // FastAPI shows these on the parameter itself, where Swagger UI and ReDoc read them.
    if (typeof schema.description === 'string') parameter.description = schema.description
    if (schema.deprecated === true) parameter.deprecated = true
    return parameter
  })
}

/**
 * The part's object schema, converted for the document (so its property schemas are too). A part declared as
 * a shared (`$id`) object arrives as a `$ref`: its properties are the component's.
 */
function objectSchema(schema: JsonSchema, schemas: SchemaConverter, where: string): JsonSchema {
  const converted = schemas.convert(schema, where)
  return schemas.resolve(converted) ?? converted
}
