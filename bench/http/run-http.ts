/**
 * HTTP throughput and server CPU: in each round, each server in turn (the order rotates every round) is started
 * in a fresh process, its answer to every scenario is checked, then the load generator, in another process, runs
 * every scenario against it (a warm-up, then the measured run), one after the other, reading the server
 * process's CPU time (Linux `/proc/<pid>/stat`) around each measured run.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type Child, freePort, median, runJson, start, stop, tsCommand, waitForHttp } from '../lib/proc.ts'
import type { LoadOptions, LoadResult } from './load.ts'
import { SCENARIOS, type Scenario } from './scenarios.ts'

/** BENCH_SCENARIOS=invalid-body,body measures only those scenarios (a quicker comparison). */
const onlyScenarios = process.env.BENCH_SCENARIOS?.split(',')
const MEASURED = SCENARIOS.filter(
  (scenario) => onlyScenarios === undefined || onlyScenarios.includes(scenario.id),
)

export type ServerId = 'fastify' | 'fastbox' | 'hono' | 'fastapi'

export interface ServerDef {
  id: ServerId
  label: string
  command: (port: number) => [string, string[]]
  /** Why the server cannot run here, or undefined when it can. */
  unavailable: () => string | undefined
}

/** Debian's interpreter, where `python3-fastapi` installs (a `python3` earlier on PATH may be another one). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'

export const SERVERS: readonly ServerDef[] = [
  {
    id: 'fastify',
    label: 'plain Fastify',
    command: (port) => tsCommand('http/servers/fastify.ts', [String(port)]),
    unavailable: () => undefined,
  },
  {
    id: 'fastbox',
    label: 'Fastbox',
    command: (port) => tsCommand('http/servers/fastbox.ts', [String(port)]),
    unavailable: () => undefined,
  },
  {
    id: 'hono',
    label: 'Hono zod-openapi',
    command: (port) => tsCommand('http/servers/hono.ts', [String(port)]),
    unavailable: () => undefined,
  },
  {
    id: 'fastapi',
    label: 'FastAPI (uvicorn)',
    command: (port) => [PYTHON, ['http/servers/fastapi_server.py', String(port)]],
    unavailable: () => {
      try {
        execFileSync(PYTHON, ['-c', 'import fastapi, uvicorn'], { stdio: 'pipe' })
        return undefined
      } catch {
        return `${PYTHON} cannot import fastapi and uvicorn (apt-get install -y python3-fastapi python3-uvicorn)`
      }
    },
  },
]

export interface HttpOptions {
  rounds: number
  /** Seconds per measured run. */
  duration: number
  warmup: number
  connections: number
  log: (line: string) => void
}

export interface HttpCell {
  /** Requests per second of each round. */
  rounds: number[]
  requestsPerSecond: number
  /** Server CPU time (user + system) per request of each round, in microseconds (empty where not measured). */
  cpuRounds: number[]
  /** Their median, or undefined when the server's CPU time could not be read (not Linux). */
  cpuPerRequest: number | undefined
  latencyP50: number
  latencyP99: number
  failures: number
}

export interface HttpResults {
  servers: { id: ServerId; label: string }[]
  skipped: { id: ServerId; label: string; reason: string }[]
  scenarios: { id: string; title: string }[]
  /** cells[scenario][server] */
  cells: Record<string, Partial<Record<ServerId, HttpCell>>>
  /** Why server CPU time per request was not measured (no `/proc`), or undefined when it was. */
  cpuUnavailable: string | undefined
  options: Omit<HttpOptions, 'log'>
}

async function checkAnswer(base: string, scenario: Scenario): Promise<void> {
  const response = await fetch(base + scenario.path, {
    method: scenario.method,
    ...(scenario.body === undefined
      ? {}
      : { body: scenario.body, headers: { 'content-type': 'application/json' } }),
  })
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  if (response.status !== scenario.status || !scenario.check(body)) {
    throw new Error(
      `${scenario.method} ${scenario.path}: unexpected ${response.status} ${text.slice(0, 300)}`,
    )
  }
}

async function measureServer(server: ServerDef, options: HttpOptions): Promise<LoadResult[]> {
  const port = await freePort()
  const [command, args] = server.command(port)
  const child: Child = start(command, args)
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/hello`, child)
    for (const scenario of MEASURED) await checkAnswer(base, scenario)
    const load: LoadOptions = {
      base,
      scenarios: MEASURED.map((scenario) => scenario.id),
      connections: options.connections,
      duration: options.duration,
      warmup: options.warmup,
      ...(child.process.pid === undefined ? {} : { serverPid: child.process.pid }),
    }
    const [node, loadArgs] = tsCommand('http/load.ts', [JSON.stringify(load)])
    return await runJson<LoadResult[]>(node, loadArgs)
  } finally {
    await stop(child)
  }
}

export async function runHttp(options: HttpOptions): Promise<HttpResults> {
  const servers: ServerDef[] = []
  const skipped: HttpResults['skipped'] = []
  // BENCH_SERVERS=fastify,fastbox measures only those (a quicker comparison).
  const only = process.env.BENCH_SERVERS?.split(',')
  for (const server of SERVERS) {
    if (only !== undefined && !only.includes(server.id)) continue
    const reason = server.unavailable()
    if (reason === undefined) servers.push(server)
    else {
      skipped.push({ id: server.id, label: server.label, reason })
      options.log(`http: skipping ${server.label}: ${reason}`)
    }
  }
  const raw = new Map<string, LoadResult[]>()
  for (let round = 0; round < options.rounds; round++) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length] as ServerDef)
    for (const server of order) {
      const results = await measureServer(server, options)
      MEASURED.forEach((scenario, i) => {
        const result = results[i]
        if (result === undefined) throw new Error(`no result for ${scenario.id}`)
        const key = `${scenario.id}/${server.id}`
        raw.set(key, [...(raw.get(key) ?? []), result])
      })
      const summary = results.map(
        (result, i) =>
          `${MEASURED[i]?.id} ${Math.round(result.requestsPerSecond)}` +
          (result.cpuPerRequest === undefined ? '' : ` (${result.cpuPerRequest.toFixed(1)} µs)`),
      )
      options.log(
        `http: round ${round + 1}/${options.rounds} ${server.id}: ${summary.join(', ')} req/s (server CPU/request)`,
      )
    }
  }
  const cells: HttpResults['cells'] = {}
  for (const scenario of MEASURED) {
    const row: Partial<Record<ServerId, HttpCell>> = {}
    for (const server of servers) {
      const results = raw.get(`${scenario.id}/${server.id}`) ?? []
      const cpuRounds = results.flatMap((result) =>
        result.cpuPerRequest === undefined ? [] : [result.cpuPerRequest],
      )
      row[server.id] = {
        rounds: results.map((result) => result.requestsPerSecond),
        requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
        cpuRounds,
        cpuPerRequest:
          cpuRounds.length === results.length && cpuRounds.length > 0 ? median(cpuRounds) : undefined,
        latencyP50: median(results.map((result) => result.latencyP50)),
        latencyP99: median(results.map((result) => result.latencyP99)),
        failures: results.reduce((sum, result) => sum + result.failures, 0),
      }
    }
    cells[scenario.id] = row
  }
  const { log: _log, ...rest } = options
  return {
    servers: servers.map(({ id, label }) => ({ id, label })),
    skipped,
    scenarios: MEASURED.map(({ id, title }) => ({ id, title })),
    cells,
    cpuUnavailable: existsSync('/proc/self/stat')
      ? undefined
      : 'server CPU time per request is read from /proc/<pid>/stat, which only Linux has',
    options: rest,
  }
}
