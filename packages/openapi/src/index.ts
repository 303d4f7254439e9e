/**
 * @module
 * `@fastbox/openapi`: the OpenAPI 3.1 document of a Fastbox app, built from the route models that validate
 * its requests, in FastAPI's shapes.
 */

export { type DocsOptions, registerDocsRoutes } from './docs/register.ts'
export type { SwaggerUiParameters } from './docs/swagger-ui.ts'
export { buildOpenApiDocument, type OpenApiInput, type OpenApiMetadata } from './document.ts'
export { deriveOperationId } from './operation-id.ts'
export type * from './types.ts'
