/**
 * @module
 * Validating a body changes it in place (defaults, undeclared fields dropped, lax conversions), so a 422
 * item's `input` may not be what the client sent, and the body's text is parsed again to read it (see
 * `runtime/inputs.ts`). That second parse costs as much as the first; it is skipped when no item can hold a
 * changed value, as for a large body of wrong-type values.
 */
import type { ValidationErrorItem } from '../http/errors.ts'

/**
 * The items that say the value has the wrong type. Lax conversion only ever turns a value into one of the
 * types its position takes, before the position is checked (and never inside a union's branches), so the
 * `input` of these items is never a converted value.
 */
const WRONG_TYPE = new Set([
  'string_type',
  'int_type',
  'float_type',
  'bool_type',
  'list_type',
  'dict_type',
  'model_attributes_type',
  'none_required',
  'int_parsing',
  'float_parsing',
  'bool_parsing',
])

/**
 * True when every item's `input` is known to be what the client sent: text and `null` (no conversion makes
 * them), and in a lax body a number or boolean only where the item reports a wrong type. An object or array
 * may hold defaults or have lost undeclared fields.
 */
export function inputsAreUnchanged(items: readonly ValidationErrorItem[], lax: boolean): boolean {
  for (const item of items) {
    if (!('input' in item)) continue
    const input = item.input
    if (input === null || typeof input === 'string') continue
    if (typeof input === 'object') return false
    if (lax && !WRONG_TYPE.has(item.type)) return false
  }
  return true
}
