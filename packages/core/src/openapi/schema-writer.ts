/**
 * @module
 * Schemas as the finished document writes them, in one copy of each schema @fastify/swagger produced:
 * - references point into `components.schemas` (a bare shared-schema id too), under the name of the view
 *   they are read in (`Item-Input` in a request, `Item-Output` in a response, when the two differ), and every
 *   one resolves;
 * - in a request, a property with a `default` is not `required` (the server fills it in, as FastAPI's input
 *   schemas say);
 * - a union of literals is one `enum` (and a lone `const` an `enum` of one), which generators turn into a
 *   named union and Swagger UI into a drop-down;
 * - `null` and `undefined` values (FastAPI's `exclude_none`), `$id`, `$schema` and Fastbox's internal
 *   `x-fastbox-*` markers are left out.
 */
import { FastboxError } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { SchemaObject } from './types.ts'
import { COMPONENTS_PREFIX } from './validation-error.ts'

/** Keywords whose values are data, not schemas: copied as they are, never rewritten. */
const DATA_KEYWORDS = new Set(['default', 'examples', 'example', 'const', 'enum', 'required'])

/** Keywords whose values map names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

const DROPPED = new Set(['$id', '$schema'])

/** Markers Fastbox adds to its validation copies of schemas; never part of the public contract. */
const INTERNAL_PREFIX = 'x-fastbox-'

/** OpenAPI's rule for component names: a bare `$ref` of this shape names a shared schema. */
export const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/

/** Where a schema is read: in a request (input) or a response (output). */
export type SchemaMode = 'input' | 'output'

export interface ParsedRef {
  readonly name: string
  /** What follows the name in a JSON pointer into a component (`/properties/a`), usually `''`. */
  readonly rest: string
}

/** The component a `$ref` names, if it names one (`#/components/schemas/Item` or a bare `Item`). */
export function parseRef(ref: string, names: ReadonlySet<string>): ParsedRef | undefined {
  if (ref.startsWith(COMPONENTS_PREFIX)) {
    const pointer = ref.slice(COMPONENTS_PREFIX.length)
    const slash = pointer.indexOf('/')
    return slash === -1
      ? { name: pointer, rest: '' }
      : { name: pointer.slice(0, slash), rest: pointer.slice(slash) }
  }
  if (names.has(ref) || COMPONENT_NAME.test(ref)) return { name: ref, rest: '' }
  return undefined
}

/** Calls `visit` on `schema` and every sub-schema in it (data keywords are not walked). */
export function visitSchema(value: unknown, visit: (node: JsonSchema) => void): void {
  if (typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) visitSchema(item, visit)
    return
  }
  const node = value as JsonSchema
  visit(node)
  for (const key of Object.keys(node)) {
    if (DATA_KEYWORDS.has(key)) continue
    const item = node[key]
    if (typeof item !== 'object' || item === null) continue
    if (SCHEMA_MAPS.has(key) && !Array.isArray(item)) {
      for (const entry of Object.values(item)) visitSchema(entry, visit)
    } else visitSchema(item, visit)
  }
}

/** True when a request reads `node` differently: some required property of an object in it has a default. */
export function hasDefaultedRequired(node: JsonSchema): boolean {
  const { required, properties } = node
  if (!Array.isArray(required) || typeof properties !== 'object' || properties === null) return false
  return required.some((name) => isDefaulted((properties as Record<string, unknown>)[name as string]))
}

function isDefaulted(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && 'default' in schema
}

/** Copies schemas for the document; one writer per document (it knows the components and their views). */
export class SchemaWriter {
  readonly #names: ReadonlySet<string>
  readonly #rename: (name: string, mode: SchemaMode) => string

  /**
   * `names`: the components of the document (as @fastify/swagger and Fastbox named them); `rename` gives the
   * name of a component's view in a mode (`Item` → `Item-Input`).
   */
  constructor(names: ReadonlySet<string>, rename: (name: string, mode: SchemaMode) => string) {
    this.#names = names
    this.#rename = rename
  }

