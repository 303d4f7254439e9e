/**
 * The `fastbox` command as a child process serving tests/serving/fixtures/app.ts: its JSON logs, its exit
 * statuses after SIGTERM (0 when everything finished, 3 when a stuck request was cut off at the deadline),
 * `--workers 2` restarting a worker killed with SIGKILL while the other keeps serving, and `fastbox dev`
 * restarting when a file the app imports changes. Outcomes only: no durations are asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { Cli, Connection, FIXTURES, until } from './support.ts'

const running: Cli[] = []
afterEach(() => {
  for (const cli of running.splice(0)) cli.kill()
})

function cli(args: readonly string[], env: Record<string, string> = {}): Cli {
  const started = new Cli(args, env)
  running.push(started)
  return started
}

/** One request on a connection of its own (so `--workers` hands each to a worker in turn). */
async function request(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  const connection = await Connection.open(port)
  const lines = Object.entries({ host: 'x', connection: 'close', 'content-length': '0', ...headers })
  connection.write(
    `${method} ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`,
  )
  const response = await connection.response()
  connection.destroy()
  return response
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('fastbox run', () => {
  it('logs JSON, keeps serving after a floating rejection, drains background tasks on SIGTERM, exits 0', async () => {
    const server = cli(['run', 'app.ts', '--host', '127.0.0.1', '--port', '0'])
    const port = await server.port()

    const boom = await request(port, 'GET', '/boom', { 'x-request-id': 'cli-boom' })
    expect(boom).toMatchObject({ status: 500, body: '{"detail":"Internal Server Error"}' })
    expect(boom?.headers['x-request-id']).toBe('cli-boom')

    expect(await request(port, 'POST', '/floating')).toMatchObject({ status: 200 })
    await server.line(/Unhandled promise rejection/)
    expect(await request(port, 'GET', '/hello')).toMatchObject({ status: 200 })

    expect(await request(port, 'POST', '/task')).toMatchObject({ status: 200 })
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })

    const errors = server.lines.filter((line) => line.level === 50)
    expect(errors).toMatchObject([
      { reqId: 'cli-boom', err: { message: 'kaboom' }, msg: 'Unhandled error in a route' },
      { err: { message: 'floating rejection' } },
    ])
    expect(String((errors[0]?.err as { stack?: string } | undefined)?.stack)).toContain('fixtures/app.ts')
    const messages = server.messages()
    expect(messages.some((message) => /^GET \/hello 200 [\d.]+ ms$/.test(message))).toBe(true)
    // By the times pino stamped, not the order of the output: a request's child logger and the app's logger may
    // reach stdout in either order. The task's line is there at all only because the exit waited for it.
    const at = (message: string) => Number(server.lines.find((line) => line.msg === message)?.time)
    expect(at('background task done')).toBeGreaterThanOrEqual(at('SIGTERM: shutting down'))
    expect(at('Shut down cleanly')).toBeGreaterThanOrEqual(at('background task done'))
  }, 60_000)

  it('on SIGTERM with a stuck request, closes it at the shutdown deadline and exits 3', async () => {
    const server = cli(['run', 'app.ts', '--host', '127.0.0.1', '--port', '0'])
    const port = await server.port()
    const connection = await Connection.open(port)
    connection.get('/hang')
    await server.line(/^hanging$/)
    server.child.kill('SIGTERM')
    // The fixture's shutdownTimeout is 300 ms; the test's timeout is what bounds a hang.
    expect(await server.exited).toEqual({ code: 3, signal: null })
    await connection.closed
    expect(connection.unread).toBe('')
    await server.line(/1 request\(s\) still in progress after 300 ms/)
  }, 60_000)
})

describe('fastbox run --workers 2', () => {
  it('restarts a worker killed with SIGKILL while the other keeps serving, and stops both on SIGTERM', async () => {
    const port = await freePort()
    const server = cli(['run', 'app.ts', '--host', '127.0.0.1', '--port', String(port), '--workers', '2'])
    await server.line(/Fastbox serving at .* with 2 workers/)
    const workers = server.lines
      .filter((line) => /^Server listening/.test(String(line.msg)))
      .map((line) => Number(line.pid))
    expect(new Set(workers).size).toBe(2)
    const [victim, survivor] = workers as [number, number]

    process.kill(victim, 'SIGKILL')
    await server.line(new RegExp(`Worker ${victim} died \\(SIGKILL\\); starting another`))
    // Until the replacement is up, the survivor answers everything.
    for (let i = 0; i < 4; i++) {
      const response = await request(port, 'GET', '/hello')
      expect(response?.status).toBe(200)
      const { pid } = JSON.parse(response?.body ?? '{}') as { pid: number }
      expect(pid === survivor || !workers.includes(pid)).toBe(true)
    }
    await server.line(/is serving again/)
    const pids = new Set<number>()
    for (let i = 0; i < 6; i++) {
      const response = await request(port, 'GET', '/hello')
      expect(response?.status).toBe(200)
      pids.add((JSON.parse(response?.body ?? '{}') as { pid: number }).pid)
    }
    expect(pids.has(victim)).toBe(false)

    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    await server.line(/All workers shut down cleanly/)
  }, 90_000)
})

describe('fastbox dev', () => {
  it('prints the app and docs URLs and restarts when a file the app imports changes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fastbox-dev-'))
    try {
      const fastbox = pathToFileURL(join(FIXTURES, '../../../packages/core/src/index.ts')).href
      writeFileSync(join(folder, 'package.json'), '{"type":"module"}')
      const source = (text: string) =>
        `import { createApp } from '${fastbox}'\nimport { text } from './text.ts'\n` +
        `export const app = createApp().get('/', () => ({ text, v: ${JSON.stringify(text)} }))\n`
      writeFileSync(join(folder, 'text.ts'), `export const text = 'first'\n`)
      writeFileSync(join(folder, 'main.ts'), source('one'))
      const server = new Cli(['dev', join(folder, 'main.ts'), '--port', '0'])
      running.push(server)
      const banner = async (after: number) => {
        await until(() => server.messages().filter((m) => /Fastbox dev server: http/.test(m)).length > after)
        const lines = server.messages().filter((m) => /Fastbox dev server: http/.test(m))
        return Number(/:(\d+)$/.exec(lines[after] ?? '')?.[1])
      }
      const first = await banner(0)
      expect(server.messages()).toContain(`  API docs:    http://127.0.0.1:${first}/docs`)
      expect((await request(first, 'GET', '/'))?.body).toBe('{"text":"first","v":"one"}')

      // A module the entry imports changes: the app restarts with it.
      writeFileSync(join(folder, 'text.ts'), `export const text = 'second'\n`)
      const second = await banner(1)
      expect(server.messages().some((m) => /text.ts changed; restarting/.test(m))).toBe(true)
      expect((await request(second, 'GET', '/'))?.body).toBe('{"text":"second","v":"one"}')

      server.child.kill('SIGINT')
      expect((await server.exited).code).toBe(0)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 90_000)
})
