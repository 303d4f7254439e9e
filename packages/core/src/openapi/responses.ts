/**
 * @module
 * A Fastbox operation's responses, in the form @fastify/swagger reads (`schema.response`): the validated
 * response schemas of the route model, the success status always (FastAPI documents it even without a
 * schema), extra statuses documented with `responses`, and what the framework itself sends: the default 422
 * for operations that read input, and the 401 of a security dependency.
 *
 * @fastify/swagger takes a response's description from `x-response-description`, or from `description` next
 * to a `$ref` (it keeps only the `$ref` in the schema), and writes no content for a `type: 'null'` schema.
 */
import { STATUS_CODES } from 'node:http'
import { isDeepStrictEqual } from 'node:util'
import type { RouteModel } from '../analysis/model.ts'
import { FastboxError } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { isSchema } from '../schema/json-schema.ts'
import type { ResponseDoc, ResponseHeaderDoc } from '../spec/route-spec.ts'
import type { BuildState } from './build-state.ts'
import { kindContent } from './kind-content.ts'
import { COMPONENT_NAME, visitSchema } from './schema-writer.ts'
import { authenticateHeader, type RouteSecurity } from './security.ts'
import { BUILT_IN_COMPONENTS, builtInRef, COVERING_KEYS } from './validation-error.ts'

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

const X_DESCRIPTION = 'x-response-description'

export interface ResponsesInput {
  readonly route: RouteModel
  readonly state: BuildState
  /** The app's shared schemas (what a `$ref` names), to read a referenced schema's description. */
  readonly shared: ReadonlyMap<string, JsonSchema>
  readonly security: RouteSecurity
  /** The operation reads parameters or a body: it can fail validation. */
  readonly hasInputs: boolean
  readonly where: string
}

export interface RouteResponses {
  /** The route's `schema.response` for @fastify/swagger. */
  readonly responses: Record<string, JsonSchema>
  /** The operation gets FastAPI's default 422 (the same for every operation, added to the document as is). */
  readonly validationError: boolean
}

export function routeResponses(input: ResponsesInput): RouteResponses {
  const { route, state, where } = input
  const docs = documentedResponses(route, where)
  const success = String(route.status)
  const responses: Record<string, JsonSchema> = {}
  for (const key of new Set([success, ...[...route.responses.keys()].map(String), ...docs.keys()])) {
    const doc = docs.get(key)
    const declared = route.responses.get(Number(key))
    const kind = declared?.kind
    const schema =
      (kind === undefined ? declared?.schema : undefined) ??
      (doc?.schema !== undefined ? documentedSchema(doc.schema, input, key) : undefined) ??
      (key === success ? {} : isError(key) ? useHTTPError(state) : undefined)
    const description =
      doc?.description ??
      (key === success ? (route.spec.responseDescription ?? 'Successful Response') : undefined) ??
      describedBy(schema, input) ??
      RANGE_DESCRIPTIONS[key] ??
      STATUS_CODES[Number(key)] ??
      'Additional Response'
    const content =
      kind !== undefined
        ? kindContent(declared as NonNullable<typeof declared>)
        : doc?.mediaType !== undefined && schema !== undefined
          ? { [doc.mediaType]: { schema } }
          : undefined
    const written =
      content !== undefined && hasBody(key)
        ? { content, description }
        : response(hasBody(key) && kind === undefined ? schema : undefined, description)
    responses[key] =
      doc?.headers === undefined ? written : { ...written, headers: headerSchemas(doc.headers) }
  }
  const { challenges } = input.security
  if (challenges.length > 0) {
    const declared = responses['401']
    const base = declared ?? response(useHTTPError(state), 'Not authenticated')
    responses['401'] = { ...base, headers: authenticateHeader(challenges) }
  }
  const validationError = input.hasInputs && COVERING_KEYS.every((key) => !(key in responses))
  if (validationError) state.builtIns.add('HTTPValidationError')
  return { responses, validationError }
}

