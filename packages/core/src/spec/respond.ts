/**
 * @module
 * A handler answers its success status by returning the body, and any other declared status by returning
 * `respond(status, body)`: the body is type-checked against that status's schema, then validated and
 * filtered like any response.
 */

/** A body paired with the status it answers; made by the handler context's `respond`. */
export class StatusResponse<TStatus extends number = number, TBody = unknown> {
  readonly status: TStatus
  readonly body: TBody

  constructor(status: TStatus, body: TBody) {
    this.status = status
    this.body = body
  }
}
