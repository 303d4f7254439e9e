/**
 * @module
 * The body's model: one schema, or named parts (see `schema/body-parts.ts`), hoisted and compiled once.
 */
import { OptionalKind } from '@sinclair/typebox'
import { InvalidBodyPartsError } from '../http/fastbox-errors.ts'
import {
  type BodyPartsSpec,
  type BodySpec,
  isBodyParts,
  requiredParts,
  toBodyPartsSchema,
} from '../schema/body-parts.ts'
import type { JsonSchema } from '../schema/json-schema.ts'
import type { SchemaRegistry } from '../schema/registry.ts'
import { toHolderSchema } from '../schema/request-schemas.ts'
import type { Validators } from '../validation/ajv.ts'
import type { BodyModel } from './model.ts'

export interface BodyContext {
  readonly registry: SchemaRegistry
  readonly validators: Validators
}

/** `lax`: values converted as Pydantic's lax mode does; `where` names the route in configuration errors. */
export function bodyModel(body: BodySpec, lax: boolean, context: BodyContext, where: string): BodyModel {
  if (isBodyParts(body)) return bodyPartsModel(body, lax, context, where)
  const schema = context.registry.hoist(body)
  return {
    schema,
    required: !(OptionalKind in body),
    parts: undefined,
    lax,
    validate: compile(schema, lax, context),
  }
}

function bodyPartsModel(parts: BodyPartsSpec, lax: boolean, context: BodyContext, where: string): BodyModel {
  const names = Object.keys(parts)
  if (names.length === 0) throw new InvalidBodyPartsError(where, 'names no part')
  const declared = toBodyPartsSchema(parts)
  if (typeof declared === 'string') {
    throw new InvalidBodyPartsError(where, `the part "${declared}" is not a schema`)
  }
  const schema = context.registry.hoist(declared)
  return {
    schema,
    required: requiredParts(declared).length > 0,
    parts: { names, plain: names.every((name) => !(name in Object.prototype)) },
    lax,
    validate: compile(schema, lax, context),
  }
}

function compile(schema: JsonSchema, lax: boolean, context: BodyContext) {
  return context.validators.body(toHolderSchema({ body: schema }, lax ? 'lax' : 'strict'), lax)
}
