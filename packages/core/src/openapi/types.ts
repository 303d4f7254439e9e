/**
 * @module
 * The shape of the OpenAPI 3.1 document Fastbox serves: the parts it fills in, typed so that code which
 * post-processes the document (a `transformObject`, a client generator) gets completions, not `unknown`.
 */
import type { JsonSchema } from '../schema/json-schema.ts'

/** A JSON Schema 2020-12 object, as OpenAPI 3.1 embeds it. */
export type SchemaObject = JsonSchema

/** The methods a path item can hold, lower-case as OpenAPI writes them. */
export type OperationMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace'

export const OPERATION_METHODS: ReadonlySet<string> = new Set<OperationMethod>([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
])

export interface ContactObject {
  name?: string
  url?: string
  email?: string
}

export interface LicenseObject {
  name: string
  identifier?: string
  url?: string
}

export interface InfoObject {
  title: string
  summary?: string
  description?: string
  termsOfService?: string
  contact?: ContactObject
  license?: LicenseObject
  version: string
}

export interface ServerVariableObject {
  default: string
  enum?: string[]
  description?: string
}

export interface ServerObject {
  url: string
  description?: string
  variables?: Record<string, ServerVariableObject>
}

export interface ExternalDocumentationObject {
  url: string
  description?: string
}

export interface TagObject {
  name: string
  description?: string
  externalDocs?: ExternalDocumentationObject
}

export interface ExampleObject {
  summary?: string
  description?: string
  value?: unknown
}

export interface ParameterObject {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema?: SchemaObject
  description?: string
  deprecated?: boolean
  style?: string
  explode?: boolean
  example?: unknown
  examples?: Record<string, ExampleObject>
  content?: Record<string, MediaTypeObject>
}

export interface MediaTypeObject {
  schema?: SchemaObject
  example?: unknown
  examples?: Record<string, ExampleObject>
}

export interface RequestBodyObject {
  description?: string
  content: Record<string, MediaTypeObject>
  required?: boolean
}

export interface HeaderObject {
  description?: string
  schema: SchemaObject
}

export interface ResponseObject {
  description: string
  headers?: Record<string, HeaderObject>
  content?: Record<string, MediaTypeObject>
}

/** Responses by status code (`'200'`), range (`'4XX'`) or `'default'`. */
export type ResponsesObject = Record<string, ResponseObject>

export interface OperationObject {
  tags?: string[]
  summary?: string
  description?: string
  operationId: string
  deprecated?: boolean
  /** The schemes (by name in `components.securitySchemes`) the operation requires, with their scopes. */
  security?: SecurityRequirementObject[]
  parameters?: ParameterObject[]
  requestBody?: RequestBodyObject
  responses: ResponsesObject
  externalDocs?: ExternalDocumentationObject
  [extension: `x-${string}`]: unknown
}

export type PathItemObject = { [method in OperationMethod]?: OperationObject }

/** A scheme name and the scopes required of it: `{ OAuth2PasswordBearer: ['items'] }`. */
export type SecurityRequirementObject = Record<string, string[]>

export interface OAuthFlowObject {
  authorizationUrl?: string
  tokenUrl?: string
  refreshUrl?: string
  scopes: Record<string, string>
}

export interface OAuthFlowsObject {
  implicit?: OAuthFlowObject
  password?: OAuthFlowObject
  clientCredentials?: OAuthFlowObject
  authorizationCode?: OAuthFlowObject
}

/** A security scheme, as Fastbox's security helpers describe them (FastAPI's shapes). */
export interface SecuritySchemeObject {
  type: 'apiKey' | 'http' | 'mutualTLS' | 'oauth2' | 'openIdConnect'
  description?: string
  /** `apiKey`: where the key is sent, and its name there. */
  in?: 'query' | 'header' | 'cookie'
  name?: string
  /** `http`: `bearer` or `basic`. */
  scheme?: string
  bearerFormat?: string
  flows?: OAuthFlowsObject
  openIdConnectUrl?: string
}

export interface ComponentsObject {
  schemas?: Record<string, SchemaObject>
  securitySchemes?: Record<string, SecuritySchemeObject>
  [other: string]: unknown
}

/** The whole document, as served at `/openapi.json`. */
export interface OpenAPIDocument {
  openapi: '3.1.0'
  info: InfoObject
  servers?: ServerObject[]
  paths: Record<string, PathItemObject>
  components?: ComponentsObject
  tags?: TagObject[]
  externalDocs?: ExternalDocumentationObject
  [other: string]: unknown
}
