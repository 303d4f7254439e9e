/**
 * @module
 * Real-socket helpers for the serving tests: raw HTTP/1.1 over `node:net` (so a test can send half a request,
 * hold a keep-alive connection, or see a connection closed without an answer), log capture, and the CLI as a
 * child process.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import type { App } from '../../packages/core/src/index.ts'

/** The `fastbox` command, run from its source as the workspace's launcher does. */
export const BIN = fileURLToPath(new URL('../../packages/core/bin/fastbox.js', import.meta.url))
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** A parsed HTTP/1.1 response. */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** A client connection that reads responses as they come and knows when the server closed it. */
export class Connection {
  readonly socket: Socket
  readonly closed: Promise<void>
  #buffer = ''
  #waiting: (() => void) | undefined

  private constructor(socket: Socket) {
    this.socket = socket
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk
      this.#waiting?.()
    })
    socket.on('error', () => {})
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()))
    void this.closed.then(() => this.#waiting?.())
  }

  static async open(port: number): Promise<Connection> {
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    return new Connection(socket)
  }

  write(text: string): void {
    this.socket.write(text)
  }

  /** `GET path` on this connection, keep-alive unless `headers` say otherwise. */
  get(path: string, headers: Record<string, string> = {}): void {
    const lines = Object.entries({ host: 'localhost', ...headers }).map(
      ([name, value]) => `${name}: ${value}`,
    )
    this.write(`GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`)
  }

  /** The next complete response, or `undefined` when the server closes the connection first. */
  async response(): Promise<RawResponse | undefined> {
    for (;;) {
      const parsed = takeResponse(this.#buffer)
      if (parsed !== undefined) {
        this.#buffer = parsed.rest
        return parsed.response
      }
      if (this.socket.destroyed || this.socket.readableEnded) return undefined
      await new Promise<void>((resolve) => {
        this.#waiting = resolve
      })
    }
  }

  /** Whatever the server wrote that is not a complete response yet. */
  get unread(): string {
    return this.#buffer
  }

  destroy(): void {
    this.socket.destroy()
  }
}

function takeResponse(buffer: string): { response: RawResponse; rest: string } | undefined {
  const end = buffer.indexOf('\r\n\r\n')
  if (end < 0) return undefined
  const [statusLine, ...lines] = buffer.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const length = Number(headers['content-length'] ?? 0)
  if (buffer.length < end + 4 + length) return undefined
  return {
    response: {
      status: Number(statusLine?.split(' ')[1]),
      headers,
      body: buffer.slice(end + 4, end + 4 + length),
    },
    rest: buffer.slice(end + 4 + length),
  }
}

/** The port of an address `app.listen()` returned. */
export const portOf = (address: string) => Number(new URL(address).port)

/** A log stream for `createApp({ fastify: { logger: { stream } } })` that keeps each JSON line. */
export function logLines() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line))
      callback()
    },
  })
  return { lines, stream }
}

/** Resolves when `check` holds, checking every 10 ms (the test's own timeout bounds the wait). */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10))
}

/** The `fastbox` CLI in a child process, its JSON log lines collected as they come. */
export class Cli {
  readonly child: ChildProcess
  readonly lines: Record<string, unknown>[] = []
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  #stdout = ''
  stderr = ''

  constructor(args: readonly string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      cwd: FIXTURES,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stdout += chunk
      const complete = this.#stdout.split('\n')
      this.#stdout = complete.pop() ?? ''
      for (const line of complete) {
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>)
        } catch {
          this.lines.push({ msg: line })
        }
      }
    })
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk
    })
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    )
  }

  /** The first log line whose message matches, waiting for it (failing if the process exits first). */
  async line(message: RegExp): Promise<Record<string, unknown>> {
    let exited = false
    void this.exited.then(() => {
      exited = true
    })
    for (;;) {
      const found = this.lines.find((line) => message.test(String(line.msg)))
      if (found !== undefined) return found
      if (exited) {
        throw new Error(`exited before logging ${message}:\n${this.messages().join('\n')}\n${this.stderr}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** The port the app serves on, from the CLI's "serving at" line. */
  async port(): Promise<number> {
    const line = await this.line(/Fastbox serving .*at http:\/\//)
    return Number(/at http:\/\/[^:]+:(\d+)/.exec(String(line.msg))?.[1])
  }

  messages(): string[] {
    return this.lines.map((line) => String(line.msg))
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
  }
}

/** Serves each app on a free port of 127.0.0.1 and closes it after the test: `const serve = serveApps()`. */
export function serveApps(): (app: App<unknown>) => Promise<number> {
  const apps: App<unknown>[] = []
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()))
  })
  return async (app) => {
    apps.push(app)
    return portOf(await app.listen({ host: '127.0.0.1', port: 0 }))
  }
}
