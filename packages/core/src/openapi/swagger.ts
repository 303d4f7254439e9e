/**
 * @module
 * The document comes from `@fastify/swagger`, over every Fastify route (Fastbox's, plain ones and plugins'):
 * Fastbox gives it the app's metadata, names components by their `$id` (`refResolver`), and adds FastAPI's
 * parts through `transform` (each route) and `transformObject` (the whole document). Users may pass
 * @fastify/swagger options of their own (`createApp({ swagger })`); their `transform` and `transformObject`
 * run after Fastbox's.
 *
 * @fastify/swagger learns routes from an `onRoute` hook, so it must be in place before the first route.
 * `createApp` is synchronous and routes are declared right after it, so the plugin function is applied to the
 * root instance at once, as the non-encapsulated `register` of fastify-plugin would apply it at boot.
 */
import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify'
import type { JsonSchema } from '../schema/json-schema.ts'
import { createTransformObject } from './document.ts'
import { plain } from './plain.ts'
import { COMPONENT_NAME } from './schema-writer.ts'
import { createTransform, type TransformInput, type TransformResult } from './transform.ts'
import type {
  ContactObject,
  InfoObject,
  LicenseObject,
  OpenAPIDocument,
  ServerObject,
  TagObject,
} from './types.ts'

/**
 * @fastify/swagger's options, as an app may pass them. Fastbox owns what its document relies on: `mode`
 * (dynamic), `openapi.openapi` (`'3.1.0'`), `refResolver` (components named by `$id`), `convertConstToEnum`
 * (literals become enums in `transformObject`) and `decorator` (`swagger`, which @fastify/swagger-ui reads).
 * `openapi` adds to the document (`externalDocs`, `security`, `x-` keys, more `components`); its `info`
 * adds to the app's. `stripBasePath` defaults to `false` (paths stay as routed, as in FastAPI).
 */
export type SwaggerOptions = Omit<
  FastifyDynamicSwaggerOptions,
  | 'mode'
  | 'swagger'
  | 'openapi'
  | 'refResolver'
  | 'decorator'
  | 'convertConstToEnum'
  | 'transform'
  | 'transformObject'
> & {
  readonly openapi?: Omit<NonNullable<FastifyDynamicSwaggerOptions['openapi']>, 'openapi' | 'paths'>
  /** Runs after Fastbox's for each route, on the route schema and URL Fastbox made for @fastify/swagger. */
  readonly transform?: (input: {
    schema: FastifySchema
    url: string
    route: RouteOptions
    openapiObject: Partial<OpenAPIDocument>
  }) => { schema: FastifySchema; url: string }
  /** Runs after Fastbox's, on the finished document; what it returns is the document. */
  readonly transformObject?: (input: { openapiObject: OpenAPIDocument }) => OpenAPIDocument
}

/** The app metadata the document reads: `app.settings` fits. */
export interface OpenApiMetadata {
  readonly title?: string | undefined
  readonly version?: string | undefined
  readonly description?: string | undefined
  readonly summary?: string | undefined
  readonly termsOfService?: string | undefined
  readonly contact?: ContactObject | undefined
  readonly license?: LicenseObject | undefined
  readonly servers?: readonly ServerObject[] | undefined
  /** Tag metadata, listed in this order. */
  readonly tags?: readonly TagObject[] | undefined
}

export interface SwaggerSetup {
  readonly metadata: OpenApiMetadata
  /** The app's shared (`$id`) schemas, as registered (read at document time). */
  readonly shared: ReadonlyMap<string, JsonSchema>
  readonly options?: SwaggerOptions | undefined
  /** Fastify adds no HEAD routes of its own: every HEAD route is one the app declared, and is documented. */
  readonly documentHeadRoutes: boolean
}

/** Applies @fastify/swagger to `fastify` now (before any route), with Fastbox's options. */
export function useSwagger(fastify: FastifyInstance, setup: SwaggerSetup): void {
  let failure: Error | undefined
  fastifySwagger(fastify, swaggerOptions(setup), (error) => {
    failure = error
  })
  if (failure !== undefined) throw failure
}

function swaggerOptions({ metadata, shared, options = {}, documentHeadRoutes }: SwaggerSetup) {
  const { openapi = {}, transform: userTransform, transformObject: userTransformObject, ...rest } = options
  const transform = createTransform(shared)
  const transformObject = createTransformObject(shared)
  const servers = plain([...(metadata.servers ?? [])])
  const tags = plain([...(metadata.tags ?? [])])
  return {
    stripBasePath: false,
    exposeHeadRoutes: documentHeadRoutes,
    ...rest,
    mode: 'dynamic',
    decorator: 'swagger',
    convertConstToEnum: false,
    openapi: {
      ...openapi,
      openapi: '3.1.0',
      info: { ...info(metadata), ...openapi.info },
      ...(servers.length > 0 && { servers }),
      ...(tags.length > 0 && { tags }),
      components: { ...openapi.components },
    },
    refResolver: { buildLocalReference: componentName },
    transform(input: TransformInput): TransformResult {
      const result = transform(input)
      if (userTransform === undefined) return result
      return userTransform({
        ...input,
        schema: result.schema,
        url: result.url,
        openapiObject: (input.openapiObject ?? {}) as Partial<OpenAPIDocument>,
      })
    },
    transformObject(input: { openapiObject: object }) {
      const document = transformObject(input)
      return userTransformObject === undefined
        ? document
        : userTransformObject({ openapiObject: document } as never)
    },
  } as FastifyDynamicSwaggerOptions
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

/**
 * A component is named by its schema's `$id` (@fastify/swagger's default is `def-<n>`). An `$id` that cannot
 * name a component (a URI, as plain Fastify schemas may use) gives its letters, digits, `.`, `-` and `_`.
 */
function componentName(
  json: Record<string, unknown>,
  _base: unknown,
  _fragment: unknown,
  index: number,
): string {
  const id = json.$id
  if (typeof id !== 'string') return `Schema${index}`
  if (COMPONENT_NAME.test(id)) return id
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || `Schema${index}`
}
