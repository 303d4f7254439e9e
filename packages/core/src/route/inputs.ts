/**
 * @module
 * Per request: gather each declared request part, validate them all, and report every error at once.
 * Only plain loops over names computed at registration run here; no schema is walked.
 */
import { parse as parseCookies } from 'cookie'
import type { FastifyRequest } from 'fastify'
import { HTTPException, RequestValidationError } from '../errors/errors.ts'
import { MAX_ERROR_ITEMS, toErrorItems, type ValidationErrorItem } from '../validation/error-items.ts'
import type { ParamPartModel, RouteModel } from './model.ts'

/** The validated request parts, as the handler receives them. */
export interface RequestInputs {
  path: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  cookies: Record<string, unknown>
  body: unknown
}

type Raw = Record<string, unknown>

const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9.+-]*\+json)\s*(?:;|$)/i

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_MEDIA_TYPE.test(contentType)
}

const TRUE_WORDS = new Set(['1', 'true', 't', 'y', 'yes', 'on'])
const FALSE_WORDS = new Set(['0', 'false', 'f', 'n', 'no', 'off'])

/** Reads and validates the request parts; throws {@link RequestValidationError} listing every error. */
export function readInputs(route: RouteModel, request: FastifyRequest): RequestInputs {
  const holder: Record<string, Raw> = {}
  for (const part of route.params) holder[part.location] = pick(part, source(part, route, request))
  const errors: ValidationErrorItem[] = []
  if (route.validateParams && !route.validateParams(holder)) {
    errors.push(...toErrorItems(route.validateParams.errors ?? [], MAX_ERROR_ITEMS))
  }
  const bodyHolder = { body: request.body }
  const body = route.body
  if (body !== undefined && bodyHolder.body !== undefined && !isJson(request.headers['content-type'])) {
    throw new HTTPException(415, 'Unsupported Media Type: the body must be application/json')
  }
  if (body !== undefined) {
    if (bodyHolder.body === undefined) {
      if (body.required) errors.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
    } else if (!body.validate(bodyHolder)) {
      errors.push(...toErrorItems(body.validate.errors ?? [], MAX_ERROR_ITEMS - errors.length))
    }
  }
  if (errors.length > 0) throw new RequestValidationError(errors)
  return {
    path: holder.path ?? {},
    query: holder.query ?? {},
    headers: rename(route.params, holder.header),
    cookies: holder.cookie ?? {},
    body: bodyHolder.body,
  }
}

function source(part: ParamPartModel, route: RouteModel, request: FastifyRequest): Raw {
  switch (part.location) {
    case 'path': {
      const params = request.params as Raw
      const wildcard = route.path.wildcard
      return wildcard === undefined ? params : { ...params, [wildcard]: params['*'] }
    }
    case 'query':
      return request.query as Raw
    case 'header':
      return request.headers
    case 'cookie':
      return readCookies(request)
  }
}

/** Cookies from `@fastify/cookie` when it is registered, else parsed here (only for routes that read them). */
function readCookies(request: FastifyRequest): Raw {
  const parsed = (request as { cookies?: Raw }).cookies
  if (parsed !== undefined) return parsed
  const header = request.headers.cookie
  return header === undefined ? {} : parseCookies(header)
}

/** A fresh object with the declared keys only (all keys when the schema forbids extras, to report them). */
function pick(part: ParamPartModel, raw: Raw): Raw {
  const picked: Raw = {}
  const names = part.passAll ? Object.keys(raw) : part.wireNames
  for (const name of names) {
    let value = raw[name]
    if (value === undefined) continue
    if (Array.isArray(value) && part.scalars.has(name)) value = value.at(-1)
    const isArray = part.booleans.get(name)
    if (isArray !== undefined)
      value = isArray && Array.isArray(value) ? value.map(toBoolean) : toBoolean(value)
    picked[name] = value
  }
  return picked
}

/** FastAPI's boolean words, in any case; anything else is left for the validator to reject. */
function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const word = value.toLowerCase()
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : value
}

function rename(params: readonly ParamPartModel[], headers: Raw | undefined): Raw {
  if (headers === undefined) return {}
  const renames = params.find((part) => part.location === 'header')?.renames
  if (renames === undefined) return headers
  const renamed: Raw = {}
  for (const [wire, value] of Object.entries(headers)) renamed[renames.get(wire) ?? wire] = value
  return renamed
}
