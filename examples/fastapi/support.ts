// Shared by the ported tutorials: the OpenAPI parts every document has (and how Fastbox differs from FastAPI on
// purpose), and a request that follows one redirect, as TestClient does.
import type { App } from 'fastbox'

/** The parts of a request the tutorials' tests send. */
interface Request {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  readonly url: string
  readonly headers?: Record<string, string>
  readonly cookies?: Record<string, string>
  readonly payload?: string | object
}

/**
 * FastAPI's `HTTPValidationError` and `ValidationError` components, as Fastbox writes them. Two deliberate
 * differences: `detail` is `required` (every 422 Fastbox or FastAPI sends has it, so generated clients type it as
 * present), and `ctx` says `additionalProperties: true` (an open object: its keys depend on the error type).
 */
export const validationSchemas = {
  HTTPValidationError: {
    title: 'HTTPValidationError',
    type: 'object',
    properties: {
      detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } },
    },
    required: ['detail'],
  },
  ValidationError: {
    title: 'ValidationError',
    type: 'object',
    properties: {
      loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
      msg: { title: 'Message', type: 'string' },
      type: { title: 'Error Type', type: 'string' },
      input: { title: 'Input' },
      ctx: { title: 'Context', type: 'object', additionalProperties: true },
    },
    required: ['loc', 'msg', 'type'],
  },
} as const

/** FastAPI's 422 response, identical in Fastbox. */
export const validationErrorResponse = {
  description: 'Validation Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
} as const

/** A 200 with no declared schema: `{}` in both. */
export const anyResponse = {
  description: 'Successful Response',
  content: { 'application/json': { schema: {} } },
} as const

/**
 * The document, once the app is ready. The default title is "Fastbox" where FastAPI's is "FastAPI"; the
 * version is `0.1.0` in both.
 */
export async function openapiOf(app: App<unknown>): Promise<Record<string, unknown>> {
  await app.ready()
  const res = await app.inject('/openapi.json')
  return res.json()
}

/** The value at `keys` inside a JSON value (`undefined` when a step is missing). */
export function dig(value: unknown, ...keys: readonly (string | number)[]): unknown {
  let current = value
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

/**
 * `app.inject`, following one 307 or 308 redirect as FastAPI's TestClient does (Starlette's `redirect_slashes`
 * sends `/items` to `/items/`; Fastbox answers the same redirect, and `inject` does not follow it).
 */
export async function injectFollowing(app: App<unknown>, options: Request) {
  const res = await app.inject(options)
  if (res.statusCode !== 307 && res.statusCode !== 308) return res
  return app.inject({ ...options, url: String(res.headers.location) })
}
