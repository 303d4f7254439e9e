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

/** What a schema is, in errors: built only when one is thrown. */
export type Where = () => string

/**
 * Writes schemas as the document has them, in place: the objects @fastify/swagger built for this document
 * are its own (it clones what it reads), so they are changed rather than copied. One writer per document: it
 * knows the components and their views, and writes each object once (@fastify/swagger shares one operation
 * between the methods of a route).
 */
export class SchemaWriter {
  readonly #names: ReadonlySet<string>
  readonly #rename: (name: string, mode: SchemaMode) => string
  readonly #written = new WeakSet<object>()

  /**
   * `names`: the components of the document (as @fastify/swagger and Fastbox named them); `rename` gives the
   * name of a component's view in a mode (`Item` → `Item-Input`).
   */
  constructor(names: ReadonlySet<string>, rename: (name: string, mode: SchemaMode) => string) {
    this.#names = names
    this.#rename = rename
  }

  /**
   * `schema` as the document writes it in `mode` (the same object, changed); `where` names it in errors. A
   * schema met again (@fastify/swagger gives one body schema to each of its media types) is left as written.
   */
  write(schema: unknown, mode: SchemaMode, where: Where): SchemaObject {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return {}
    if (!this.#written.has(schema)) {
      this.#written.add(schema)
      this.#node(schema as JsonSchema, mode, where)
    }
    return schema as SchemaObject
  }

  #node(node: JsonSchema, mode: SchemaMode, where: Where): void {
    let literals = false
    for (const key in node) {
      const item = node[key]
      if (typeof item === 'object') {
        // FastAPI's exclude_none: a `default: null` (or any keyword left null) says nothing.
        if (item === null) {
          delete node[key]
          continue
        }
        switch (key) {
          case 'required':
            if (mode === 'input' && Array.isArray(item)) this.#required(node, item)
            continue
          case 'default':
          case 'examples':
          case 'example':
          case 'const':
          case 'enum':
            literals ||= key === 'const'
            continue
          case 'properties':
          case 'patternProperties':
          case '$defs':
          case 'definitions':
          case 'dependentSchemas':
            if (!Array.isArray(item)) {
              for (const name in item) this.#child((item as JsonSchema)[name], mode, where)
              continue
            }
            break
          case 'anyOf':
          case 'oneOf':
            literals = true
        }
        if (Array.isArray(item)) for (const entry of item) this.#child(entry, mode, where)
        else if (isInternal(key)) delete node[key]
        else this.#node(item as JsonSchema, mode, where)
      } else if (key === '$ref') {
        if (typeof item === 'string') node.$ref = this.#ref(item, mode, where)
      } else if (key === 'const') {
        literals = true
      } else if (item === undefined || typeof item === 'function' || isInternal(key) || DROPPED.has(key)) {
        delete node[key]
      }
    }
    if (literals) literalEnums(node)
  }

  #child(value: unknown, mode: SchemaMode, where: Where): void {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      this.#node(value as JsonSchema, mode, where)
  }

  /** In a request, a property with a default may be left out. */
  #required(node: JsonSchema, required: unknown[]): void {
    const properties = (node.properties ?? {}) as Record<string, unknown>
    const needed = required.filter((name) => !isDefaulted(properties[name as string]))
    if (needed.length === 0) delete node.required
    else if (needed.length !== required.length) node.required = needed
  }

  #ref(ref: string, mode: SchemaMode, where: Where): string {
    const parsed = parseRef(ref, this.#names)
    if (parsed === undefined) return ref
    if (!this.#names.has(parsed.name)) {
      throw new FastboxError(
        'FASTBOX_ERR_INVALID_SPEC',
        `The schema of ${where()} refers to "${parsed.name}", which is no shared schema: give the schema it means \`$id: '${parsed.name}'\`.`,
      )
    }
    return COMPONENTS_PREFIX + this.#rename(parsed.name, mode) + parsed.rest
  }
}

/** Fastbox's markers: `x-fastbox-...` (`x` is char code 120). */
function isInternal(key: string): boolean {
  return key.charCodeAt(0) === 120 && key.startsWith(INTERNAL_PREFIX)
}

/** A literal: `{ enum: [...] }`, with a `type` or without (what a `const` became). */
function isLiteral(value: unknown): value is { enum: unknown[]; type?: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const node = value as JsonSchema
  return Array.isArray(node.enum) && Object.keys(node).every((key) => key === 'enum' || key === 'type')
}

/** `const: x` → `enum: [x]`; the literals of an `anyOf`/`oneOf` → one `enum` (the whole union if all are). */
function literalEnums(node: JsonSchema): void {
  if ('const' in node && !('enum' in node)) {
    node.enum = [node.const]
    delete node.const
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = node[key]
    if (!Array.isArray(members)) continue
    const literals = members.filter(isLiteral)
    if (literals.length === 0 || (literals.length === 1 && members.length > 1)) continue
    const types = new Set(literals.map((literal) => literal.type))
    const [type] = types
    const values = [...new Set(literals.flatMap((literal) => literal.enum))]
    const typed = types.size === 1 && typeof type === 'string'
    if (literals.length === members.length && !('type' in node) && !('enum' in node)) {
      delete node[key]
      if (typed) node.type = type
      node.enum = values
    } else {
      const merged: JsonSchema = typed ? { type, enum: values } : { enum: values }
      const first = members.findIndex(isLiteral)
      node[key] = members.flatMap((member, index) =>
        isLiteral(member) ? (index === first ? [merged] : []) : [member],
      )
    }
  }
}
