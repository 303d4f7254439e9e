/**
 * @module
 * Every configuration error, declared once with `@fastify/error` as Fastify's `lib/errors.js` declares its
 * own: a stable code and a message template (`%s` for each argument). Each is a {@link FastboxError}: a
 * mistake in how the app is declared, thrown at registration so a broken route never starts. Several
 * mistakes share a code (`FASTBOX_ERR_INVALID_SPEC`): the code names the kind, the class the mistake.
 */
import createError from '@fastify/error'
import { FastboxError, type FastboxErrorCode } from './errors.ts'

/** A configuration error class whose message is its template filled with the constructor's arguments. */
export type FastboxErrorClass<TArgs extends unknown[]> = new (...args: TArgs) => FastboxError

function declare<TArgs extends unknown[]>(
  code: FastboxErrorCode,
  template: string,
): FastboxErrorClass<TArgs> {
  // No stack here: it is taken below, once the name it starts with is right.
  const Created = createError(code, template, 500, FastboxError as unknown as ErrorConstructor, false)
  return class extends (Created as unknown as FastboxErrorClass<string[]>) {
    constructor(...args: TArgs) {
      // Each argument written as a template literal would write it (`util.format` has its own `-0`, objects).
      super(...args.map(String))
      this.name = 'FastboxError'
      Error.captureStackTrace(this, new.target)
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Routes
// ------------------------------------------------------------------------------------------------

export const InvalidPathError = declare<[path: string, reason: string]>(
  'FASTBOX_ERR_INVALID_PATH',
  'Invalid route path "%s": %s.',
)

export const UnknownMethodError = declare<[method: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Unknown HTTP method "%s".',
)

export const UnknownPathParamError = declare<[route: string, name: string]>(
  'FASTBOX_ERR_PATH_PARAM',
  'Route %s declares the path parameter "%s", which its path does not have.',
)

export const InvalidPartError = declare<[part: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'The "%s" part must be an object schema (t.Object({...})) or a record of schemas ({ name: t.String() }).',
)

export const InvalidBodyPartsError = declare<[route: string, reason: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s declares its body as named parts ({ name: schema }), but %s.',
)

export const InvalidStatusError = declare<[route: string, status: unknown]>(
  'FASTBOX_ERR_INVALID_STATUS',
  'Route %s uses the status %s, which is not an HTTP status code (100-599).',
)

export const InvalidHandlerTimeoutError = declare<[route: string, handlerTimeout: unknown]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s sets handlerTimeout to %s; it must be a whole number of milliseconds from 0 (none) to 2147483647.',
)

export const BodylessStatusSchemaError = declare<[route: string, status: number]>(
  'FASTBOX_ERR_BODYLESS_STATUS',
  'Route %s declares a response schema for status %s, which never has a body.',
)

// ------------------------------------------------------------------------------------------------
// Dependencies and security
// ------------------------------------------------------------------------------------------------

export const DependencyCycleError = declare<[route: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s has a dependency that depends on itself.',
)

export const TwoBodiesError = declare<[route: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s and its dependencies declare different bodies; a request has one body: declare it once.',
)

export const JsonAndFormBodyError = declare<[route: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s and its dependencies declare both a JSON body (body) and a form body (form); a request has one body: declare one of them.',
)

/** `what` is "form field" or "<part> parameter". */
export const ConflictingParamSchemasError = declare<[route: string, what: string, name: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s reads the %s "%s" with two different schemas (in the route or its dependencies).',
)

// ------------------------------------------------------------------------------------------------
// Shared schemas and the OpenAPI document
// ------------------------------------------------------------------------------------------------

export const DuplicateSchemaIdError = declare<[id: string]>(
  'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
  'Two different schemas use the $id "%s". Give each schema its own $id, or reuse one schema object.',
)

export const DuplicateComponentError = declare<[id: string, where: string]>(
  'FASTBOX_ERR_DUPLICATE_SCHEMA_ID',
  'Two different schemas are documented as "%s" (the second in %s). Give each its own $id.',
)

export const InvalidComponentNameError = declare<[id: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'The schema $id "%s" cannot name an OpenAPI component: use only letters, digits, ".", "-" and "_".',
)

/** The name is given twice: the message names it twice. */
export const UnknownSchemaRefError = declare<[where: string, name: string, sameName: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'The schema of %s refers to "%s", which is no shared schema: give the schema it means `$id: \'%s\'`.',
)

export const InvalidResponseKeyError = declare<[route: string, key: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Route %s documents a response for "%s": use a status code (100-599), a range such as "4XX", or "default".',
)

export const DuplicateOperationIdError = declare<[operationId: string, first: string, second: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'The operationId "%s" is given to both %s and %s: operationIds must be unique.',
)

export const DuplicateSecuritySchemeError = declare<[name: string, where: string]>(
  'FASTBOX_ERR_INVALID_SPEC',
  'Two different security schemes are named "%s" (the second one used by %s). Give each its own schemeName, or share one scheme dependency.',
)

// ------------------------------------------------------------------------------------------------
// Response kinds
// ------------------------------------------------------------------------------------------------

export const RedirectStatusError = declare<[route: string, status: number]>(
  'FASTBOX_ERR_INVALID_STATUS',
  'Route %s declares a redirect for status %s; a redirect answers a 3xx status other than 304.',
)
