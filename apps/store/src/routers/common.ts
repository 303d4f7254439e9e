/**
 * @module
 * Responses several routers document.
 */
import { ErrorDetail } from '../schemas.ts'

/** Fastify answers 413 to a body over its limit, on every route that reads one. */
export const BODY_TOO_LARGE = {
  413: { description: 'The request body is too large', schema: ErrorDetail },
} as const
