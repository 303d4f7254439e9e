/**
 * @module
 * One OpenAPI operation from the route model: metadata from the spec, parameters and body from the
 * request parts that are validated, responses from the response schemas that filter the output.
 */
import type { BodyModel, RouteModel } from 'fastbox'
import { buildParameters } from './parameters.ts'
import type { SchemaConverter } from './refs.ts'
import { buildResponses } from './responses.ts'
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
): BuiltOperation {
  const { spec } = route
  const where = `${method} ${route.path.openapi}`
  const parameters = buildParameters(route.params, schemas, where)
  const body = route.body && requestBody(route.body, schemas, where)
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
