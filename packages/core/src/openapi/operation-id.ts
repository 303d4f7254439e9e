/**
 * @module
 * Readable, unique operationIds. Client generators name their functions after them, so they must be stable
 * and predictable: a given `operationId` is used as is; otherwise it is `<method>_<path words>`
 * (`GET /items/{item_id}` → `get_items_item_id`), and a derived id that is already taken gets `_2`, `_3`, ...
 * Two routes given the same id are a mistake in the app, reported rather than silently renamed.
 */
import { DuplicateOperationIdError } from '../http/fastbox-errors.ts'

/** One operation waiting for its id: `given` is the route's own `operationId`, if any. */
export interface OperationIdRequest {
  readonly method: string
  /** The OpenAPI path, `/items/{item_id}`. */
  readonly path: string
  readonly given: string | undefined
}

/** `get_items_item_id` for `GET /items/{item_id}`; `get_root` for `GET /`. */
export function deriveOperationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '')
  return `${method.toLowerCase()}_${words.length === 0 ? 'root' : words.join('_')}`
}

/**
 * Assigns an id to each request, in order. Given ids are reserved first, so a derived id never takes a
 * name the app chose itself, whatever the declaration order.
 */
export function assignOperationIds(requests: readonly OperationIdRequest[]): string[] {
  const taken = new Map<string, OperationIdRequest>()
  for (const request of requests) {
    if (request.given === undefined) continue
    const other = taken.get(request.given)
    if (other !== undefined) {
      throw new DuplicateOperationIdError(request.given, describe(other), describe(request))
    }
    taken.set(request.given, request)
  }
  return requests.map((request) => {
    if (request.given !== undefined) return request.given
    const base = deriveOperationId(request.method, request.path)
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
    taken.set(id, request)
    return id
  })
}

function describe(request: OperationIdRequest): string {
  return `${request.method.toUpperCase()} ${request.path}`
}
