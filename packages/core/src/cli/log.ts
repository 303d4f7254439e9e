/**
 * @module
 * The CLI's own log lines (the supervisor of `fastbox dev`, the primary of `--workers`): pino's JSON shape
 * under `fastbox run`, short readable lines under `fastbox dev`, on stdout as the app's own logs are.
 */
import { hostname } from 'node:os'
import type { LogFormat, LogLevel } from '../fastify/logging.ts'

const LEVEL_VALUES: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
}

const COLORS: Record<number, string> = { 30: '\x1b[32m', 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[35m' }

export interface CliLog {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export function cliLog(
  format: LogFormat,
  level: LogLevel,
  out: NodeJS.WritableStream = process.stdout,
): CliLog {
  const threshold = LEVEL_VALUES[level]
  const color = format === 'pretty' && (out as { isTTY?: boolean }).isTTY === true
  const write = (value: number, name: string, message: string, fields: Record<string, unknown> = {}) => {
    if (value < threshold) return
    if (format === 'json') {
      const { err, ...rest } = fields
      const line = {
        level: value,
        time: Date.now(),
        pid: process.pid,
        hostname: hostname(),
        name: 'fastbox',
        ...rest,
      }
      const error =
        err instanceof Error ? { err: { type: err.name, message: err.message, stack: err.stack } } : {}
      out.write(`${JSON.stringify({ ...line, ...error, msg: message })}\n`)
      return
    }
    const now = new Date()
    const time = `${now.toTimeString().slice(0, 8)}.${String(now.getMilliseconds()).padStart(3, '0')}`
    const label = color ? `${COLORS[value] ?? ''}${name}\x1b[39m` : name
    const error = fields.err instanceof Error && fields.err.stack !== undefined ? `\n${fields.err.stack}` : ''
    out.write(`[${time}] ${label}: ${message}${error}\n`)
  }
  return {
    info: (message, fields) => write(30, 'INFO', message, fields),
    warn: (message, fields) => write(40, 'WARN', message, fields),
    error: (message, fields) => write(50, 'ERROR', message, fields),
  }
}
