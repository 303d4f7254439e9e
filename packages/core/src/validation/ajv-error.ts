/**
 * @module
 * Reading Ajv's error objects (compiled with `verbose`, so each carries its schema, parent schema and data).
 */
import type { ErrorObject } from 'ajv'
import type { JsonSchema } from '../schema/json-schema.ts'
import { EXTRA_FORBIDDEN } from '../schema/request-schemas.ts'

/** The schema object holding the failed keyword. */
export function parentSchemaOf(error: ErrorObject): JsonSchema | undefined {
  return error.parentSchema as JsonSchema | undefined
}

/** True for the error of an extra field where the schema forbids them (see `toRequestValidationSchema`). */
export function isExtraForbidden(error: ErrorObject): boolean {
  return error.keyword === 'not' && Boolean(parentSchemaOf(error)?.[EXTRA_FORBIDDEN])
}

/** A JSON Pointer segment with its escapes undone (`a~1b` → `a/b`, `a~0b` → `a~b`). */
export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}
