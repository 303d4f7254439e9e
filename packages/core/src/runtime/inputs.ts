/**
 * @module
 * Per request: gather each declared request part, validate them all, and report every error at once.
 * Only plain loops over names computed at registration run here; no schema is walked.
 */

import type { FastifyRequest } from 'fastify'
import type { BodyModel, ParamPartModel, PartLocation, RouteModel } from '../analysis/model.ts'
import { readCookies } from '../http/cookies.ts'
import type { ValidationErrorItem } from '../http/errors.ts'
import { HTTPException, RequestValidationError } from '../http/errors.ts'
import { isFormBody, isJsonBody, rawBodyText } from '../http/parsed-body.ts'
import { isSmallInput, MAX_ERROR_ITEMS, toErrorItems } from '../validation/error-items.ts'
import { inputsAreUnchanged } from '../validation/unchanged-inputs.ts'
import { redactWriteOnly } from '../validation/write-only.ts'
import { missingParts, pickBodyParts, withMissingPartInputs } from './body-parts.ts'

/** The validated request parts, as the handler receives them. */
export interface RequestInputs {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
  form: Record<string, unknown>
}

type Raw = Record<string, unknown>

/** Reads and validates the request parts; throws {@link RequestValidationError} listing every error. */
export function readInputs(route: RouteModel, request: FastifyRequest): RequestInputs {
  // Checked first: the form's fields are read from the body, which must then be a parsed form. Which
  // parser read the body is known from Fastify's content-type parser registry, not from the header again.
  if (route.form !== undefined && request.body !== undefined && !isFormBody(request)) {
    throw new HTTPException(415, 'Unsupported Media Type: the body must be application/x-www-form-urlencoded')
  }
  const holder: Record<string, Raw> = {}
  for (const part of route.parts) holder[part.location] = pick(part, source(part, route, request))
  if (holder.path !== undefined && hasEmptySegment(route, holder.path)) throw new HTTPException(404)
  let errors: ValidationErrorItem[] | undefined
  if (route.validateParams && !route.validateParams(holder)) {
    errors = toErrorItems(route.validateParams.errors ?? [], MAX_ERROR_ITEMS)
    redactWriteOnly(errors, route.validateParams)
    errors = withRawInputs(errors, route, request)
    // Validated under its own key (its values are text, like the parameters'); reported as the body, as in FastAPI.
    for (const item of errors) if (item.loc[0] === 'form') item.loc[0] = 'body'
  } else if (route.fillsNulls) {
    for (const part of route.parts) fillNulls(holder[part.location] as Raw, part.nullDefaults)
  }
  let body: unknown = request.body
  if (route.body !== undefined) {
    if (body !== undefined && !isJsonBody(request)) {
      throw new HTTPException(415, 'Unsupported Media Type: the body must be application/json')
    }
    const { parts } = route.body
    // A body of parts: the declared parts in a fresh object; `undefined` for a body that is not an object.
    if (parts !== undefined) body = pickBodyParts(parts, body)
    if (body === undefined) {
      if (parts !== undefined) errors = [...(errors ?? []), ...missingParts(parts)]
      else if (route.body.required) errors = [...(errors ?? []), missingBody()]
    } else {
      const holder = { body }
      if (validateBody(route.body, holder)) body = holder.body
      else {
        const room = MAX_ERROR_ITEMS - (errors?.length ?? 0)
        const items = toErrorItems(route.body.validate.errors ?? [], room, route.body.lax)
        const raw = inputsAreUnchanged(items, route.body.lax) ? items : withRawBody(items, request)
        redactWriteOnly(raw, route.body.validate)
        errors = [...(errors ?? []), ...(parts === undefined ? raw : withMissingPartInputs(raw))]
      }
    }
  }
  if (errors !== undefined) throw new RequestValidationError(errors)
  return {
    path: holder.path ?? NOTHING,
    query: holder.query ?? NOTHING,
    headers: holder.header ?? NOTHING,
    cookies: holder.cookie ?? NOTHING,
    body,
    form: holder.form ?? NOTHING,
  }
}

/** The value of every part a route does not read (typed `{}`): one frozen object, not one per request. */
const NOTHING: Raw = Object.freeze({})

function missingBody(): ValidationErrorItem {
  return { type: 'missing', loc: ['body'], msg: 'Field required', input: null }
}

/**
 * Validates the body; a document nested deeper than the validator can recurse (a recursive schema given
 * thousands of levels) is a client error, not a crash.
 */
function validateBody(body: BodyModel, holder: { body: unknown }): boolean {
  try {
    return body.validate(holder)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new RequestValidationError([
      {
        type: 'json_invalid',
        loc: ['body'],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'The JSON document is nested too deeply' },
      },
    ])
  }
}

function source(part: ParamPartModel<PartLocation>, route: RouteModel, request: FastifyRequest): Raw {
  switch (part.location) {
    case 'path': {
      const params = request.params as Raw
      const wildcard = route.path.wildcard
      return wildcard === undefined ? params : { ...params, [wildcard]: params['*'] }
    }
    case 'query':
      return request.query as Raw
    case 'header':
      return readHeaders(part, request)
    case 'cookie':
      return readCookies(request)
    case 'form':
      // No body is a form without fields: each required one is reported `missing`.
      return (request.body as Raw | undefined) ?? {}
  }
}

/**
 * Node joins a repeated header's values into one text (`a, b`) in `request.headers`; a list parameter reads
 * each value, from the raw name and value pairs, as Starlette's `getlist` does. Other headers are read as Node
 * gives them.
 */
