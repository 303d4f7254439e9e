/**
 * @module
 * A field marked `writeOnly` (a password), or of format `password`, is never echoed back in a 422: an item
 * about it has no `input`, and an item whose `input` holds it (the object a `missing` field belongs to, a
 * union's value) has it left out at any depth. FastAPI echoes such values; a 422 is often logged or shown,
 * and a secret has no business in either.
 */
import type { ValidateFunction } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import type { JsonSchema } from '../schema/json-schema.ts'

type Resolve = (ref: string) => JsonSchema | undefined
type Redact = (items: ValidationErrorItem[]) => void

const REDACT = Symbol('fastbox.redactWriteOnly')

/** A validator that knows its schema's write-only fields (set when it has any). */
type Redacting = ValidateFunction & { [REDACT]?: Redact }

/** True for a value never to be echoed: `writeOnly`, or a string of format `password`. */
function isSecret(node: JsonSchema): boolean {
  return node.writeOnly === true || node.format === 'password'
}

/**
 * Makes `validate` (of the holder schema `{ body }` or `{ path, query, ... }`) redact its items' inputs
 * through {@link redactWriteOnly}; nothing is added when the schema has no secret field.
 */
export function withWriteOnly(
  validate: ValidateFunction,
  holder: JsonSchema,
  resolve: Resolve,
): ValidateFunction {
  if (!hasSecret(holder, resolve, new Set())) return validate
  ;(validate as Redacting)[REDACT] = (items) => {
    for (const item of items) redactItem(item, holder, resolve)
  }
  return validate
}

/**
 * Removes from the items of `validate`'s errors the inputs that are, or hold, write-only values. Items are
 * located as validated (the holder's keys), before they are renamed for the client.
 */
export function redactWriteOnly(items: ValidationErrorItem[], validate: ValidateFunction): void {
  ;(validate as Redacting)[REDACT]?.(items)
}

function redactItem(item: ValidationErrorItem, holder: JsonSchema, resolve: Resolve): void {
  if (!('input' in item)) return
  // A missing field's input is the object that lacks it.
  const path = item.type === 'missing' ? item.loc.slice(0, -1) : item.loc
  let nodes = expand([holder], resolve)
  for (const segment of path) {
    if (nodes.some(isSecret)) break
    nodes = expand(children(nodes, segment), resolve)
  }
  if (nodes.some(isSecret)) {
    delete item.input
    return
  }
  const input = withoutSecrets(item.input, nodes, resolve)
  if (input === SECRET) delete item.input
  else item.input = input
}

const SECRET = Symbol('secret')

/** `value` without the properties its schemas mark secret, at any depth; a copy only where one is left out. */
function withoutSecrets(value: unknown, nodes: readonly JsonSchema[], resolve: Resolve): unknown {
  if (nodes.some(isSecret)) return SECRET
  if (typeof value !== 'object' || value === null || nodes.length === 0) return value
  let copy: Record<string, unknown> | unknown[] | undefined
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value)
  for (const [key, child] of entries) {
    const kept = withoutSecrets(child, expand(children(nodes, key), resolve), resolve)
    if (kept === child) continue
    copy ??= Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }
    // A list of secrets is a secret.
    if (kept === SECRET && Array.isArray(value)) return SECRET
    if (kept === SECRET) delete (copy as Record<string, unknown>)[key as string]
    else (copy as Record<string | number, unknown>)[key] = kept
  }
  return copy ?? value
}

/** The schemas that may describe the value at `segment` under a value of one of `nodes`. */
function children(nodes: readonly JsonSchema[], segment: string | number): JsonSchema[] {
  const found: JsonSchema[] = []
  for (const node of nodes) {
    const properties = node.properties as Record<string, JsonSchema> | undefined
    const key = String(segment)
    if (properties !== undefined && Object.hasOwn(properties, key)) {
      found.push(properties[key] as JsonSchema)
      continue
    }
    const patterns = node.patternProperties as Record<string, JsonSchema> | undefined
    let matched = false
    for (const [pattern, schema] of Object.entries(patterns ?? {})) {
      if (!new RegExp(pattern, 'u').test(key)) continue
      matched = true
      found.push(schema)
    }
    if (!matched && isObjectSchema(node.additionalProperties)) found.push(node.additionalProperties)
    if (typeof segment === 'number') {
      const items = node.items
      if (Array.isArray(items)) {
        const item = items[segment]
        if (isObjectSchema(item)) found.push(item)
        else if (isObjectSchema(node.additionalItems)) found.push(node.additionalItems)
      } else if (isObjectSchema(items)) found.push(items)
    }
  }
  return found
}

/** `nodes` with each reference followed and each union's or intersection's branches added. */
function expand(nodes: readonly JsonSchema[], resolve: Resolve): JsonSchema[] {
  const out: JsonSchema[] = []
  const seen = new Set<JsonSchema>()
  const visit = (node: JsonSchema) => {
    if (seen.has(node)) return
    seen.add(node)
    out.push(node)
    if (typeof node.$ref === 'string') {
      const target = resolve(node.$ref)
      if (target !== undefined) visit(target)
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = node[keyword]
      if (Array.isArray(branches)) for (const branch of branches) if (isObjectSchema(branch)) visit(branch)
    }
  }
  for (const node of nodes) visit(node)
  return out
}

function hasSecret(node: JsonSchema, resolve: Resolve, seen: Set<JsonSchema>): boolean {
  if (seen.has(node)) return false
  seen.add(node)
  if (isSecret(node)) return true
  if (typeof node.$ref === 'string') {
    const target = resolve(node.$ref)
    if (target !== undefined && hasSecret(target, resolve, seen)) return true
  }
  for (const value of Object.values(node)) {
    const list = Array.isArray(value) ? value : [value]
    for (const child of list) if (isObjectSchema(child) && hasSecret(child, resolve, seen)) return true
  }
  return false
}

function isObjectSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
