/**
 * @module
 * Ajv's `items` keyword with a bound on the errors it collects. A request validator reports every error
 * (`allErrors`), so a body of 500,000 wrong items would make 500,000 error objects when a 422 lists at most
 * {@link MAX_ERROR_ITEMS} of them. Here an array stops being walked once that many of its items have failed:
 * each failed item yields at least one listed item, and the items of one array keep their order in FastAPI's
 * order (see `error-order.ts`), so the first {@link MAX_ERROR_ITEMS} listed items are the same as with every
 * error collected. An array that stopped early has failed, so its unvisited items (left unconverted) are
 * never used. Valid arrays are walked exactly as before.
 */
import { _, type Ajv, type KeywordCxt } from 'ajv'
import { alwaysValidSchema, Type } from 'ajv/dist/compile/util.js'
import { validateTuple } from 'ajv/dist/vocabularies/applicator/items.js'
import { MAX_ERROR_ITEMS } from './error-items.ts'

/** Replaces the `items` keyword of an `allErrors` instance by one that stops after `limit` failed items. */
export function boundArrayErrors(ajv: Ajv, limit = MAX_ERROR_ITEMS): void {
  ajv.removeKeyword('items')
  // As Ajv's own definition (`ajv/dist/vocabularies/applicator/items.js`) but for the bound.
  ajv.addKeyword({
    keyword: 'items',
    type: 'array',
    schemaType: ['object', 'array', 'boolean'],
    before: 'uniqueItems',
    code(cxt: KeywordCxt) {
      const { gen, schema, data, it } = cxt
      // A tuple's items are as many as its schemas: nothing to bound.
      if (Array.isArray(schema)) return validateTuple(cxt, 'additionalItems', schema)
      it.items = true
      if (alwaysValidSchema(it, schema)) return
      const valid = gen.name('valid')
      const failed = gen.let('failed', 0)
      const length = gen.const('len', _`${data}.length`)
      gen.forRange('i', 0, length, (index) => {
        cxt.subschema({ keyword: 'items', dataProp: index, dataPropType: Type.Num }, valid)
        gen.if(_`!${valid}`, () => {
          gen.assign(failed, _`${failed} + 1`)
          gen.if(_`${failed} >= ${limit}`, () => gen.break())
        })
      })
      // Without `allErrors` a failed item must fail the array; with it, the errors counted already do.
      cxt.ok(_`${failed} === 0`)
    },
  })
}
