/**
 * @module
 * An operation's responses: the validated response schemas of the route model, the success status always
 * (FastAPI documents it even without a schema), extra statuses documented with `responses`, and the default
 * 422 for operations that read input.
 */
import { STATUS_CODES } from 'node:http'
import type { RouteModel } from '../analysis/model.ts'
import { InvalidResponseKeyError } from '../http/fastbox-errors.ts'
import { isBodylessStatus } from '../http/status.ts'
import type { ResponseDoc } from '../spec/route-spec.ts'
import type { SchemaConverter } from './refs.ts'
import type { ResponseObject, ResponsesObject, SchemaObject } from './types.ts'
import { needsValidationError, validationErrorResponse } from './validation-error.ts'

/** FastAPI's descriptions for status ranges and `default`. */
const RANGE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '1XX': 'Information',
  '2XX': 'Success',
  '3XX': 'Redirection',
  '4XX': 'Client Error',
  '5XX': 'Server Error',
  default: 'Default Response',
}

const RESPONSE_KEY = /^(?:[1-5]\d\d|[1-5]XX|default)$/

export interface BuiltResponses {
  readonly responses: ResponsesObject
  /** The default 422 was added: the document needs the validation error components. */
  readonly validationError: boolean
}

export function buildResponses(
  route: RouteModel,
  hasInputs: boolean,
  schemas: SchemaConverter,
  where: string,
): BuiltResponses {
  const docs = documentedResponses(route, where)
  const responses: ResponsesObject = {}
  const success = String(route.status)
  for (const key of new Set([success, ...[...route.responses.keys()].map(String), ...docs.keys()])) {
    const validated = route.responses.get(Number(key))?.schema
    const doc = docs.get(key)
    const schema =
      validated !== undefined
        ? schemas.convert(validated, `the ${key} response of ${where}`)
        : doc?.schema !== undefined
          ? schemas.convert(doc.schema, `the ${key} response of ${where}`)
          : key === success
            ? {} // FastAPI: a JSON success response without a model is documented as any value.
            : undefined
    const description =
      doc?.description ??
      (key === success ? (route.spec.responseDescription ?? 'Successful Response') : undefined) ??
      describedBy(schema, schemas) ??
      RANGE_DESCRIPTIONS[key] ??
      STATUS_CODES[Number(key)] ??
      'Additional Response'
    const response: ResponseObject = { description }
    if (schema !== undefined && hasBody(key)) response.content = { 'application/json': { schema } }
    responses[key] = response
  }
  const validationError = needsValidationError(hasInputs, responses)
  if (validationError) responses['422'] = validationErrorResponse()
  return { responses, validationError }
}

/** The route's `responses` metadata by normalized key: `404`, `'4xx'` → `'4XX'`, `'DEFAULT'` → `'default'`. */
function documentedResponses(route: RouteModel, where: string): Map<string, ResponseDoc> {
  const docs = new Map<string, ResponseDoc>()
  for (const [raw, doc] of Object.entries(route.spec.responses ?? {})) {
    const upper = raw.toUpperCase()
    const key = upper === 'DEFAULT' ? 'default' : upper
    if (!RESPONSE_KEY.test(key)) {
      throw new InvalidResponseKeyError(where, raw)
    }
    docs.set(key, doc)
  }
  return docs
}

/** A response schema's own description (or its component's) describes the response, as in @fastify/swagger. */
function describedBy(schema: SchemaObject | undefined, schemas: SchemaConverter): string | undefined {
  if (schema === undefined) return undefined
  const description = schema.description ?? schemas.resolve(schema)?.description
  return typeof description === 'string' ? description : undefined
}

/** Statuses that never carry a body (RFC 9110) are documented with a description only. */
function hasBody(key: string): boolean {
  const status = Number(key)
  if (Number.isNaN(status)) return key !== '1XX'
  return !isBodylessStatus(status)
}
