/**
 * @module
 * One OpenAPI operation from the route model: metadata from the spec, parameters and body from the
 * request parts that are validated, responses from the response schemas that filter the output.
 */
import type { BodyModel, ParamPartModel, RouteModel } from '../analysis/model.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { buildParameters } from './parameters.ts'
import type { SchemaConverter } from './refs.ts'
import { buildResponses } from './responses.ts'
import type { SecuritySchemes } from './security.ts'
import type { OperationObject, RequestBodyObject } from './types.ts'

export interface BuiltOperation {
  readonly operation: OperationObject
  /** The operation got the default 422: the document needs the validation error components. */
  readonly validationError: boolean
}

export function buildOperation(
  route: RouteModel,
  method: string,
  operationId: string,
  schemas: SchemaConverter,
  securitySchemes: SecuritySchemes,
): BuiltOperation {
  const { spec } = route
  const where = `${method} ${route.path.openapi}`
  const security = securitySchemes.operationSecurity(route, where)
  const parameters = buildParameters(route.params, schemas, where)
  const body =
    (route.body && requestBody(route.body, schemas, where)) ??
    (route.form && formBody(route.form, schemas, where))
  const hasInputs = parameters.length > 0 || body !== undefined
  const { responses, validationError } = buildResponses(route, hasInputs, schemas, where)
  const tags = [...new Set(spec.tags ?? [])]
  // FastAPI's key order, so documents diff the same way; absent metadata is left out, never `null`.
  const operation: OperationObject = {
    ...(tags.length > 0 && { tags }),
    ...(spec.summary !== undefined && { summary: spec.summary }),
    ...(spec.description !== undefined && { description: spec.description }),
    operationId,
    ...(spec.deprecated === true && { deprecated: true }),
    ...(security.length > 0 && { security }),
    ...(parameters.length > 0 && { parameters }),
    ...(body !== undefined && { requestBody: body }),
    responses,
  }
  return { operation, validationError }
}

function requestBody(body: BodyModel, schemas: SchemaConverter, where: string): RequestBodyObject {
  const schema = schemas.convert(body.schema, `the body of ${where}`)
  const result: RequestBodyObject = { content: { 'application/json': { schema } } }
  // FastAPI writes `required` only when it is true (false is OpenAPI's default).
  if (body.required) result.required = true
  return result
}

/**
 * A form body: its fields as one object schema under `application/x-www-form-urlencoded` (FastAPI's `Form()`;
 * the schema is written inline rather than as a `Body_<operationId>` component). Required when a field is.
 */
function formBody(form: ParamPartModel<'form'>, schemas: SchemaConverter, where: string): RequestBodyObject {
  const converted = schemas.convert(form.schema, `the form of ${where}`)
  // As for parameters, a field with a default may be left out, whatever the schema's `required` says (as in
  // FastAPI). Only an inline schema is rewritten: a shared one is a component, used elsewhere as it is.
  const raw = (form.schema.properties ?? {}) as Record<string, JsonSchema>
  const required = ((schemas.resolve(converted) ?? converted).required ?? []) as string[]
  const needed = required.filter((name) => !('default' in (raw[name] ?? {})))
  const schema =
    converted.$ref === undefined && needed.length !== required.length
      ? withRequired(converted, needed)
      : converted
  const result: RequestBodyObject = { content: { 'application/x-www-form-urlencoded': { schema } } }
  if (needed.length > 0) result.required = true
  return result
}

/** The schema with another `required` list (left out when empty), its keys in their order. */
function withRequired(schema: JsonSchema, required: readonly string[]): JsonSchema {
  const entries = Object.entries(schema).flatMap(([key, value]) =>
    key !== 'required' ? [[key, value] as const] : required.length > 0 ? [[key, [...required]] as const] : [],
  )
  return Object.fromEntries(entries)
}
