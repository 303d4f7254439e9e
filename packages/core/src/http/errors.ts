/**
 * @module
 * The errors Fastbox raises: the HTTP errors a handler throws, and {@link FastboxError}, the base of the
 * coded configuration errors raised at registration (each declared in `fastbox-errors.ts`).
 */
import { reasonPhrase } from './status.ts'

/** One entry of a 422 `detail` list. */
export interface ValidationErrorItem {
  type: string
  loc: (string | number)[]
  msg: string
  input?: unknown
  ctx?: Record<string, unknown>
}

/**
 * An error that becomes an HTTP response: `{"detail": detail}` with `status` and `headers`.
 *
 * @example
 * throw new HTTPException(404, 'Item not found', { 'X-Error': 'Item not found' })
 */
export class HTTPException extends Error {
  readonly status: number
  readonly detail: unknown
  readonly headers: Readonly<Record<string, string>>

  constructor(status: number, detail?: unknown, headers: Readonly<Record<string, string>> = {}) {
    const text = typeof detail === 'string' ? detail : (reasonPhrase(status) ?? 'HTTP Error')
    super(text)
    this.name = 'HTTPException'
    this.status = status
    this.detail = detail === undefined ? text : detail
    this.headers = headers
  }
}

/** The request failed validation: answered `422 {"detail": errors}`. */
export class RequestValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[]

  constructor(errors: readonly ValidationErrorItem[]) {
    super(`${errors.length} validation error${errors.length === 1 ? '' : 's'} in the request`)
    this.name = 'RequestValidationError'
    this.errors = errors
  }
}

/** The handler returned data that breaks its response schema: logged, answered with a bare 500. */
export class ResponseValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[]
  readonly status: number

  constructor(status: number, errors: readonly ValidationErrorItem[]) {
    super(`The response for status ${status} does not match its schema`)
    this.name = 'ResponseValidationError'
    this.status = status
    this.errors = errors
  }
}

/** Codes of the configuration errors raised while routes are declared. */
export type FastboxErrorCode =
  | 'FASTBOX_ERR_PATH_PARAM'
  | 'FASTBOX_ERR_DUPLICATE_SCHEMA_ID'
  | 'FASTBOX_ERR_BODYLESS_STATUS'
  | 'FASTBOX_ERR_INVALID_STATUS'
  | 'FASTBOX_ERR_INVALID_SPEC'
  | 'FASTBOX_ERR_INVALID_PATH'
  | 'FASTBOX_ERR_NOT_READY'

/**
 * A mistake in how the app is declared (never a request error): thrown at registration. Every configuration
 * error is one (`error instanceof FastboxError`), told apart by its `code`.
 */
export class FastboxError extends Error {
  readonly code: FastboxErrorCode

  constructor(code: FastboxErrorCode, message: string) {
    super(message)
    this.name = 'FastboxError'
    this.code = code
  }
}
