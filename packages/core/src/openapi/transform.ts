/**
 * @module
 * Fastbox's `transform` for @fastify/swagger: called once per Fastify route at document time. A Fastbox
 * route is described from its route model as it is now (dependency overrides replace it): parameters, body,
 * responses, security and metadata, in the route-schema form @fastify/swagger turns into an operation. A
 * plain Fastify route (or a plugin's) keeps its own schema; Fastbox only notes what it needs to finish the
 * operation in `transformObject` (the `x-fastbox` mark, removed there).
 */
import type { FastifySchema, RouteOptions } from 'fastify'
import type { ParamLocation, ParamPartModel, RouteModel } from '../analysis/model.ts'
import { kRoute, type RouteRecord } from '../fastify/register-route.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { checkBodyComponents } from './body-component.ts'
import { type BuildState, buildState } from './build-state.ts'
import { assignOperationIds } from './operation-id.ts'
import { routeResponses } from './responses.ts'
import { routeSecurity } from './security.ts'
import { COMPONENTS_PREFIX } from './validation-error.ts'

declare module 'fastify' {
  // @fastify/swagger's typings give route configs named keys, which makes TypeScript check the keys of a
  // config literal: this names Fastbox's own (see `registerRoute`).
  interface FastifyContextConfig {
    [kRoute]?: RouteRecord
  }
}

/** A route record as the app keeps it: the handler's name gives the operation a summary. */
export interface DocumentedRoute extends RouteRecord {
  readonly handlerName?: string
}

/** The key of the mark `transform` leaves on each operation for `transformObject`. */
export const MARK = 'x-fastbox'

/** What `transformObject` needs to know about an operation that the operation itself does not say. */
export interface OperationMark {
  /** The route's methods, upper-case: one given operationId names each method's operation apart. */
  readonly methods: readonly string[]
  /** The operationId the route was given, if any. */
  readonly operationId: string | undefined
  /** Whether the request body is required (@fastify/swagger always says it is). */
  readonly bodyRequired: boolean | undefined
  /** The JSON body is made of named parts: documented as the component `Body_<operationId>`. */
  readonly bodyParts?: true
  readonly handlerName: string | undefined
  /** A plain route whose schema Fastify validates: a failure answers `400 {"detail": ...}`. */
  readonly validates: boolean
  /** The operation gets FastAPI's default 422 (added by `transformObject`). */
  readonly validationError: boolean
}

/** Fastify's name for each parameter location. */
const FASTIFY_PARTS: Readonly<Record<ParamLocation, string>> = {
  path: 'params',
  query: 'querystring',
  header: 'headers',
  cookie: 'cookies',
}

export interface TransformInput {
  readonly schema: FastifySchema | undefined
  readonly url: string
  readonly route: RouteOptions
  readonly openapiObject?: object
}

export interface TransformResult {
  readonly schema: FastifySchema
  readonly url: string
}

/** Builds Fastbox's `transform`; `shared` holds the app's shared (`$id`) schemas, read at document time. */
export function createTransform(shared: ReadonlyMap<string, JsonSchema>) {
  return function fastboxTransform(input: TransformInput): TransformResult {
    const { route, url } = input
    const state = buildState(input.openapiObject ?? {})
    const record = route.config?.[kRoute] as DocumentedRoute | undefined
    if (record === undefined) return plainRoute(input, state)
    const model = record.model
    // A HEAD route Fastify exposed next to a Fastbox GET route: not one the app declared.
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.some((method) => !model.methods.includes(method.toUpperCase() as never))) {
      return { schema: { hide: true }, url }
    }
    if (model.spec.includeInSchema === false) return { schema: { hide: true }, url }
    const schema = fastboxSchema(model, record, state, shared)
    if (input.openapiObject !== undefined)
      publishSchemes(input.openapiObject as Record<string, unknown>, state)
    return { schema, url: documentedUrl(model, url) }
  }
}

/**
 * Puts the schemes met so far into the document's `components.securitySchemes`, where @fastify/swagger looks
 * them up for each operation's `security` (a copy: the object may be the app's own option).
 */
function publishSchemes(document: Record<string, unknown>, state: BuildState): void {
  if (state.schemes.size === 0) return
  document.components ??= {}
  const components = document.components as Record<string, unknown>
  const known = (components.securitySchemes ?? {}) as Record<string, unknown>
  if ([...state.schemes.keys()].every((name) => name in known)) return
  components.securitySchemes = { ...known, ...Object.fromEntries(state.schemes) }
}

/** The route's Fastify URL, with the `*` of a `{name:path}` parameter named (so it documents as `{name}`). */
function documentedUrl(model: RouteModel, url: string): string {
  const { wildcard } = model.path
  return wildcard !== undefined && url.endsWith('*') ? `${url.slice(0, -1)}:${wildcard}` : url
}

