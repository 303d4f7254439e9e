/**
 * @module
 * The error bodies Fastbox itself sends, as components: FastAPI's `HTTPValidationError` and
 * `ValidationError` for the default `422` (FastAPI ≥ 0.128.1, with `input` and `ctx`), and `HTTPError` for
 * `{"detail": "..."}` (security dependencies' 401, `HTTPException`, statuses documented without a schema).
 *
 * Two changes from FastAPI's shapes, so generated clients type them as they are sent: `detail` is required
 * (it always is sent), and `ctx` is an open object (`type: object` alone types as an empty record).
 */
import type { ResponseObject, SchemaObject } from './types.ts'

export const COMPONENTS_PREFIX = '#/components/schemas/'

export type BuiltInComponent = 'HTTPValidationError' | 'ValidationError' | 'HTTPError'

/** Statuses that, when declared, already cover a validation failure: no default 422 is added. */
export const COVERING_KEYS: readonly string[] = ['422', '4XX', 'default']

export const BUILT_IN_COMPONENTS: Readonly<Record<BuiltInComponent, SchemaObject>> = {
  HTTPError: {
    title: 'HTTPError',
    type: 'object',
    properties: { detail: { title: 'Detail', type: 'string' } },
    required: ['detail'],
  },
  HTTPValidationError: {
    title: 'HTTPValidationError',
    type: 'object',
    properties: {
      detail: { title: 'Detail', type: 'array', items: { $ref: `${COMPONENTS_PREFIX}ValidationError` } },
    },
    required: ['detail'],
  },
  ValidationError: {
    title: 'ValidationError',
    type: 'object',
    properties: {
      loc: {
        title: 'Location',
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
      msg: { title: 'Message', type: 'string' },
      type: { title: 'Error Type', type: 'string' },
      input: { title: 'Input' },
      ctx: { title: 'Context', type: 'object', additionalProperties: true },
    },
    required: ['loc', 'msg', 'type'],
  },
}

/** The components each built-in one needs in the document, itself included. */
export const BUILT_IN_CLOSURE: Readonly<Record<BuiltInComponent, readonly BuiltInComponent[]>> = {
  HTTPError: ['HTTPError'],
  HTTPValidationError: ['HTTPValidationError', 'ValidationError'],
  ValidationError: ['ValidationError'],
}

export function builtInRef(name: BuiltInComponent): SchemaObject {
  return { $ref: COMPONENTS_PREFIX + name }
}

/** The default 422 response object, as the document shows it. */
export function validationErrorResponse(): ResponseObject {
  return {
    description: 'Validation Error',
    content: { 'application/json': { schema: builtInRef('HTTPValidationError') } },
  }
}
