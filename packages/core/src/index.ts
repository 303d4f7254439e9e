/**
 * @module
 * Fastbox: declare a route once with TypeBox schemas; get typed handlers, FastAPI's validation and errors,
 * filtered responses, and its OpenAPI document and docs pages.
 */

export type { Static, TSchema } from '@sinclair/typebox'
/**
 * TypeBox's builders (`t.Object`, `t.String`, `t.Integer`, `t.Optional`, `t.Union`, ...) and its types,
 * so `t.Static<typeof Item>` works next to `t.Object(...)`.
 */
export * as t from '@sinclair/typebox'
export { DependencyOverrides } from './analysis/overrides.ts'
export { App, type CloseResult, createApp } from './app/app.ts'
export type { RouterOptions } from './app/include.ts'
export type { AppOptions, ContactInfo, LicenseInfo, ServerInfo, TagInfo } from './app/options.ts'
export type {
  JoinPath,
  PrefixRoutes,
  Route,
  RouteInput,
  RouteOutput,
} from './app/route-types.ts'
export { createRouter, Router } from './app/router.ts'
export type { ErrorClass, ExceptionContext, ExceptionHandler } from './fastify/exception-handlers.ts'
export type { LogLevel } from './fastify/logging.ts'
export type { UnderPressureOptions } from './fastify/under-pressure.ts'
export {
  FastboxError,
  type FastboxErrorCode,
  HTTPException,
  RequestValidationError,
  ResponseValidationError,
  type ValidationErrorItem,
} from './http/errors.ts'
export { status } from './http/status.ts'
export type { UploadFile } from './http/upload-file.ts'
export type { OpenAPIDocument } from './openapi/types.ts'
export type { BodyPartsSpec, BodySpec } from './schema/body-parts.ts'
export { date, dateTime, type TDateString } from './schema/dates.ts'
export { nullable } from './schema/nullable.ts'
export { type TUpload, type UploadOptions, upload } from './schema/upload.ts'
export type {
  BackgroundTasks,
  BodyStatic,
  Context,
  DependencyContext,
  DependencyValue,
  DepsStatic,
  Handler,
  HandlerResult,
  Output,
  PartStatic,
  PathParamNames,
  PathStatic,
  RequestContext,
  ResponseOutput,
  SentReply,
} from './spec/context.ts'
export {
  type AnyDependency,
  type Dependency,
  type DependencySpec,
  dependency,
  type SecurityRequirement,
} from './spec/dependency.ts'
export type { FormLimits } from './spec/form-limits.ts'
export { createLifespan, type Lifespan } from './spec/lifespan.ts'
export { StatusResponse } from './spec/respond.ts'
export {
  type AnyResponseKind,
  type EventStreamOptions,
  eventStream,
  type FileOutput,
  fileResponse,
  html,
  jsonLines,
  type ResponseKind,
  type ResponseKindName,
  redirect,
  ServerSentEvent,
  type ServerSentEventFields,
  type StreamOutput,
  sse,
  stream,
  text,
} from './spec/response-kinds.ts'
export type {
  HTTPMethod,
  MethodRouteSpec,
  RequestPartsSpec,
  ResponseDoc,
  ResponseHeaderDoc,
  ResponseSchemas,
  RouteSpec,
} from './spec/route-spec.ts'
export { type APIKeyOptions, apiKeyCookie, apiKeyHeader, apiKeyQuery } from './spec/security/api-key.ts'
export { type HTTPBasicCredentials, type HTTPBasicOptions, httpBasic } from './spec/security/http-basic.ts'
export {
  type HTTPAuthorizationCredentials,
  type HTTPBearerOptions,
  httpBearer,
} from './spec/security/http-bearer.ts'
export {
  type OAuth2PasswordBearerOptions,
  oauth2PasswordBearer,
} from './spec/security/oauth2-password-bearer.ts'
export { type OAuth2PasswordRequest, passwordRequestForm } from './spec/security/password-request-form.ts'
export { withScopes } from './spec/security/scopes.ts'
export type { SecurityOptions, SecurityValue } from './spec/security/security-dependency.ts'
export { MAX_ERROR_ITEMS } from './validation/error-items.ts'
