/**
 * @module
 * A `summary` for operations that have none, as FastAPI derives one from the endpoint function's name
 * (`read_items` → "Read Items"): from the handler's name when it has one, else from the operationId's words.
 * Swagger UI shows it on each row, ReDoc in its menu, and linters expect one.
 */

/** Names that say nothing about the operation: arrow functions passed inline have `''`. */
const MEANINGLESS = new Set(['', 'anonymous', 'handler', 'bound', 'default'])

const SNAKE = /^[a-z0-9_]+$/

/** `"Read Items"` from `readItems`, `read_items` or `read-items`. */
export function words(name: string): string {
  // Derived operationIds (`get_items_item_id`): the common case, without the regular expressions below.
  if (SNAKE.test(name)) {
    let result = ''
    for (const word of name.split('_')) {
      if (word !== '') result += `${result === '' ? '' : ' '}${word.charAt(0).toUpperCase()}${word.slice(1)}`
    }
    return result
  }
  return name
    .replace(/^bound /, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

/** The summary of an operation without one: the handler's name if it is meaningful, else the operationId's. */
export function deriveSummary(operationId: string, handlerName: string | undefined): string {
  const name = handlerName?.replace(/^bound /, '') ?? ''
  const fromName = MEANINGLESS.has(name) ? '' : words(name)
  return fromName !== '' ? fromName : words(operationId) || operationId
}
