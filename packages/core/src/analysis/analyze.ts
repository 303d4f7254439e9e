/**
 * @module
 * Turns a route declaration into its {@link RouteModel}: schemas normalized and hoisted, validators
 * compiled, mistakes in the declaration reported before the app starts.
 */
import type { TSchema } from '@sinclair/typebox'
import {
  BodylessStatusSchemaError,
  InvalidStatusError,
  RedirectStatusError,
  UnknownPathParamError,
} from '../http/fastbox-errors.ts'
import { isBodylessStatus } from '../http/status.ts'
import { isSchema, type JsonSchema } from '../schema/json-schema.ts'
import { type ParamsSpec, toObjectSchema } from '../schema/parts.ts'
import type { SchemaRegistry } from '../schema/registry.ts'
import { nullDefaults, toHolderSchema } from '../schema/request-schemas.ts'
import { toResponseValidationSchema, toSerializerSchema } from '../schema/response-schemas.ts'
import {
  type ResponseShaping,
  responseShaper,
  shapes,
  toShapedSerializerSchema,
} from '../schema/response-shape.ts'
import { scalarKinds, takesText } from '../schema/scalar-kinds.ts'
import { toUploadValidationSchema } from '../schema/upload.ts'
import { isResponseKind, kResponseKind } from '../spec/response-kinds.ts'
import type { HTTPMethod, RouteSpec } from '../spec/route-spec.ts'
import type { Validators } from '../validation/ajv.ts'
import { textConverter } from '../validation/lax.ts'
import { bodyModel } from './body-model.ts'
import { type DependencyPlan, EMPTY_PLAN, mergeParts } from './dependency-plan.ts'
import type {
  Conversion,
  ParamLocation,
  ParamPartModel,
  PartLocation,
  ResponseModel,
  RouteModel,
} from './model.ts'
import { parsePath } from './path.ts'

export interface AnalyzeContext {
  readonly registry: SchemaRegistry
  readonly validators: Validators
  /** The app's `strict` option: JSON bodies taken as they are, not converted as Pydantic's lax mode does. */
  readonly strict?: boolean | undefined
}

/** Where a route is declared, for error messages: `GET /items/{id}`. */
export function describeRoute(methods: readonly HTTPMethod[], path: string): string {
  return `${methods.join(',')} ${path}`
}

export function analyzeRoute(
  methods: readonly HTTPMethod[],
  path: string,
  spec: RouteSpec,
  context: AnalyzeContext,
  dependencies: DependencyPlan = EMPTY_PLAN,
): RouteModel {
  const parsed = parsePath(path)
  const where = describeRoute(methods, path)
  const parts = mergeParts(spec, dependencies.all, where)
  const params = [
    pathPart(parsed.params, parts.path, where, context.registry),
    parts.query && paramPart('query', parts.query, context.registry),
    parts.headers && paramPart('header', parts.headers, context.registry),
    parts.cookies && paramPart('cookie', parts.cookies, context.registry),
  ].filter((part): part is ParamPartModel => part !== undefined)
  const form = parts.form && formPart(parts.form, context.registry)
  const validated: readonly ParamPartModel<PartLocation>[] = form === undefined ? params : [...params, form]
  const status = checkStatus(spec.status ?? defaultStatus(spec), where)
  return {
    methods,
    path: parsed,
    spec,
    params,
    form,
    parts: validated,
    validateParams: validated.length === 0 ? undefined : compileParams(validated, context.validators),
    fillsNulls: validated.some((part) => part.nullDefaults.length > 0),
    body:
      parts.body === undefined
        ? undefined
        : bodyModel(parts.body, !(spec.strict ?? context.strict), context, where),
    dependencies,
    status,
    responses: responseModels(spec, status, where, context),
  }
}

function pathPart(
  names: readonly string[],
  spec: ParamsSpec | undefined,
  where: string,
  registry: SchemaRegistry,
): ParamPartModel | undefined {
  if (names.length === 0 && spec === undefined) return undefined
  const declared = spec === undefined ? { type: 'object', properties: {} } : toObjectSchema('path', spec)
  const properties = declared.properties as Record<string, TSchema>
  for (const name of Object.keys(properties)) {
    if (!names.includes(name)) {
      throw new UnknownPathParamError(where, name)
    }
  }
  // Every path parameter is required; one without a schema is a string.
  const complete = {
    ...declared,
    properties: Object.fromEntries(names.map((name) => [name, properties[name] ?? { type: 'string' }])),
    required: [...names],
  }
  const schema = registry.hoist(complete)
  return partModel('path', schema, schema)
}

function paramPart(location: ParamLocation, spec: ParamsSpec, registry: SchemaRegistry): ParamPartModel {
  const schema = registry.hoist(toObjectSchema(location, spec))
  if (location !== 'header') return partModel(location, schema, schema)
  // Header names are case-insensitive and FastAPI reads `x_token` as `x-token`: documented by wire name.
  const properties = schema.properties as Record<string, JsonSchema>
  const wireProperties: Record<string, JsonSchema> = {}
  for (const key of Object.keys(properties))
    wireProperties[headerWireName(key)] = properties[key] as JsonSchema
  const required = (schema.required as string[] | undefined)?.map(headerWireName)
  const wireSchema: JsonSchema = { ...schema, properties: wireProperties, ...(required && { required }) }
  return partModel(location, wireSchema, schema)
}

