/**
 * @module
 * What a schema position may hold, when it holds only scalars: the facts the lax conversions of request
 * values need (`int`, `float`, `bool`, `str`, `null`, or a set of literal values), worked out once from the
 * schema. Anything that is not a scalar (an object, an array, a `$ref`) gives `undefined`: no conversion.
 */
import type { JsonSchema } from './json-schema.ts'

/** One scalar a position accepts: a JSON type, or literal values (`t.Literal`, `enum`), matched exactly. */
export type ScalarKind = 'int' | 'float' | 'bool' | 'str' | 'null' | { readonly literal: readonly unknown[] }

const TYPE_KINDS: Readonly<Record<string, ScalarKind>> = {
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  string: 'str',
  null: 'null',
}

/**
 * The scalars a schema accepts, in branch order (a union's branches, or a `type` list); `undefined` when it
 * may hold anything else, or when none of them is a number or a boolean (nothing to convert).
 */
export function scalarKinds(schema: JsonSchema | undefined): readonly ScalarKind[] | undefined {
  const kinds = kindsOf(schema)
  return kinds?.some((kind) => kind === 'int' || kind === 'float' || kind === 'bool') ? kinds : undefined
}

function kindsOf(schema: JsonSchema | undefined): ScalarKind[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  if ('const' in schema) return [{ literal: [schema.const] }]
  if (Array.isArray(schema.enum)) return [{ literal: schema.enum }]
  const branches = schema.anyOf ?? schema.oneOf
  if (Array.isArray(branches)) {
    const kinds: ScalarKind[] = []
    for (const branch of branches as JsonSchema[]) {
      const own = kindsOf(branch)
      if (own === undefined) return undefined
      kinds.push(...own)
    }
    return kinds
  }
  const types = typeof schema.type === 'string' ? [schema.type] : schema.type
  if (!Array.isArray(types) || types.length === 0) return undefined
  const kinds: ScalarKind[] = []
  for (const type of types) {
    const kind = typeof type === 'string' ? TYPE_KINDS[type] : undefined
    if (kind === undefined) return undefined
    kinds.push(kind)
  }
  return kinds
}

/** True when `kinds` holds a string (a `str` type or a string literal): any text fits it as it is. */
export function takesText(kinds: readonly ScalarKind[]): boolean {
  return kinds.some(
    (kind) => kind === 'str' || (typeof kind === 'object' && kind.literal.some((v) => typeof v === 'string')),
  )
}
