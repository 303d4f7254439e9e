/**
 * @module
 * The store's own errors, and how they are answered: exception handlers registered on the app.
 */
import { type App, RequestValidationError, type ValidationErrorItem } from 'fastbox'

/** An order asks for more than is in stock; answered 409 `{"error":"insufficient_stock","detail":...}`. */
export class InsufficientStockError extends Error {
  constructor(
    readonly itemId: number,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`Item ${itemId} has ${available} in stock, ${requested} requested`)
  }
}

/** Whether an error item's `input` is, or holds, a password. */
function holdsPassword(item: ValidationErrorItem): boolean {
  return item.loc.includes('password') || JSON.stringify(item.input ?? null).includes('"password"')
}

export function useStoreErrors(app: App<unknown>): void {
  app.exceptionHandler(InsufficientStockError, (error, { reply }) =>
    reply.status(409).send({ error: 'insufficient_stock', detail: error.message }),
  )
  // FastAPI's 422 echoes each invalid value in `input`; a password is left out, so it never comes back.
  app.exceptionHandler(RequestValidationError, (error, { reply }) =>
    reply.status(422).send({
      detail: error.errors.map((item) => {
        if (!holdsPassword(item)) return item
        const { input: _secret, ...rest } = item
        return rest
      }),
    }),
  )
}
