/**
 * @module
 * Responses that are not one JSON value (Starlette's response classes, FastAPI's `response_class`), declared
 * in `response` where a schema would go: `response: { 200: html() }`. Each kind says what the handler
 * returns (checked by the types), how it is written (see `runtime/write-kind.ts`) and its media type in the
 * OpenAPI document.
 */
import type { TSchema } from '@sinclair/typebox'

/** Marks a response kind apart from a schema (`isResponseKind`). */
export const kResponseKind = Symbol.for('fastbox.responseKind')

/** The names of the response kinds. */
export type ResponseKindName = 'html' | 'text' | 'redirect' | 'file' | 'stream' | 'jsonLines' | 'eventStream'

/**
 * A declared response kind. `TOutput` is what the handler returns for it; `TItem` the item schema of a
 * JSON Lines or event stream (both type-only markers beside the runtime fields).
 */
export interface ResponseKind<
  TName extends ResponseKindName = ResponseKindName,
  TOutput = unknown,
  TItem extends TSchema | undefined = TSchema | undefined,
> {
  readonly [kResponseKind]: TName
  /**
   * The `Content-Type` (without parameters) and the OpenAPI media type; `undefined` for a redirect, and for a
   * file whose type comes from its extension.
   */
  readonly mediaType: string | undefined
  /** Each item's schema (JSON Lines; the `data` of an event stream). */
  readonly item: TItem
  /** Seconds between keep-alive comments of an idle event stream. */
  readonly keepAlive?: number
  /** Type-only: what the handler returns. */
  readonly '~output'?: TOutput
}

/** Any response kind. */
export type AnyResponseKind = ResponseKind<ResponseKindName, unknown, TSchema | undefined>

export function isResponseKind(value: unknown): value is AnyResponseKind {
  return typeof value === 'object' && value !== null && kResponseKind in value
}

function kind<TName extends ResponseKindName, TOutput, TItem extends TSchema | undefined = undefined>(
  name: TName,
  mediaType: string | undefined,
  item?: TItem,
  keepAlive?: number,
): ResponseKind<TName, TOutput, TItem> {
  const declared = { [kResponseKind]: name, mediaType, item: item as TItem }
  return keepAlive === undefined ? declared : { ...declared, keepAlive }
}

/** An HTML page (`text/html; charset=utf-8`): the handler returns the markup (FastAPI's `HTMLResponse`). */
export function html(): ResponseKind<'html', string, undefined> {
  return kind('html', 'text/html')
}

/**
 * Text (`text/plain; charset=utf-8`, or the given text media type such as `text/csv`): the handler returns
 * the string (FastAPI's `PlainTextResponse`).
 */
export function text(mediaType = 'text/plain'): ResponseKind<'text', string, undefined> {
  return kind('text', mediaType)
}

/**
 * A redirect (FastAPI's `RedirectResponse`): the handler returns the target URL, sent in `Location`. The
 * route's status is 307 unless its `status` (or the key in `response`) names another 3xx.
 */
export function redirect(): ResponseKind<'redirect', string | URL, undefined> {
  return kind('redirect', undefined)
}

/** What a `fileResponse()` route returns: the file's path, and the name to download it as. */
export interface FileOutput {
  readonly path: string
  /** Sent as `Content-Disposition: attachment; filename="..."`; without it the file is shown inline. */
  readonly filename?: string
}

/**
 * A file from disk (FastAPI's `FileResponse`), sent by `@fastify/send`: `Content-Type` from `mediaType` or
 * the file's extension, `ETag`, `Last-Modified`, `304 Not Modified`, and range requests (`206`, `416`). The
 * handler returns the path, or `{ path, filename }` for a download.
 */
export function fileResponse(
  options: { readonly mediaType?: string } = {},
): ResponseKind<'file', string | FileOutput, undefined> {
  return kind('file', options.mediaType)
}

/** The bytes of a `stream()` route: a Node stream, a web stream, or an (async) iterable of chunks. */
export type StreamOutput =
  | NodeJS.ReadableStream
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>

/**
 * Any stream of bytes with the given media type (FastAPI's `StreamingResponse`): the handler returns a Node
 * or web stream, or is an async generator of chunks. A client that goes away stops it (a generator's
 * `finally` runs).
 */
export function stream(
  mediaType = 'application/octet-stream',
): ResponseKind<'stream', StreamOutput, undefined> {
  return kind('stream', mediaType)
}

/**
 * JSON Lines (`application/jsonl`): the handler is an async generator (or returns an iterable); each item is
 * validated and filtered through `item` and written as one line.
 */
export function jsonLines<TItem extends TSchema>(item: TItem): ResponseKind<'jsonLines', unknown, TItem> {
  return kind('jsonLines', 'application/jsonl', item)
}

/** Options of an event stream. */
export interface EventStreamOptions {
  /** Seconds of silence after which a `: ping` comment is sent, so proxies keep the connection (default 15). */
  readonly keepAlive?: number
}

/**
 * Server-Sent Events (`text/event-stream`): the handler is an async generator of items (each sent as
 * `data: <JSON>`) or of {@link ServerSentEvent}s (`sse({ data, event, id, retry })`). Each item's data is
 * validated and filtered through `item`. The client's `Last-Event-ID` is a header like any other.
 */
export function eventStream<TItem extends TSchema>(
  item: TItem,
  options: EventStreamOptions = {},
): ResponseKind<'eventStream', unknown, TItem> {
  return kind('eventStream', 'text/event-stream', item, options.keepAlive ?? 15)
}

/** The fields of one Server-Sent Event. */
export interface ServerSentEventFields<TData> {
  /** The payload, validated against the stream's item schema and written as JSON. */
  readonly data?: TData
  /** Written as it is (not JSON): text or pre-formatted data; not validated. */
  readonly rawData?: string
  /** The event type (`addEventListener(event, ...)` in the browser); one line. */
  readonly event?: string
  /** The event id, sent back by the browser as `Last-Event-ID` when it reconnects; one line. */
  readonly id?: string
  /** How long the browser waits before reconnecting, in milliseconds. */
  readonly retry?: number
  /** A comment line, ignored by `EventSource`. */
  readonly comment?: string
}

/** One Server-Sent Event with its fields (FastAPI's `ServerSentEvent`). */
export class ServerSentEvent<TData = never> {
  readonly fields: ServerSentEventFields<TData>

  constructor(fields: ServerSentEventFields<TData>) {
    this.fields = fields
  }
}

/**
 * A Server-Sent Event: `yield sse({ data: item, event: 'update', id: '3' })`. Without `data` (a comment,
 * `rawData`) it fits any stream: its data type is `never`.
 */
export function sse<TData = never>(fields: ServerSentEventFields<TData>): ServerSentEvent<TData> {
  return new ServerSentEvent(fields)
}