/** A response in @fastify/swagger's form: no content without a schema. */
function response(schema: JsonSchema | undefined, description: string): JsonSchema {
  if (schema === undefined) return { type: 'null', description }
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref, description }
  return { ...schema, [X_DESCRIPTION]: description }
}

/** Documented response headers in @fastify/swagger's form: a schema per header, its description inside. */
function headerSchemas(headers: { readonly [name: string]: ResponseHeaderDoc }): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {}
  for (const [name, header] of Object.entries(headers)) {
    result[name] = isSchema(header)
      ? { ...header }
      : { ...header.schema, ...(header.description !== undefined && { description: header.description }) }
  }
  return result
}

function useHTTPError(state: BuildState): JsonSchema {
  state.builtIns.add('HTTPError')
  return builtInRef('HTTPError')
}

/**
 * A schema given only as documentation: its `$id` sub-schemas are hoisted like the app's own. One that the
 * app registered too must be the same schema.
 */
function documentedSchema(schema: unknown, input: ResponsesInput, key: string): JsonSchema {
  const { documented } = input.state
  const before = new Set(documented.schemas.keys())
  const hoisted = documented.hoist(schema)
  // Every shared schema it names must exist (what Fastify checks for the schemas it compiles).
  const known = (name: string) =>
    input.shared.has(name) || documented.schemas.has(name) || name in BUILT_IN_COMPONENTS
  for (const root of [hoisted, ...documented.schemas.values()]) {
    visitSchema(root, (node) => {
      const ref = node.$ref
      if (typeof ref === 'string' && COMPONENT_NAME.test(ref) && !known(ref)) {
        throw new FastboxError(
          'FASTBOX_ERR_INVALID_SPEC',
          `The schema of the ${key} response of ${input.where} refers to "${ref}", which is no shared schema: give the schema it means \`$id: '${ref}'\`.`,
        )
      }
    })
  }
  for (const [id, found] of documented.schemas) {
    if (before.has(id)) continue
    const registered = input.shared.get(id)
    if (registered !== undefined && !isDeepStrictEqual(registered, found)) {
      throw new FastboxError(
        'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
        `Two different schemas are documented as "${id}" (the second in the responses of ${input.where}). Give each its own $id.`,
      )
    }
  }
  return hoisted
}

/** The route's `responses` metadata by normalized key: `404`, `'4xx'` → `'4XX'`, `'DEFAULT'` → `'default'`. */
function documentedResponses(route: RouteModel, where: string): Map<string, ResponseDoc> {
  const docs = new Map<string, ResponseDoc>()
  for (const [raw, doc] of Object.entries(route.spec.responses ?? {})) {
    const upper = raw.toUpperCase()
    const key = upper === 'DEFAULT' ? 'default' : upper
    if (!RESPONSE_KEY.test(key)) {
      throw new FastboxError(
        'FASTBOX_ERR_INVALID_SPEC',
        `Route ${where} documents a response for "${raw}": use a status code (100-599), a range such as "4XX", or "default".`,
      )
    }
    docs.set(key, doc)
  }
  return docs
}

/** A response schema's own description (or its shared schema's) describes the response, as in @fastify/swagger. */
function describedBy(schema: JsonSchema | undefined, input: ResponsesInput): string | undefined {
  if (schema === undefined) return undefined
  const ref = schema.$ref
  const target =
    typeof ref === 'string' ? (input.shared.get(ref) ?? input.state.documented.schemas.get(ref)) : schema
  const description = target?.description
  return typeof description === 'string' ? description : undefined
}

/** Error statuses: documented without a schema, they carry Fastbox's `{"detail": ...}`. */
function isError(key: string): boolean {
  return key === 'default' || key.startsWith('4') || key.startsWith('5')
}

/** Statuses that never carry a body (RFC 9110) are documented with a description only. */
function hasBody(key: string): boolean {
  const status = Number(key)
  if (Number.isNaN(status)) return key !== '1XX'
  return status >= 200 && status !== 204 && status !== 205 && status !== 304
}
