/**
 * @module
 * Ajv reports all the missing fields of an object first and its extra fields before its declared ones;
 * FastAPI lists the errors as the fields are declared, extra fields last. A `required` error waits while
 * the errors of the fields declared before its own go by; an extra field, while any field's do. Lazy, so
 * the caller's cap also bounds this work.
 */
import type { ErrorObject } from 'ajv'
import { isExtraForbidden, parentSchemaOf, unescapeSegment } from './ajv-error.ts'

interface Waiting {
  readonly error: ErrorObject
  /** The data path of the object the error is about. */
  readonly path: string
  /** The object's declared fields, and the rank of the missing one; `undefined` for an extra field. */
  readonly names: readonly string[] | undefined
  readonly rank: number
}

/** The errors in the order FastAPI lists them (see above); each error object is passed on as it is. */
export function* inDeclarationOrder(errors: readonly ErrorObject[]): Generator<ErrorObject> {
  // The waiting errors lie along one path, outer objects first: a later one belongs to a field that an
  // earlier one waits for. When several are done at once, the inner ones go first.
  let waiting: Waiting[] = []
  for (const error of errors) {
    if (waiting.length > 0) {
      const still: Waiting[] = []
      const done: Waiting[] = []
      for (const wait of waiting) (waitsFor(wait, error) ? still : done).push(wait)
      waiting = still
      yield* innerFirst(done)
    }
    const properties = parentSchemaOf(error)?.properties
    const extraOf = extraObjectPath(error)
    if (error.keyword === 'required' && typeof properties === 'object' && properties !== null) {
      const names = Object.keys(properties)
      const rank = names.indexOf((error.params as { missingProperty: string }).missingProperty)
      waiting.push({ error, path: error.instancePath, names, rank })
    } else if (extraOf !== undefined) {
      waiting.push({ error, path: extraOf, names: undefined, rank: Number.POSITIVE_INFINITY })
    } else {
      yield error
    }
  }
  yield* innerFirst(waiting)
}

function innerFirst(done: Waiting[]): ErrorObject[] {
  if (done.length > 1) done.sort((a, b) => b.path.length - a.path.length)
  return done.map((wait) => wait.error)
}

/** True while `error` is one that should be listed before the waiting one. */
function waitsFor(wait: Waiting, error: ErrorObject): boolean {
  // Extra fields go last: a missing field waits for those of its own object too.
  if (wait.names !== undefined && extraObjectPath(error) === wait.path) return true
  if (error.instancePath === wait.path) return error.keyword === 'required'
  const prefix = `${wait.path}/`
  if (!error.instancePath.startsWith(prefix)) return false
  if (wait.names === undefined) return extraObjectPath(error) !== wait.path
  const rest = error.instancePath.slice(prefix.length)
  const end = rest.indexOf('/')
  const name = unescapeSegment(end === -1 ? rest : rest.slice(0, end))
  const rank = wait.names.indexOf(name)
  return rank !== -1 && rank < wait.rank
}

/** For an extra-field error, the data path of its object. */
function extraObjectPath(error: ErrorObject): string | undefined {
  if (error.keyword === 'additionalProperties') return error.instancePath
  if (!isExtraForbidden(error)) return undefined
  return error.instancePath.slice(0, error.instancePath.lastIndexOf('/'))
}
