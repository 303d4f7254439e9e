/**
 * @module
 * Per request, a body of named parts (FastAPI's `request_body_to_args` for several body parameters): each
 * declared part read from the JSON object by name, a `null` part taken as left out (FastAPI validates a
 * part only when it is not `None`), and a body that is not an object lacking every part.
 */
import type { BodyParts } from '../analysis/model.ts'
import type { ValidationErrorItem } from '../http/errors.ts'

type Raw = Record<string, unknown>

/**
 * The declared parts of `body`, in a fresh object (no body is one with no part); `undefined` when the body is
 * not a JSON object (an array, a string, a number, a boolean).
 */
export function pickBodyParts(parts: BodyParts, body: unknown): Raw | undefined {
  const picked: Raw = parts.plain ? {} : Object.create(null)
  if (body === undefined || body === null) return picked
  if (typeof body !== 'object' || Array.isArray(body)) return undefined
  for (const name of parts.names) {
    const value = Object.hasOwn(body, name) ? (body as Raw)[name] : undefined
    if (value !== undefined && value !== null) picked[name] = value
  }
  return picked
}

/** What FastAPI answers for a body that is not an object: every part missing, in declaration order. */
export function missingParts(parts: BodyParts): ValidationErrorItem[] {
  return parts.names.map((name) => ({
    type: 'missing',
    loc: ['body', name],
    msg: 'Field required',
    input: null,
  }))
}

/** A missing part's `input` is `null` (FastAPI validates each part apart), not the object that lacks it. */
export function withMissingPartInputs(items: ValidationErrorItem[]): ValidationErrorItem[] {
  for (const item of items) if (item.type === 'missing' && item.loc.length === 2) item.input = null
  return items
}
