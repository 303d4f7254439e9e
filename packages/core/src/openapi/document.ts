/**
 * @module
 * Fastbox's `transformObject` for @fastify/swagger: finishes the document @fastify/swagger built from the
 * routes (through {@link createTransform}). It gives every operation a readable, unique operationId and a
 * summary, puts parameters in FastAPI's order (path, query, header, cookie) with a default meaning "not
 * required", adds Fastbox's own error components where operations refer to them, writes every schema as
 * {@link SchemaWriter} does (input and output views, literal unions as enums, references that resolve), sorts
 * the components by name, and leaves out what is empty.
 */
import { isDeepStrictEqual } from 'node:util'
import { FastboxError } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { addBodyComponents } from './body-component.ts'
import { buildState } from './build-state.ts'
import { assignOperationIds } from './operation-id.ts'
import { plain } from './plain.ts'
import { type SchemaMode, SchemaWriter, type Where } from './schema-writer.ts'
import { deriveSummary } from './summary.ts'
import { MARK, type OperationMark } from './transform.ts'
import { OPERATION_METHODS, type OpenAPIDocument } from './types.ts'
import { BUILT_IN_CLOSURE, BUILT_IN_COMPONENTS, validationErrorResponse } from './validation-error.ts'
import { planViews, type SchemaRoots } from './views.ts'

type Json = Record<string, unknown>

/** The document's keys in FastAPI's order; any other key follows. */
const DOCUMENT_KEYS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
]

/** An operation's keys in FastAPI's order; any other key follows. */
const OPERATION_KEYS = new Set([
  'tags',
  'summary',
  'description',
  'operationId',
  'deprecated',
  'security',
  'parameters',
  'requestBody',
  'responses',
  MARK,
])

const PARAMETER_ORDER: Readonly<Record<string, number>> = { path: 0, query: 1, header: 2, cookie: 3 }

/** A parameter's keys Fastbox writes itself; any other (`style`, `example`, ...) follows. */
const PARAMETER_KEYS = new Set(['name', 'in', 'required', 'schema', 'description', 'deprecated'])

interface Operation {
  readonly path: string
  readonly method: string
  readonly operation: Json
  readonly mark: OperationMark | undefined
}

/**
 * Builds Fastbox's `transformObject`. `shared` holds the app's shared (`$id`) schemas: a built-in component
 * name the app uses for a schema of its own must name the same schema.
 */
export function createTransformObject(shared: ReadonlyMap<string, JsonSchema>) {
  return function fastboxTransformObject({ openapiObject }: { openapiObject: object }): OpenAPIDocument {
    return finishDocument(openapiObject as Json, shared)
  }
}

function finishDocument(raw: Json, shared: ReadonlyMap<string, JsonSchema>): OpenAPIDocument {
  const state = buildState(raw)
  const rawComponents = (raw.components ?? {}) as Json
  const components = new Map(Object.entries((rawComponents.schemas ?? {}) as Record<string, JsonSchema>))
  // Copies: the document's objects are written in place, and these are the app's own.
  for (const [id, schema] of state.documented.schemas) {
    if (!components.has(id)) components.set(id, structuredClone(schema))
  }
  for (const builtIn of state.builtIns) {
    for (const name of BUILT_IN_CLOSURE[builtIn]) {
      const own = BUILT_IN_COMPONENTS[name]
      const known = components.get(name)
      if (known === undefined) components.set(name, structuredClone(own))
      else if (!isDeepStrictEqual(withoutId(shared.get(name) ?? known), own)) {
        throw new FastboxError(
          'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
          `Two different schemas are documented as "${name}": the app's own and Fastbox's built-in one. Give the app's schema another $id.`,
        )
      }
    }
  }

  const operations = collectOperations(raw)
  const ids = assignOperationIds(
    operations.map(({ path, method, mark }) => ({ method, path, given: givenId(method, mark) })),
  )
  addBodyComponents(operations, ids, components)
  const views = planViews(components, () => schemaRoots(operations))
  const writer = new SchemaWriter(new Set(components.keys()), views.name)

  const paths: Record<string, Json> = {}
  operations.forEach((operation, index) => {
    const item = paths[operation.path] ?? {}
    paths[operation.path] = item
    item[operation.method] = finishOperation(operation, ids[index] as string, writer)
  })

  const schemas: Json = {}
  for (const [name, component, mode] of [...views.written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const schema = components.get(component)
    // A component written twice gets a copy for its input view.
    const own = name === `${component}-Input` ? structuredClone(schema) : schema
    schemas[name] = writer.write(own, mode, () => `component "${component}"`)
  }
  const { schemas: _schemas, securitySchemes, ...otherComponents } = rawComponents
  const finishedComponents: Json = {
    ...(Object.keys(schemas).length > 0 && { schemas }),
    ...(isNonEmpty(securitySchemes) && { securitySchemes }),
    ...otherComponents,
  }

  const parts: Json = {
    ...raw,
    info: plain(raw.info),
    paths,
    components: Object.keys(finishedComponents).length > 0 ? finishedComponents : undefined,
  }
  const document: Json = {}
  for (const key of [...DOCUMENT_KEYS, ...Object.keys(parts)]) {
    const value = parts[key]
    if (Object.hasOwn(document, key) || value === undefined || value === null) continue
    if (Array.isArray(value) && value.length === 0 && key !== 'security') continue
    document[key] = value
  }
  return document as unknown as OpenAPIDocument
}

function collectOperations(raw: Json): Operation[] {
  const operations: Operation[] = []
  for (const [path, item] of Object.entries((raw.paths ?? {}) as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!OPERATION_METHODS.has(method) || typeof value !== 'object' || value === null) continue
      const operation = value as Json
      operations.push({ path, method, operation, mark: operation[MARK] as OperationMark | undefined })
    }
  }
  return operations
}

