/**
 * @module
 * Fastbox: declare a route once with TypeBox schemas; get typed handlers, FastAPI's validation and errors,
 * filtered responses and (with `@fastbox/openapi`) its documentation.
 */

export type { OpenAPIDocument } from '@fastbox/openapi'
export type { Static, TSchema } from '@sinclair/typebox'
export { Type as t } from '@sinclair/typebox'
export { App, createApp } from './app/app.ts'
export type { ErrorClass, ExceptionContext, ExceptionHandler } from './app/exception-handlers.ts'
export type { AppOptions, ContactInfo, LicenseInfo, ServerInfo, TagInfo } from './app/options.ts'
export { BackgroundTasks } from './background/background-tasks.ts'
export {
  type AnyDependency,
  type Dependency,
  type DependencySpec,
  dependency,
  type SecurityRequirement,
} from './dependency/dependency.ts'
export { DependencyOverrides } from './dependency/overrides.ts'
export {
  FastboxError,
  type FastboxErrorCode,
  HTTPException,
  RequestValidationError,
  ResponseValidationError,
} from './errors/errors.ts'
export { createLifespan, type Lifespan } from './lifespan/lifespan.ts'
export type {
  BodyModel,
  ParamLocation,
  ParamPartModel,
  PartLocation,
  ResponseModel,
  RouteModel,
} from './route/model.ts'
export type { ParsedPath } from './route/path.ts'
export { StatusResponse } from './route/respond.ts'
export type {
  HTTPMethod,
  MethodRouteSpec,
  RequestPartsSpec,
  ResponseDoc,
  ResponseSchemas,
  RouteSpec,
} from './route/spec.ts'
export type { RouterOptions } from './router/include.ts'
export { createRouter, Router } from './router/router.ts'
export type { JsonSchema } from './schema/json-schema.ts'
export type { SchemaRegistry } from './schema/registry.ts'
export { type APIKeyOptions, apiKeyCookie, apiKeyHeader, apiKeyQuery } from './security/api-key.ts'
export { type HTTPBasicCredentials, type HTTPBasicOptions, httpBasic } from './security/http-basic.ts'
export {
  type HTTPAuthorizationCredentials,
  type HTTPBearerOptions,
  httpBearer,
} from './security/http-bearer.ts'
export { type OAuth2PasswordBearerOptions, oauth2PasswordBearer } from './security/oauth2-password-bearer.ts'
export { type OAuth2PasswordRequest, passwordRequestForm } from './security/password-request-form.ts'
export { withScopes } from './security/scopes.ts'
export type { SecurityOptions, SecurityValue } from './security/security-dependency.ts'
export { status } from './status.ts'
export type {
  BodyStatic,
  Context,
  DependencyContext,
  DependencyValue,
  DepsStatic,
  Handler,
  HandlerResult,
  JoinPath,
  Output,
  PartStatic,
  PathParamNames,
  PathStatic,
  PrefixRoutes,
  RequestContext,
  Route,
  RouteInput,
  RouteOutput,
} from './types.ts'
export { MAX_ERROR_ITEMS, type ValidationErrorItem } from './validation/error-items.ts'
