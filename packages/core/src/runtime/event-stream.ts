/**
 * @module
 * The Server-Sent Events wire format (WHATWG HTML, "Server-sent events"), framed as FastAPI's `fastapi/sse.py`
 * frames it: comment lines, `event:`, `data:` (one line per line of data), `id:`, `retry:`, then a blank
 * line; and a `: ping` comment when the stream has been idle for its keep-alive interval.
 */
import type { ServerSentEventFields } from '../spec/response-kinds.ts'

/** The keep-alive comment (FastAPI's `KEEPALIVE_COMMENT`). */
export const KEEP_ALIVE_COMMENT = ': ping\n\n'

/** Splits on the format's line terminators (`\r\n`, `\r`, `\n`), keeping empty lines. */
function lines(value: string): string[] {
  return value.split(/\r\n|\r|\n/u)
}

/** Why a field cannot be sent, or `undefined` when the event can. */
export function eventProblem(fields: ServerSentEventFields<unknown>): string | undefined {
  if (fields.event !== undefined && /[\r\n]/u.test(fields.event)) return "an event's `event` must be one line"
  if (fields.id !== undefined && /[\r\n\0]/u.test(fields.id))
    return "an event's `id` must be one line without NUL characters"
  if (fields.retry !== undefined && !(Number.isInteger(fields.retry) && fields.retry >= 0))
    return "an event's `retry` must be a whole number of milliseconds"
  if (fields.data !== undefined && fields.rawData !== undefined)
    return 'an event has either `data` (sent as JSON) or `rawData` (sent as it is), not both'
  return undefined
}

/** One event's frame; `data` is the serialized data (JSON), if any. */
export function formatEvent(fields: ServerSentEventFields<unknown>, data: string | undefined): string {
  let frame = ''
  if (fields.comment !== undefined) for (const line of lines(fields.comment)) frame += `: ${line}\n`
  if (fields.event !== undefined) frame += `event: ${fields.event}\n`
  const payload = data ?? fields.rawData
  if (payload !== undefined) for (const line of lines(payload)) frame += `data: ${line}\n`
  if (fields.id !== undefined) frame += `id: ${fields.id}\n`
  if (fields.retry !== undefined) frame += `retry: ${fields.retry}\n`
  return `${frame}\n`
}

const IDLE = Symbol('idle')

/** Marks `next` as handled: it may be left waiting when the client goes away (its failure is then moot). */
function settle<T>(next: Promise<T>): Promise<T> {
  next.catch(() => {})
  return next
}

/**
 * The frames of `source`, with {@link KEEP_ALIVE_COMMENT} whenever `seconds` pass without one. Returning
 * (the client went away) returns `source` too, so the handler's generator runs its `finally`.
 */
export async function* withKeepAlive(
  source: AsyncIterator<string>,
  seconds: number,
): AsyncGenerator<string, void, undefined> {
  let timer: NodeJS.Timeout | undefined
  try {
    let pending = settle(source.next())
    while (true) {
      const idle = new Promise<typeof IDLE>((resolve) => {
        timer = setTimeout(resolve, seconds * 1000, IDLE)
      })
      const next = await Promise.race([pending, idle])
      clearTimeout(timer)
      if (next === IDLE) {
        yield KEEP_ALIVE_COMMENT
        continue
      }
      if (next.done === true) return
      yield next.value
      pending = settle(source.next())
    }
  } finally {
    clearTimeout(timer)
    await source.return?.()
  }
}
