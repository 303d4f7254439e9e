/**
 * @module
 * Logging on by default: Fastify's pino logger at a level the app chooses, one access line per request
 * (at `info`), request ids taken from `X-Request-Id` (or made up) and sent back in that header, and a readable
 * format for `fastbox dev` (pino-pretty) beside pino's JSON lines.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify'

/** pino's levels; `silent` logs nothing. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/** `json`: one pino JSON object a line (production); `pretty`: pino-pretty's readable lines (`fastbox dev`). */
export type LogFormat = 'json' | 'pretty'

const LEVELS: ReadonlySet<string> = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** The level for `level`, or `undefined` for anything else (`warning` is Python's name for `warn`). */
export function parseLogLevel(level: string | undefined): LogLevel | undefined {
  if (level === undefined) return undefined
  const name = level.toLowerCase() === 'warning' ? 'warn' : level.toLowerCase()
  return LEVELS.has(name) ? (name as LogLevel) : undefined
}

/**
 * Environment variables the CLI sets for the app it loads (and that operators may set themselves):
 * `FASTBOX_LOG_LEVEL` overrides the app's `logLevel`; `FASTBOX_DEFAULT_LOG_LEVEL` replaces the library default
 * (`warn`; the CLI serves at `info`); `FASTBOX_LOG_FORMAT` is `json` or `pretty`.
 */
export const LOG_ENV = {
  level: 'FASTBOX_LOG_LEVEL',
  defaultLevel: 'FASTBOX_DEFAULT_LOG_LEVEL',
  format: 'FASTBOX_LOG_FORMAT',
} as const

/** The level an app logs at: the environment's override, else the app's choice, else the default. */
export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  return (
    parseLogLevel(process.env[LOG_ENV.level]) ??
    option ??
    parseLogLevel(process.env[LOG_ENV.defaultLevel]) ??
    'warn'
  )
}

export function resolveLogFormat(): LogFormat {
  return process.env[LOG_ENV.format] === 'pretty' ? 'pretty' : 'json'
}

/** Fastify's `logger` option for `level` and `format` (`silent`: no logger, so no per-request child logger). */
export function loggerOptions(
  level: LogLevel,
  format: LogFormat,
): NonNullable<FastifyServerOptions['logger']> {
  if (level === 'silent') return false
  if (format === 'json') return { level }
  return { level, stream: prettyStream() }
}

/**
 * pino-pretty in the process (no worker thread: `fastbox dev` logs little): time, level, message; an error's
 * stack below it; the request id on warnings and errors only, so access lines stay one short line.
 */
function prettyStream(): NodeJS.WritableStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => NodeJS.WritableStream
  return pretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    messageFormat: (log: Record<string, unknown>, messageKey: string) => {
      const message = String(log[messageKey] ?? '')
      const level = typeof log.level === 'number' ? log.level : 0
      return level >= 40 && typeof log.reqId === 'string' ? `${message} (request ${log.reqId})` : message
    },
  })
}

/** The request-id header read from clients and written on every response. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** A client's id is kept when it is short, visible ASCII; anything else is replaced (it goes into every log line). */
const SAFE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/

/** This process's random part of the ids it makes, so that workers and restarts never repeat one. */
const PROCESS_ID = randomBytes(6).toString('hex')
let counter = 0

/**
 * Fastify's `genReqId`: the client's `X-Request-Id` when sane, else `<random per process>-<counter>`
 * (unique across workers and restarts; a counter costs a tenth of a `randomUUID()` per request).
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER]
  if (typeof given === 'string' && SAFE_REQUEST_ID.test(given)) return given
  counter = counter === Number.MAX_SAFE_INTEGER ? 1 : counter + 1
  return `${PROCESS_ID}-${counter.toString(36)}`
}

/** Sends the request id back, so a client (or proxy) can quote it when reporting a failure. */
export function useRequestIdHeader(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id)
    done()
  })
}

/**
 * One access line per request, as uvicorn writes (`GET /items 200 1.2 ms`, with `req`, `res` and
 * `responseTime` fields), instead of Fastify's "incoming request" and "request completed" pair.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const log = reply.log
    if (error) {
      log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored')
      return
    }
    if (!infoEnabled(log) || this.isLogDisabled(request)) return
    const time = reply.elapsedTime
    log.info(
      { req: request, res: reply, responseTime: time },
      `${request.method} ${request.url} ${reply.statusCode} ${time.toFixed(1)} ms`,
    )
  }
}

/** pino loggers say whether a level is on; a custom logger without the method is asked to log anyway. */
function infoEnabled(log: FastifyBaseLogger): boolean {
  const enabled = (log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled
  return enabled === undefined || enabled.call(log, 'info')
}
