/**
 * @module
 * Schemas as the document writes them. Fastbox registers every `$id` schema once and refers to it by its
 * bare id (`{ $ref: 'Item' }`), which is what Ajv and fast-json-stringify resolve; in an OpenAPI document the
 * same reference must point into `components.schemas`. This module rewrites references, collects the
 * components and checks that every reference it wrote resolves, so a document never dangles.
 */
import { isDeepStrictEqual } from 'node:util'
import {
  DuplicateComponentError,
  InvalidComponentNameError,
  UnknownSchemaRefError,
} from '../http/fastbox-errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import { isSchemaKeyword, mapKeyword } from '../schema/walk.ts'
import type { SchemaObject } from './types.ts'

export const COMPONENTS_PREFIX = '#/components/schemas/'

/** OpenAPI's rule for component names: an `$id` outside it could not be referenced. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/

/** Markers Fastbox adds to its validation copies of schemas; never part of the public contract. */
const INTERNAL_PREFIX = 'x-fastbox-'

/**
 * Builds `components.schemas` and rewrites schemas for the document. Create one per document: it remembers
 * which components were referenced.
 */
export class SchemaConverter {
  readonly #components = new Map<string, SchemaObject>()
  readonly #referenced = new Map<string, string>()

  /** Converts every registered schema into its component (its own `$id` dropped: the key names it). */
  constructor(schemas: ReadonlyMap<string, JsonSchema>) {
    for (const [id, schema] of schemas) {
      const { $id: _id, ...rest } = schema
      this.#addComponent(id, this.#node(rest, `component "${id}"`), `component "${id}"`)
    }
  }

  /** A schema for the document: `$ref`s point into the components, nested `$id` schemas become components. */
  convert(schema: unknown, where: string): SchemaObject {
    return this.#node(schema, where)
  }

  /** Adds a component Fastbox itself defines (the 422 error body); a user schema of that name must match. */
  define(name: string, schema: SchemaObject): void {
    this.#addComponent(name, this.convert(schema, `component "${name}"`), `the built-in component "${name}"`)
  }

  /** The component a `{ $ref }` schema refers to, if it is one of ours. */
  resolve(schema: SchemaObject): SchemaObject | undefined {
    const ref = schema.$ref
    if (typeof ref !== 'string' || !ref.startsWith(COMPONENTS_PREFIX)) return undefined
    return this.#components.get(ref.slice(COMPONENTS_PREFIX.length))
  }

  /** The components, sorted by name (as FastAPI does), after checking that every reference resolves. */
  components(): Record<string, SchemaObject> {
    for (const [name, where] of this.#referenced) {
      if (!this.#components.has(name)) {
        throw new UnknownSchemaRefError(where, name, name)
      }
    }
    const names = [...this.#components.keys()].sort()
    return Object.fromEntries(names.map((name) => [name, this.#components.get(name) as SchemaObject]))
  }

  #addComponent(id: string, schema: SchemaObject, where: string): void {
    if (!COMPONENT_NAME.test(id)) {
      throw new InvalidComponentNameError(id)
    }
    const known = this.#components.get(id)
    if (known === undefined) this.#components.set(id, schema)
    else if (!isDeepStrictEqual(known, schema)) {
      throw new DuplicateComponentError(id, where)
    }
  }

  #node(value: unknown, where: string): SchemaObject {
    if (typeof value !== 'object' || value === null) return {}
    const node = value as JsonSchema
    const id = node.$id
    if (typeof id === 'string') {
      // A shared schema met inline (e.g. in a documented-only response): hoisted like the registry does.
      const { $id: _id, ...rest } = node
      this.#addComponent(id, this.#node(rest, where), where)
      return this.#ref(id, where)
    }
    const copy: SchemaObject = {}
    // Object.keys skips symbol keys: TypeBox's [Kind], [OptionalKind] and friends never reach the document.
    for (const key of Object.keys(node)) {
      const item = node[key]
      // FastAPI's exclude_none: a `default: null` (or any keyword left undefined) says nothing.
      if (item === null || item === undefined || typeof item === 'function') continue
      if (key.startsWith(INTERNAL_PREFIX)) continue
      if (key === '$ref' && typeof item === 'string') copy.$ref = this.#refValue(item, where)
      else if (isSchemaKeyword(key)) copy[key] = mapKeyword(key, item, (child) => this.#node(child, where))
      else copy[key] = structuredClone(item)
    }
    return copy
  }

  #ref(name: string, where: string): SchemaObject {
    return { $ref: this.#refValue(name, where) }
  }

  /** A bare component name (what Fastbox's registry writes) points into the components; others stay. */
  #refValue(ref: string, where: string): string {
    const name = ref.startsWith(COMPONENTS_PREFIX)
      ? ref.slice(COMPONENTS_PREFIX.length)
      : COMPONENT_NAME.test(ref)
        ? ref
        : undefined
    if (name === undefined) return ref
    if (!this.#referenced.has(name)) this.#referenced.set(name, where)
    return COMPONENTS_PREFIX + name
  }
}