function readHeaders(part: ParamPartModel<PartLocation>, request: FastifyRequest): Raw {
  const lists = part.wireNames.filter((name) => !part.scalars.has(name))
  if (lists.length === 0) return request.headers
  const raw: Raw = { ...request.headers }
  for (const name of lists) delete raw[name]
  const pairs = request.raw.rawHeaders
  for (let index = 0; index < pairs.length; index += 2) {
    const name = (pairs[index] as string).toLowerCase()
    if (!lists.includes(name)) continue
    const value = pairs[index + 1] as string
    const values = raw[name] as string[] | undefined
    if (values === undefined) raw[name] = [value]
    else values.push(value)
  }
  return raw
}

/**
 * A fresh object with the declared keys only (all keys when the schema forbids extras, to report them).
 * Read from own keys only, and without a prototype when a name could clash with one (`constructor`,
 * `__proto__`): such a parameter is data like any other, neither inherited nor able to change the prototype.
 */
function pick(part: ParamPartModel<PartLocation>, raw: Raw): Raw {
  const picked: Raw = part.plain ? {} : Object.create(null)
  if (part.passAll) {
    for (const name of Object.keys(raw)) {
      const index = part.wireNames.indexOf(name)
      pickOne(part, raw, name, index === -1 ? name : (part.keys[index] as string), picked)
    }
    return picked
  }
  const { wireNames, keys } = part
  for (let index = 0; index < wireNames.length; index++) {
    pickOne(part, raw, wireNames[index] as string, keys[index] as string, picked)
  }
  return picked
}

/** Copies one parameter, read by its wire name, to the handler's key; text read as booleans or numbers. */
function pickOne(part: ParamPartModel<PartLocation>, raw: Raw, name: string, key: string, picked: Raw): void {
  let value = Object.hasOwn(raw, name) ? raw[name] : undefined
  if (value === undefined) return
  // A copy of a repeated key's values: Ajv coerces them in place, and the request's own must stay raw.
  if (Array.isArray(value)) value = part.scalars.has(name) ? value.at(-1) : [...value]
  const conversion = part.conversions.get(name)
  if (conversion !== undefined) {
    const { convert } = conversion
    value = conversion.array && Array.isArray(value) ? value.map(convert) : convert(value)
  }
  picked[key] = value
}

/** `X | None = None`: a parameter left out is `null` (filled in after validation; see `ParamPartModel`). */
function fillNulls(picked: Raw | undefined, names: readonly string[]): void {
  if (picked === undefined) return
  for (const name of names) if (picked[name] === undefined) picked[name] = null
}

/**
 * Ajv coerces parameters in place, so its errors carry the coerced value (`2`); FastAPI echoes what the
 * client sent (`"2"`). Read again from the request, only when there are errors to report.
 */
function withRawInputs(
  items: ValidationErrorItem[],
  route: RouteModel,
  request: FastifyRequest,
): ValidationErrorItem[] {
  const raws = new Map<string, Raw>()
  for (const item of items) {
    const [location, key, ...rest] = item.loc
    const part = route.parts.find((candidate) => candidate.location === location)
    if (part === undefined || typeof key !== 'string') continue
    // Validated under the handler's key; located, as in FastAPI, by the name the client sends.
    const name = part.wireOf?.get(key) ?? key
    item.loc[1] = name
    if (!('input' in item) || item.type === 'missing') continue
    let raw = raws.get(part.location)
    if (raw === undefined) {
      raw = source(part, route, request)
      raws.set(part.location, raw)
    }
    let value = Object.hasOwn(raw, name) ? raw[name] : undefined
    if (Array.isArray(value) && part.scalars.has(name)) value = value.at(-1)
    // One value of an array parameter was validated as a one-item list.
    const isList = !part.scalars.has(name) && part.wireNames.includes(name)
    if (value !== undefined && !Array.isArray(value) && isList) value = [value]
    for (const index of rest) value = Array.isArray(value) ? value[index as number] : undefined
    if (value !== undefined) item.input = value
  }
  return items
}

/**
 * Validation changed the body in place (defaults filled in, undeclared fields dropped, lax conversions), so
 * its errors carry the changed values; FastAPI echoes what the client sent. Only on this path, the body's
 * text is parsed again and each item's `input` read from it by the item's `loc` (for a missing field, the
 * object that lacks it). A value the client did not send (inside a default) keeps the validated one.
 */
function withRawBody(items: ValidationErrorItem[], request: FastifyRequest): ValidationErrorItem[] {
  const text = rawBodyText(request)
  if (text === undefined) return items
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return items
  }
  for (const item of items) {
    if (!('input' in item) || item.loc[0] !== 'body') continue
    const missing = item.type === 'missing'
    if (missing && item.loc.length === 1) continue
    let value: unknown = raw
    let found = true
    for (const segment of item.loc.slice(1, missing ? -1 : undefined)) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
        found = false
        break
      }
      value = (value as Record<string | number, unknown>)[segment]
    }
    if (!found) continue
    if (isSmallInput(value)) item.input = value
    else delete item.input
  }
  return items
}

/** `/items/` matches `/items/{id}` in Fastify's router with an empty `id`; as in FastAPI, no route matches. */
function hasEmptySegment(route: RouteModel, path: Raw): boolean {
  for (const name of route.path.params) if (name !== route.path.wildcard && path[name] === '') return true
  return false
}
