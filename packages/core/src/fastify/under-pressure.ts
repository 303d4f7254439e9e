/**
 * @module
 * Load shedding with `@fastify/under-pressure`: while the process is overloaded every request is answered
 * `503` with `Retry-After` (the plugin's error, turned into `{"detail": ...}` by the error handler).
 */
import type { FastifyInstance } from 'fastify'

/** The thresholds of `@fastify/under-pressure` (each `0` or absent: not checked). */
export interface UnderPressureOptions {
  /** Event-loop delay, in milliseconds, above which requests are refused (default with `underPressure: true`: 1000). */
  maxEventLoopDelay?: number
  /** Event-loop utilization, 0 to 1. */
  maxEventLoopUtilization?: number
  maxHeapUsedBytes?: number
  maxRssBytes?: number
  /** The `Retry-After` header, in seconds (default 10). */
  retryAfter?: number
  /** The `detail` of the 503 (default `'Service Unavailable'`). */
  message?: string
  /** How often the process is sampled, in milliseconds (default 1000). */
  sampleInterval?: number
  /** Serves a status route (`true`: `/status`), answered 503 while under pressure. */
  exposeStatusRoute?: boolean | string
}

export const DEFAULT_UNDER_PRESSURE: UnderPressureOptions = { maxEventLoopDelay: 1000 }

export function useUnderPressure(fastify: FastifyInstance, options: true | UnderPressureOptions): void {
  // Loaded only by the apps that ask for it; Fastify awaits a plugin given as an import.
  void fastify.register(
    import('@fastify/under-pressure'),
    options === true ? DEFAULT_UNDER_PRESSURE : options,
  )
}