/** The operationId the route gave this operation; one given to several methods gets `_<method>`. */
function givenId(method: string, mark: OperationMark | undefined): string | undefined {
  const given = mark?.operationId
  if (given === undefined || mark === undefined) return undefined
  return mark.methods.length > 1 ? `${given}_${method}` : given
}

function schemaRoots(operations: readonly Operation[]): SchemaRoots {
  const input: unknown[] = []
  const output: unknown[] = []
  for (const { operation } of operations) {
    for (const parameter of (operation.parameters ?? []) as Json[]) input.push(parameter.schema)
    for (const media of Object.values(((operation.requestBody as Json | undefined)?.content ?? {}) as Json)) {
      input.push((media as Json).schema)
    }
    for (const response of Object.values((operation.responses ?? {}) as Record<string, Json>)) {
      for (const media of Object.values((response.content ?? {}) as Json)) output.push((media as Json).schema)
      for (const header of Object.values((response.headers ?? {}) as Json))
        output.push((header as Json).schema)
    }
  }
  return { input, output }
}

function finishOperation(
  { path, method, operation, mark }: Operation,
  id: string,
  writer: SchemaWriter,
): Json {
  const where = () => `${method.toUpperCase()} ${path}`
  const tags = operation.tags as string[] | undefined
  const summary = operation.summary as string | undefined
  // FastAPI's key order, by plain assignments (one object shape for every operation).
  const result: Json = {}
  if (tags !== undefined && tags.length > 0) result.tags = tags.length === 1 ? tags : [...new Set(tags)]
  result.summary = summary !== undefined && summary !== '' ? summary : deriveSummary(id, mark?.handlerName)
  if (operation.description !== undefined) result.description = operation.description
  result.operationId = id
  if (operation.deprecated === true) result.deprecated = true
  if (operation.security !== undefined) result.security = operation.security
  const parameters = (operation.parameters ?? []) as Json[]
  if (parameters.length > 0) {
    result.parameters = [...parameters]
      .sort((a, b) => (PARAMETER_ORDER[a.in as string] ?? 4) - (PARAMETER_ORDER[b.in as string] ?? 4))
      .map((parameter) => finishParameter(parameter, writer, where))
  }
  const body = operation.requestBody as Json | undefined
  if (body !== undefined) result.requestBody = finishBody(body, mark, writer, where)
  result.responses = finishResponses(operation.responses as Record<string, Json>, mark, writer, where)
  for (const key in operation) {
    if (!OPERATION_KEYS.has(key) && operation[key] !== undefined) result[key] = operation[key]
  }
  return result
}

/**
 * FastAPI's parameter: a parameter with a default can be left out (whatever `required` said), its description
 * and `deprecated` are shown on the parameter as well as in its schema (Swagger UI and ReDoc read them there).
 */
function finishParameter(parameter: Json, writer: SchemaWriter, where: Where): Json {
  const { name, in: location, schema, description } = parameter
  const own = schema as JsonSchema | undefined
  const defaulted = own !== undefined && 'default' in own
  const result: Json = {
    name,
    in: location,
    required: location === 'path' || (parameter.required === true && !defaulted),
  }
  if (own !== undefined) {
    const written = writer.write(own, 'input', () => `the ${location} parameter "${name}" of ${where()}`)
    if (typeof description === 'string' && !('description' in written) && written.$ref === undefined)
      written.description = description
    result.schema = written
  }
  if (description !== undefined) result.description = description
  if (parameter.deprecated === true || own?.deprecated === true) result.deprecated = true
  for (const key in parameter) if (!PARAMETER_KEYS.has(key)) result[key] = parameter[key]
  return result
}

function finishBody(body: Json, mark: OperationMark | undefined, writer: SchemaWriter, where: Where): Json {
  const result: Json = {}
  for (const key in body) if (key !== 'content' && key !== 'required') result[key] = body[key]
  result.content = writeContent(body.content, 'input', writer, () => `the body of ${where()}`)
  if (mark?.bodyRequired ?? body.required === true) result.required = true
  return result
}

function finishResponses(
  responses: Record<string, Json>,
  mark: OperationMark | undefined,
  writer: SchemaWriter,
  where: Where,
): Json {
  // @fastify/swagger's response objects (its own, and in FastAPI's key order): written in place.
  const result = (responses ?? {}) as Record<string, Json>
  for (const key in result) {
    const { headers, content } = result[key] as Json
    if (headers !== undefined) {
      for (const header of Object.values(headers as Record<string, Json>)) {
        writer.write(header.schema, 'output', () => `a header of ${where()}`)
      }
    }
    if (content !== undefined)
      writeContent(content, 'output', writer, () => `the ${key} response of ${where()}`)
  }
  // FastAPI's default 422, the same for every operation: added here rather than resolved for each route.
  if (mark?.validationError === true) result['422'] = validationErrorResponse() as unknown as Json
  return result
}

function writeContent(content: unknown, mode: SchemaMode, writer: SchemaWriter, where: Where): Json {
  const media = (content ?? {}) as Record<string, Json>
  for (const type in media) {
    const entry = media[type] as Json
    if (entry.schema !== undefined) writer.write(entry.schema, mode, where)
  }
  return media
}

function withoutId(schema: JsonSchema): JsonSchema {
  const { $id: _id, ...rest } = schema
  return rest
}

function isNonEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0
}
