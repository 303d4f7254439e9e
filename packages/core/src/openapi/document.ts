/**
 * @module
 * The whole OpenAPI 3.1 document, built from the app's route models and shared schemas: the same values
 * that validate requests and filter responses, so the document cannot drift from the behaviour.
 */

import type { RouteModel } from '../analysis/model.ts'
import type { AppOptions, ServerInfo, TagInfo } from '../app/options.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { buildOperation } from './operation.ts'
import { assignOperationIds } from './operation-id.ts'
import { plain } from './plain.ts'
import { SchemaConverter } from './refs.ts'
import { SecuritySchemes } from './security.ts'
import type {
  InfoObject,
  OpenAPIDocument,
  OperationMethod,
  PathItemObject,
  ServerObject,
  TagObject,
} from './types.ts'
import { validationErrorComponents } from './validation-error.ts'

/** The app metadata the document reads: `app.settings` fits. */
export type OpenApiMetadata = Pick<
  AppOptions,
  | 'title'
  | 'version'
  | 'description'
  | 'summary'
  | 'termsOfService'
  | 'contact'
  | 'license'
  | 'servers'
  | 'tags'
>

export interface OpenApiInput {
  /** The analyzed routes, in declaration order (`app.routes`). */
  readonly routes: readonly RouteModel[]
  /** Shared schemas by `$id` (`app.schemas.schemas`); each becomes a component. */
  readonly schemas: ReadonlyMap<string, JsonSchema>
  /** `info` (title defaults to `'Fastbox'`, version to `'0.1.0'`); its `servers` and `tags` are used too. */
  readonly info?: OpenApiMetadata
  /** Overrides `info.servers`. */
  readonly servers?: readonly ServerInfo[]
  /** Tag metadata, listed in this order; overrides `info.tags`. */
  readonly tags?: readonly TagInfo[]
}

/**
 * Builds the OpenAPI 3.1 document of an app. Deterministic: the same routes and schemas give the same
 * JSON, byte for byte. Throws a `FastboxError` for what cannot be documented (two routes given one
 * operationId, a `$ref` to an unknown schema, two different schemas under one `$id`).
 *
 * @example
 * const doc = buildOpenApiDocument({ routes: app.routes, schemas: app.schemas.schemas, info: app.settings })
 */
export function buildOpenApiDocument(input: OpenApiInput): OpenAPIDocument {
  const metadata = input.info ?? {}
  const schemas = new SchemaConverter(input.schemas)
  const security = new SecuritySchemes()
  const operations = input.routes
    .filter((route) => route.spec.includeInSchema !== false)
    .flatMap((route) =>
      route.methods.map((method) => ({
        route,
        method,
        path: route.path.openapi,
        // One given id on a route with several methods names each operation `<id>_<method>`.
        given:
          route.spec.operationId === undefined || route.methods.length === 1
            ? route.spec.operationId
            : `${route.spec.operationId}_${method.toLowerCase()}`,
      })),
    )
  const ids = assignOperationIds(operations)
  const paths: Record<string, PathItemObject> = {}
  let validationError = false
  operations.forEach(({ route, method, path }, index) => {
    const built = buildOperation(route, method, ids[index] as string, schemas, security)
    validationError ||= built.validationError
    const item = paths[path] ?? {}
    item[method.toLowerCase() as OperationMethod] = built.operation
    paths[path] = item
  })
  if (validationError) {
    for (const [name, schema] of Object.entries(validationErrorComponents())) schemas.define(name, schema)
  }
  const components = schemas.components()
  const securitySchemes = security.components()
  const servers = plain([...(input.servers ?? metadata.servers ?? [])]) as ServerObject[]
  const tags = plain([...(input.tags ?? metadata.tags ?? [])]) as TagObject[]
  return {
    openapi: '3.1.0',
    info: info(metadata),
    ...(servers.length > 0 && { servers }),
    paths,
    ...((Object.keys(components).length > 0 || Object.keys(securitySchemes).length > 0) && {
      components: {
        ...(Object.keys(components).length > 0 && { schemas: components }),
        ...(Object.keys(securitySchemes).length > 0 && { securitySchemes }),
      },
    }),
    ...(tags.length > 0 && { tags }),
  }
}

function info(metadata: OpenApiMetadata): InfoObject {
  const { title, summary, description, termsOfService, contact, license, version } = metadata
  // FastAPI's key order; `plain` leaves out whatever is unset.
  return plain({
    title: title ?? 'Fastbox',
    summary,
    description,
    termsOfService,
    contact,
    license,
    version: version ?? '0.1.0',
  }) as InfoObject
}