function headerWireName(key: string): string {
  return key.toLowerCase().replaceAll('_', '-')
}

/**
 * The form's fields: validated with the parameters (their values are text, or uploads for file fields),
 * reported under `"body"`.
 */
function formPart(spec: ParamsSpec, registry: SchemaRegistry): ParamPartModel<'form'> {
  const schema = registry.hoist(toObjectSchema('form', spec))
  return partModel('form', schema, toUploadValidationSchema(schema))
}

/**
 * `schema` is keyed by wire names, `validationSchema` by the handler's keys, with the same properties in
 * the same order (they differ for headers only).
 */
function partModel<TLocation extends PartLocation>(
  location: TLocation,
  schema: JsonSchema,
  validationSchema: JsonSchema,
): ParamPartModel<TLocation> {
  const properties = schema.properties as Record<string, JsonSchema>
  const conversions = new Map<string, Conversion>()
  const scalars = new Set<string>()
  for (const [name, property] of Object.entries(properties)) {
    const array = hasType(property, 'array')
    // A position that also takes a string (a union with one) takes any text as it is.
    const kinds = scalarKinds(array ? (property.items as JsonSchema | undefined) : property)
    if (kinds !== undefined && !takesText(kinds))
      conversions.set(name, { convert: textConverter(kinds), array })
    if (!array) scalars.add(name)
  }
  const wireNames = Object.keys(properties)
  const keys = Object.keys(validationSchema.properties as JsonSchema)
  const renamed = wireNames.some((wire, index) => keys[index] !== wire)
  return {
    location,
    schema,
    validationSchema,
    wireNames,
    keys,
    wireOf: renamed ? new Map(keys.map((key, index) => [key, wireNames[index] as string])) : undefined,
    passAll: schema.additionalProperties === false,
    plain: schema.additionalProperties !== false && keys.every((name) => !(name in Object.prototype)),
    conversions,
    nullDefaults: nullDefaults(validationSchema),
    scalars,
  }
}

/** True when the schema is of `type`, directly or as a branch of a union. */
function hasType(schema: JsonSchema | undefined, type: string): boolean {
  if (schema === undefined) return false
  if (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type))) return true
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  return branches?.some((branch) => hasType(branch, type)) ?? false
}

function compileParams(params: readonly ParamPartModel<PartLocation>[], validators: Validators) {
  const parts = Object.fromEntries(params.map((part) => [part.location, part.validationSchema]))
  return validators.params(toHolderSchema(parts, 'text'))
}

function responseModels(
  spec: RouteSpec,
  status: number,
  where: string,
  context: AnalyzeContext,
): ReadonlyMap<number, ResponseModel> {
  const declared =
    spec.response === undefined
      ? []
      : isSchema(spec.response) || isResponseKind(spec.response)
        ? [[status, spec.response] as const]
        : Object.entries(spec.response)
  const models = new Map<number, ResponseModel>()
  const shaping: ResponseShaping = {
    excludeUnset: spec.responseExcludeUnset ?? false,
    excludeNone: spec.responseExcludeNone ?? false,
    excludeDefaults: spec.responseExcludeDefaults ?? false,
  }
  const shared = (id: string) => context.registry.schemas.get(id)
  const shapeContext = {
    shared,
    validator: (schema: JsonSchema) => context.validators.response(toResponseValidationSchema(schema)),
  }
  for (const [key, declaredSpec] of declared) {
    const code = checkStatus(Number(key), where)
    const kind = isResponseKind(declaredSpec) ? declaredSpec : undefined
    if (kind?.[kResponseKind] === 'redirect') {
      if (code < 300 || code > 399 || code === 304) throw new RedirectStatusError(where, code)
    } else if (isBodylessStatus(code)) {
      throw new BodylessStatusSchemaError(where, code)
    }
    // A kind without items is checked by its writer: its schema takes any value.
    const schemaSpec = kind === undefined ? declaredSpec : (kind.item ?? {})
    const schema = context.registry.hoist(schemaSpec)
    const shaped = shapes(shaping)
    models.set(code, {
      status: code,
      kind,
      schema,
      serializerSchema: shaped
        ? toShapedSerializerSchema(schema, shaping, shared)
        : toSerializerSchema(schema),
      validate: context.validators.response(toResponseValidationSchema(schema)),
      shape: shaped ? responseShaper(schema, shaping, shapeContext) : undefined,
    })
  }
  return models
}

/** A route whose only response is a redirect answers 307 (Starlette's `RedirectResponse`); others 200. */
function defaultStatus(spec: RouteSpec): number {
  return isResponseKind(spec.response) && spec.response[kResponseKind] === 'redirect' ? 307 : 200
}

function checkStatus(status: number, where: string): number {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new InvalidStatusError(where, status)
  }
  return status
}
