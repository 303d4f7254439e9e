/**
 * @module
 * Ajv errors become FastAPI's 422 items `{ type, loc, msg, input, ctx? }`, in three steps: unions
 * collapsed to the branch the input was meant for (`error-unions.ts`), errors put in declaration order
 * (`error-order.ts`), each error mapped to its Pydantic-style item (`error-mapping.ts`).
 */
import type { ErrorObject } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import { toItem } from './error-mapping.ts'
import { inDeclarationOrder } from './error-order.ts'
import { collapseUnions } from './error-unions.ts'

/** Most items a 422 lists; a hostile body must not make error reporting expensive. */
export const MAX_ERROR_ITEMS = 100

/**
 * Converts Ajv errors of a validated holder object (`{ path, query, header, cookie }` or `{ body }`) into
 * items, the holder's key being the first `loc` entry. Unions report the branch the input was meant for;
 * items come in the order the fields are declared, as in FastAPI. `lax`: the values were converted as
 * Pydantic's lax mode does (see `toItem`).
 */
export function toErrorItems(
  errors: readonly ErrorObject[],
  limit: number,
  lax = false,
): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = []
  if (limit <= 0) return items
  for (const error of inDeclarationOrder(collapseUnions(errors))) {
    if (items.length >= limit) break
    if (error.keyword === 'if') continue
    const item = toItem(error, lax)
    if (!isSmallInput(item.input)) delete item.input
    items.push(item)
  }
  return items
}

/** Most values an echoed `input` may hold; a larger input is left out of its item rather than sent back. */
const MAX_INPUT_VALUES = 1000

/** True when `value` holds at most {@link MAX_INPUT_VALUES} values, counted without recursion. */
export function isSmallInput(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  const stack: unknown[] = [value]
  let count = 0
  while (stack.length > 0) {
    const next = stack.pop()
    if (++count > MAX_INPUT_VALUES) return false
    if (typeof next !== 'object' || next === null) continue
    const size = Array.isArray(next) ? next.length : Object.keys(next).length
    if (count + stack.length + size > MAX_INPUT_VALUES) return false
    for (const child of Object.values(next)) stack.push(child)
  }
  return true
}
