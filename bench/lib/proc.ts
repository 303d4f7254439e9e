/** Child processes for the benchmarks: every server and the load generator run in a process of their own. */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `bench/` directory. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `node --import tsx <file>`: how every TypeScript child is started (Fastbox is published as TS source). */
export function tsCommand(file: string, args: readonly string[] = []): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', resolve(BENCH_DIR, file), ...args]]
}

/** A port that was free a moment ago (the OS picks it; the child then listens on it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

export interface Child {
  process: ChildProcess
  /** Everything written to stdout so far. */
  stdout: () => string
  stderr: () => string
}

export function start(command: string, args: readonly string[]): Child {
  const child = spawn(command, args, { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  return { process: child, stdout: () => stdout, stderr: () => stderr }
}

/** Ends a child (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
export async function stop(child: Child): Promise<void> {
  const proc = child.process
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = once(proc, 'exit')
  proc.kill('SIGTERM')
  const timer = setTimeout(() => proc.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Polls `url` until it answers (any status); fails if the child exits or `timeoutMs` passes. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) {
      throw new Error(`server exited with ${child.process.exitCode}: ${child.stderr()}`)
    }
    try {
      await fetch(url)
      return
    } catch {
      await sleep(25)
    }
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms: ${child.stderr()}`)
}

/** Runs a child to its end and parses the last line of its stdout as JSON. */
export async function runJson<T>(command: string, args: readonly string[], timeoutMs = 300_000): Promise<T> {
  const child = start(command, args)
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs)
  const [code] = (await once(child.process, 'exit')) as [number | null]
  clearTimeout(timer)
  const lines = child.stdout().trim().split('\n')
  const last = lines[lines.length - 1]
  if (code !== 0 || last === undefined || last === '') {
    throw new Error(`${args.join(' ')} exited with ${code}: ${child.stderr()}`)
  }
  return JSON.parse(last) as T
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  if (value === undefined) throw new Error('median of an empty list')
  return value
}
