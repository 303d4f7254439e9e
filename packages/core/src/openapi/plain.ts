/**
 * @module
 * Plain copies of user-supplied metadata (info, servers, tags). FastAPI encodes its document with
 * `exclude_none`, so a `description: undefined` or `null` left in the app options must not reach the JSON.
 */

/** Deep-copies JSON-like data, leaving out object entries whose value is `null` or `undefined`. */
export function plain<T>(value: T): T {
  return copy(value) as T
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined).map(copy)
  if (typeof value !== 'object' || value === null) return value
  const result: Record<string, unknown> = {}
  // Object.keys skips symbol keys, so library internals (TypeBox's [Kind]) never reach the document.
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key]
    if (item !== null && item !== undefined) result[key] = copy(item)
  }
  return result
}
