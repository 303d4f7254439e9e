/**
 * @module
 * Graceful shutdown of the HTTP server, run when the app closes (Fastify's `preClose`, before its server is
 * closed): stop accepting connections; answer every request that still arrives, on a keep-alive connection
 * that was open, `503 {"detail":"Service Unavailable"}` with `Connection: close`; let the requests in
 * progress finish, each one's connection closed after its response; at the deadline, close the connections
 * still busy. Fastify alone closes idle keep-alive connections at once (racing their clients' next request,
 * which then fails with a reset) and waits without a deadline for busy ones.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'
import { Server as TlsServer } from 'node:tls'
import type { FastifyBaseLogger } from 'fastify'

/** What draining the server came to. */
export interface DrainResult {
  /** Requests still in progress at the deadline: their connections were closed without an answer. */
  dropped: number
  /** Requests that arrived while draining and were answered 503. */
  refused: number
}

type TrackedSocket = Socket & { _httpMessage?: ServerResponse | null }

const REFUSAL = JSON.stringify({ detail: 'Service Unavailable' })

/** How often the drain looks at the connections still busy. */
const POLL_MS = 20

/** The connections of one HTTP server, and how to drain them. */
export class ConnectionDrain {
  readonly #sockets = new Set<TrackedSocket>()
  readonly #server: Server | undefined

  constructor(server: unknown) {
    const http = server as Server
    // HTTP/2 servers have sessions, not request-per-connection sockets; Fastify closes those itself.
    if (typeof http.headersTimeout !== 'number') return
    this.#server = http
    // Over TLS the HTTP response is attached to the TLS socket, which 'secureConnection' gives.
    const event = server instanceof TlsServer ? 'secureConnection' : 'connection'
    http.on(event, (socket: TrackedSocket) => {
      this.#sockets.add(socket)
      socket.once('close', () => this.#sockets.delete(socket))
    })
  }

  /**
   * Drains the server within `timeout` ms (see the module comment); returns at once if it never listened.
   * With `refuse` false (Fastify's `return503OnClosing: false`), requests arriving meanwhile are served.
   */
  async drain(timeout: number, log: FastifyBaseLogger, refuse = true): Promise<DrainResult> {
    const server = this.#server
    const result: DrainResult = { dropped: 0, refused: 0 }
    if (server === undefined || (!server.listening && this.#sockets.size === 0)) return result
    // http.Server#close would also close the idle keep-alive connections (Node >= 19); net.Server's only stops
    // accepting. Fastify's own close later finds the server closed, which it expects.
    if (server.listening) NetServer.prototype.close.call(server)
    if (refuse) {
      for (const listener of server.listeners('request')) server.removeListener('request', listener as never)
      server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
        result.refused++
        response.writeHead(503, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(REFUSAL),
          connection: 'close',
        })
        response.end(REFUSAL)
      })
    }
    for (const socket of this.#sockets) {
      const response = socket._httpMessage
      if (response != null && !response.headersSent) response.setHeader('connection', 'close')
    }
    const busy = () => [...this.#sockets].filter(inProgress)
    if (busy().length > 0)
      log.info(`Waiting for ${busy().length} request(s) in progress (at most ${timeout} ms)`)
    const deadline = Date.now() + timeout
    while (busy().length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())))
    }
    result.dropped = busy().length
    for (const socket of this.#sockets) socket.destroy()
    if (result.refused > 0) log.info(`Answered ${result.refused} request(s) 503 while shutting down`)
    if (result.dropped > 0) {
      log.warn(
        `${result.dropped} request(s) still in progress after ${timeout} ms; their connections were closed`,
      )
    }
    return result
  }
}

/** A response is under way on `socket` and not yet handed to the OS in full. */
function inProgress(socket: TrackedSocket): boolean {
  const response = socket._httpMessage
  return response != null && !response.writableFinished
}