function fastboxSchema(
  model: RouteModel,
  record: DocumentedRoute,
  state: BuildState,
  shared: ReadonlyMap<string, JsonSchema>,
): FastifySchema {
  const { spec } = model
  const where = `${model.methods.join(', ')} ${model.path.openapi}`
  const security = routeSecurity(model, state.schemes, where)
  const schema: Record<string, unknown> = {}
  const tags = [...new Set(spec.tags ?? [])]
  if (tags.length > 0) schema.tags = tags
  if (spec.summary !== undefined) schema.summary = spec.summary
  if (spec.description !== undefined) schema.description = spec.description
  if (spec.deprecated === true) schema.deprecated = true
  if (security.requirements.length > 0) schema.security = security.requirements
  const params = model.params.filter(hasParameters)
  for (const part of params) schema[FASTIFY_PARTS[part.location]] = part.schema
  let bodyRequired: boolean | undefined
  if (model.body !== undefined) {
    schema.body = model.body.schema
    bodyRequired = model.body.required
  } else if (model.form !== undefined) {
    const form = inlineForm(model.form, shared)
    schema.body = form
    schema.consumes = ['application/x-www-form-urlencoded']
    bodyRequired = Array.isArray(form.required) && form.required.length > 0
  }
  const hasInputs = params.length > 0 || model.body !== undefined || model.form !== undefined
  const { responses, validationError } = routeResponses({
    route: model,
    state,
    shared,
    security,
    hasInputs,
    where,
  })
  schema.response = responses
  const mark: OperationMark = {
    methods: model.methods,
    operationId: spec.operationId,
    bodyRequired,
    handlerName: record.handlerName,
    validates: false,
    validationError,
    ...(model.body?.parts !== undefined && { bodyParts: true }),
  }
  schema[MARK] = mark
  return schema as FastifySchema
}

/**
 * A form's fields as one inline object schema (a form declared as a shared schema too: its properties are the
 * fields), with the fields that have a default left out of `required`, as FastAPI documents `Form()` fields.
 */
function inlineForm(form: ParamPartModel<'form'>, shared: ReadonlyMap<string, JsonSchema>): JsonSchema {
  const ref = form.schema.$ref
  const { $id: _id, ...schema } = (typeof ref === 'string' ? shared.get(ref) : undefined) ?? form.schema
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  if (!Array.isArray(schema.required)) return schema
  const required = (schema.required as string[]).filter((name) => !('default' in (properties[name] ?? {})))
  const { required: _required, ...rest } = schema
  return required.length > 0 ? { ...rest, required } : rest
}

/** A part that documents at least one parameter (a shared object schema is assumed to). */
function hasParameters(part: ParamPartModel): boolean {
  const properties = part.schema.properties
  return (
    typeof part.schema.$ref === 'string' ||
    (typeof properties === 'object' && properties !== null && Object.keys(properties).length > 0)
  )
}

/** A plain Fastify route: its schema as it is, with the mark. */
function plainRoute({ schema, url, route }: TransformInput, state: BuildState): TransformResult {
  const own = (schema ?? {}) as Record<string, unknown>
  const validates = ['body', 'querystring', 'params', 'headers'].some((key) => own[key] !== undefined)
  const { operationId, ...rest } = own
  const mark: OperationMark = {
    methods: (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase()),
    operationId: typeof operationId === 'string' ? operationId : undefined,
    bodyRequired: undefined,
    handlerName: typeof route.handler === 'function' ? route.handler.name : undefined,
    validates,
    validationError: false,
  }
  const response = rest.response as Record<string, unknown> | undefined
  const covered = response !== undefined && ['400', '4xx', '4XX', 'default'].some((key) => key in response)
  if (validates && !covered) {
    // Fastbox answers a plain route's failed validation `400 {"detail": "<message>"}`.
    state.builtIns.add('HTTPError')
    rest.response = {
      ...(response ?? { 200: { type: 'null', description: 'Default Response' } }),
      400: { $ref: `${COMPONENTS_PREFIX}HTTPError`, description: 'Bad Request' },
    }
  }
  return { schema: { ...rest, [MARK]: mark } as FastifySchema, url }
}

/**
 * What would stop the document from being built, checked when the app starts (the document itself is built
 * on first use, as FastAPI does): two routes given one operationId, a documented status that is no status,
 * two security schemes or two documented schemas under one name. Each route goes through the same code as
 * for the document.
 */
export function checkRoutes(
  records: readonly DocumentedRoute[],
  shared: ReadonlyMap<string, JsonSchema>,
): void {
  const state = buildState({})
  const requests: { method: string; path: string; given: string | undefined }[] = []
  // The request of each body of parts: named after its route's first operation.
  const bodies: number[] = []
  for (const record of records) {
    const { model } = record
    if (model.spec.includeInSchema === false) continue
    fastboxSchema(model, record, state, shared)
    if (model.body?.parts !== undefined) bodies.push(requests.length)
    const given = model.spec.operationId
    for (const method of model.methods) {
      const id =
        given === undefined || model.methods.length === 1 ? given : `${given}_${method.toLowerCase()}`
      requests.push({ method, path: model.path.openapi, given: id })
    }
  }
  const ids = assignOperationIds(requests)
  const where = (index: number) => `${requests[index]?.method} ${requests[index]?.path}`
  checkBodyComponents(
    bodies.map((index) => ({ id: ids[index] as string, where: where(index) })),
    shared,
  )
}
