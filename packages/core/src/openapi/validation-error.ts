/**
 * @module
 * FastAPI's default `422` entry: every operation that reads parameters or a body can answer
 * `422 {"detail": [...]}`, so its responses say so, with FastAPI's exact `HTTPValidationError` and
 * `ValidationError` components (FastAPI ≥ 0.128.1, with `input` and `ctx`).
 */
import { COMPONENTS_PREFIX } from './refs.ts'
import type { ResponseObject, ResponsesObject, SchemaObject } from './types.ts'

/** Statuses that, when declared, already cover a validation failure: no default 422 is added. */
const COVERING_KEYS = ['422', '4XX', 'default'] as const

/** The components the default 422 response refers to, by name. */
export function validationErrorComponents(): Record<'HTTPValidationError' | 'ValidationError', SchemaObject> {
  return {
    HTTPValidationError: {
      title: 'HTTPValidationError',
      type: 'object',
      properties: {
        detail: { title: 'Detail', type: 'array', items: { $ref: `${COMPONENTS_PREFIX}ValidationError` } },
      },
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
        ctx: { title: 'Context', type: 'object' },
      },
      required: ['loc', 'msg', 'type'],
    },
  }
}

/** The default 422 response object. */
export function validationErrorResponse(): ResponseObject {
  return {
    description: 'Validation Error',
    content: { 'application/json': { schema: { $ref: `${COMPONENTS_PREFIX}HTTPValidationError` } } },
  }
}

/** FastAPI's rule: only operations with inputs can fail validation, and a declared 422/4XX/default wins. */
export function needsValidationError(hasInputs: boolean, responses: ResponsesObject): boolean {
  return hasInputs && COVERING_KEYS.every((key) => !(key in responses))
}