  /** A copy of `schema` as the document writes it in `mode`; `where` names it in errors. */
  write(schema: unknown, mode: SchemaMode, where: string): SchemaObject {
    return this.#node(schema, mode, where)
  }

  #node(value: unknown, mode: SchemaMode, where: string): SchemaObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
    const node = value as JsonSchema
    const copy: SchemaObject = {}
    for (const key of Object.keys(node)) {
      const item = node[key]
      // FastAPI's exclude_none: a `default: null` (or any keyword left undefined) says nothing.
      if (item === null || item === undefined || typeof item === 'function') continue
      if (DROPPED.has(key) || key.startsWith(INTERNAL_PREFIX)) continue
      if (key === '$ref' && typeof item === 'string') copy.$ref = this.#ref(item, mode, where)
      else if (key === 'required' && mode === 'input' && Array.isArray(item)) {
        const properties = (node.properties ?? {}) as Record<string, unknown>
        const required = item.filter((name) => !isDefaulted(properties[name as string]))
        if (required.length > 0) copy.required = required
      } else if (DATA_KEYWORDS.has(key)) copy[key] = item
      else if (Array.isArray(item)) copy[key] = item.map((entry) => this.#child(entry, mode, where))
      else if (SCHEMA_MAPS.has(key) && typeof item === 'object') {
        const map: SchemaObject = {}
        for (const name of Object.keys(item)) map[name] = this.#child((item as JsonSchema)[name], mode, where)
        copy[key] = map
      } else copy[key] = this.#child(item, mode, where)
    }
    return literalEnums(copy)
  }

  #child(value: unknown, mode: SchemaMode, where: string): unknown {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? this.#node(value, mode, where)
      : value
  }

  #ref(ref: string, mode: SchemaMode, where: string): string {
    const parsed = parseRef(ref, this.#names)
    if (parsed === undefined) return ref
    if (!this.#names.has(parsed.name)) {
      throw new FastboxError(
        'FASTBOX_ERR_INVALID_SPEC',
        `The schema of ${where} refers to "${parsed.name}", which is no shared schema: give the schema it means \`$id: '${parsed.name}'\`.`,
      )
    }
    return COMPONENTS_PREFIX + this.#rename(parsed.name, mode) + parsed.rest
  }
}

/** A literal: `{ enum: [...] }`, with a `type` or without (what a `const` became). */
function isLiteral(value: unknown): value is { enum: unknown[]; type?: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const node = value as JsonSchema
  return Array.isArray(node.enum) && Object.keys(node).every((key) => key === 'enum' || key === 'type')
}

/** `const: x` → `enum: [x]`; the literals of an `anyOf`/`oneOf` → one `enum` (the whole union if all are). */
function literalEnums(node: SchemaObject): SchemaObject {
  if ('const' in node && !('enum' in node)) {
    const { const: value, ...rest } = node
    node = { ...rest, enum: [value] }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = node[key]
    if (!Array.isArray(members)) continue
    const literals = members.filter(isLiteral)
    if (literals.length === 0 || (literals.length === 1 && members.length > 1)) continue
    const types = new Set(literals.map((literal) => literal.type))
    const [type] = types
    const merged: SchemaObject = {
      ...(types.size === 1 && typeof type === 'string' && { type }),
      enum: [...new Set(literals.flatMap((literal) => literal.enum))],
    }
    if (literals.length === members.length && !('type' in node) && !('enum' in node)) {
      const { [key]: _union, ...rest } = node
      node = { ...merged, ...rest }
    } else {
      const first = members.findIndex(isLiteral)
      node = {
        ...node,
        [key]: members.flatMap((member, index) =>
          isLiteral(member) ? (index === first ? [merged] : []) : [member],
        ),
      }
    }
  }
  return node
}
