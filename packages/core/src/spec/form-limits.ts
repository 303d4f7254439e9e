/**
 * @module
 * Limits of a `multipart/form-data` body, for an app (`createApp({ formLimits })`) or one route (its
 * `formLimits`, which win). They are @fastify/multipart's (busboy's) `limits`; a request over one is
 * answered `413 {"detail": ...}` naming the limit.
 */

/** Limits of a multipart form; each counts per request. */
export interface FormLimits {
  /** The largest file, in bytes (default: Fastify's `bodyLimit`, 1 MiB). `upload({ maxSize })` sets one field's. */
  readonly fileSize?: number
  /** The most files (default: no limit besides `parts`). */
  readonly files?: number
  /** The most text fields (default: no limit besides `parts`). */
  readonly fields?: number
  /** The most parts, files and fields together (default 1000). */
  readonly parts?: number
  /** The longest text field, in bytes (default 1 MiB). */
  readonly fieldSize?: number
}
