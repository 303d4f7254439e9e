/**
 * @module
 * Path syntax: Fastbox routes use FastAPI/OpenAPI `{name}` parameters (`{name:path}` matches `/` too);
 * Fastify's `:name` is accepted as well. Both are read once, at registration.
 */
import { InvalidPathError } from '../http/fastbox-errors.ts'

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A path split into its Fastify form, its OpenAPI form and its parameter names (in order). */
export interface ParsedPath {
  /** The path as Fastify's router reads it: `/items/:item_id`, `/files/*`. */
  readonly fastify: string
  /** The path as OpenAPI writes it: `/items/{item_id}`. */
  readonly openapi: string
  readonly params: readonly string[]
  /** The parameter matched by Fastify's `*` wildcard (from `{name:path}`), if any. */
  readonly wildcard: string | undefined
}

/** Parses a route path; throws a {@link FastboxError} naming the path when it cannot be routed. */
export function parsePath(path: string): ParsedPath {
  if (!path.startsWith('/')) invalid(path, 'it must start with "/"')
  const params: string[] = []
  let fastify = ''
  let openapi = ''
  let wildcard: string | undefined
  let i = 0
  while (i < path.length) {
    const char = path[i] as string
    if (char === '{') {
      const end = path.indexOf('}', i)
      if (end === -1) invalid(path, 'a "{" is never closed')
      const [name = '', converter] = path.slice(i + 1, end).split(':')
      if (!PARAM_NAME.test(name)) invalid(path, `"${name}" is not a valid parameter name`)
      if (converter === 'path') {
        if (end !== path.length - 1) invalid(path, `{${name}:path} must be the last segment`)
        wildcard = name
        fastify += '*'
      } else if (converter === undefined) {
        fastify += `:${name}`
      } else {
        invalid(path, `the converter ":${converter}" is not supported (only ":path" is)`)
      }
      addParam(path, params, name)
      openapi += `{${name}}`
      i = end + 1
      checkParamEnd(path, i, name, false)
    } else if (char === ':') {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path.slice(i + 1))
      if (!match) invalid(path, 'a ":" must be followed by a parameter name')
      const name = match[0]
      addParam(path, params, name)
      fastify += `:${name}`
      openapi += `{${name}}`
      i += name.length + 1
      checkParamEnd(path, i, name, true)
    } else {
      if (char === '}' || char === '*') invalid(path, `"${char}" has no meaning here`)
      fastify += char
      openapi += char
      i++
    }
  }
  return { fastify, openapi, params, wildcard }
}

/**
 * Joins a prefix and a path as FastAPI's routers do: `/api` + `/items` → `/api/items`, and `/api` + `/` →
 * `/api/` (served at `/api/`; `/api` redirects there). A prefix must not end with `/`.
 */
export function joinPaths(prefix: string, path: string): string {
  if (prefix === '' || prefix === '/') return path
  if (!prefix.startsWith('/') || prefix.endsWith('/')) {
    invalid(
      prefix,
      'a router prefix must start with "/" and must not end with "/" (the routes start with one)',
    )
  }
  return prefix + path
}

function addParam(path: string, params: string[], name: string): void {
  if (params.includes(name)) invalid(path, `the parameter "${name}" appears twice`)
  params.push(name)
}

/**
 * Fastify's router reads a parameter name up to `/`, `-`, `.` or a `(` regex: any other character would
 * join the name (`{id}abc` would route a parameter "idabc"), so the route could never fill its parameter.
 */
function checkParamEnd(path: string, index: number, name: string, regexAllowed: boolean): void {
  const next = path[index]
  if (next === undefined || next === '/' || next === '-' || next === '.' || (regexAllowed && next === '('))
    return
  invalid(path, `the parameter "${name}" must be followed by "/", "-", "." or the end of the path`)
}

function invalid(path: string, reason: string): never {
  throw new InvalidPathError(path, reason)
}
