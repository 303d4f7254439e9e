/**
 * @module
 * Deadlines for slow and stuck requests, set on Node's HTTP server and on Fastify:
 * - `headersTimeout`: the request line and headers must arrive within it (slow-headers clients);
 * - `requestTimeout`: the whole request, body included, must arrive within it (slow or lying bodies);
 *   both are answered `408 {"detail":"Request Timeout"}` and the connection is closed;
 * - `handlerTimeout`: Fastify's; a response not sent within it is answered `503` and `request.signal` is aborted;
 * - `keepAliveTimeout`: an idle keep-alive connection is closed after it.
 */
import { type Server, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify'

export interface TimeoutOptions {
  headersTimeout: number
  requestTimeout: number
  handlerTimeout: number
  keepAliveTimeout: number
}

/** The defaults: generous for real clients, short enough that stuck ones cannot pile up. */
export const DEFAULT_TIMEOUTS: TimeoutOptions = {
  headersTimeout: 10_000,
  // Shorter than the handler's, which counts from the same moment: a slow body is the client's 408, not a 503.
  requestTimeout: 20_000,
  handlerTimeout: 30_000,
  // Fastify's: longer than the 60 s idle timeout of common proxies and load balancers, so that the proxy, not
  // the app, closes an idle connection (a proxy reusing a connection the app just closed answers 502).
  keepAliveTimeout: 72_000,
}

/** Fastify's server options for these deadlines (Fastify treats `0` as "none" for each). */
export function fastifyTimeoutOptions(timeouts: TimeoutOptions): FastifyServerOptions {
  return {
    requestTimeout: timeouts.requestTimeout,
    keepAliveTimeout: timeouts.keepAliveTimeout,
    handlerTimeout: timeouts.handlerTimeout,
  }
}

/**
 * Sets what Fastify has no option for on its HTTP server: the headers deadline, and how often Node checks the
 * two receive deadlines (every 30 s by default, which would let a 1 s deadline run for 31 s).
 */
export function applyServerTimeouts(server: unknown, timeouts: TimeoutOptions): void {
  const http = server as Partial<Server> & { connectionsCheckingInterval?: number }
  if (typeof http.headersTimeout !== 'number') return // HTTP/2: sessions have their own timeout
  const { requestTimeout } = http as Server
  let headers = timeouts.headersTimeout
  // Node requires headersTimeout <= requestTimeout when both are set.
  if (requestTimeout > 0 && (headers === 0 || headers > requestTimeout)) headers = requestTimeout
  http.headersTimeout = headers
  const deadlines = [headers, requestTimeout].filter((ms) => ms > 0)
  if (deadlines.length > 0) {
    http.connectionsCheckingInterval = Math.min(1000, Math.max(25, Math.floor(Math.min(...deadlines) / 10)))
  }
}

const CLIENT_ERRORS: Record<string, [status: number, detail: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Request body is too large'],
}

/**
 * Fastify's `clientErrorHandler`: a request Node could not read (a deadline passed, malformed HTTP, headers too
 * large) is answered with FastAPI's `{"detail": ...}` when nothing has been written yet, then the connection is
 * closed.
 */
export function clientErrorHandler(log: () => FastifyBaseLogger) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request']
    log().debug({ err: error, remoteAddress: socket.remoteAddress }, `client error: ${detail}`)
    // Node's own rule: write only when no response has started on this connection.
    const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
    if (socket.writable && (response == null || response.headersSent !== true)) {
      const body = JSON.stringify({ detail })
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      )
    }
    socket.destroy(error)
  }
}
