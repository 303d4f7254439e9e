/**
 * @module
 * The store's own errors, answered by exception handlers registered on the app.
 */
import type { App } from 'fastbox'

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

export function useStoreErrors(app: App<unknown>): void {
  app.exceptionHandler(InsufficientStockError, (error, { reply }) =>
    reply.status(409).send({ error: 'insufficient_stock', detail: error.message }),
  )
}
