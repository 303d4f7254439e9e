/**
 * The load generator, run in its own process so it does not share an event loop with anything measured:
 * for each scenario in turn, `autocannon` against the server, a warm-up then a measured run; prints one
 * JSON line (`LoadResult[]`, in the order of the scenarios).
 *
 * Usage: tsx http/load.ts '<LoadOptions as JSON>'
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { SCENARIOS, type Scenario } from './scenarios.ts'

export interface LoadOptions {
  /** `http://127.0.0.1:<port>` */
  base: string
  scenarios: string[]
  connections: number
  /** Seconds. */
  duration: number
  /** Seconds of load before the measured run (results discarded). */
  warmup: number
  /** The server's process id, to read its CPU time (Linux `/proc`) around each measured run. */
  serverPid?: number
}

export interface LoadResult {
  requestsPerSecond: number
  latencyP50: number
  latencyP99: number
  /** Responses whose status was not the scenario's, plus connection errors and timeouts. */
  failures: number
  total: number
  /** CPU time (user + system) the server process spent per response, in microseconds (Linux only). */
  cpuPerRequest?: number
}

/** The CPU time a process has used so far, in seconds, from `/proc/<pid>/stat` (undefined elsewhere). */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : undefined
  } catch {
    return undefined
  }
}

/** Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on every Linux platform Node runs on). */
const CLOCK_TICKS = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', stdio: 'pipe' }).trim())
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100
  } catch {
    return 100
  }
})()

async function run(options: LoadOptions, scenario: Scenario, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: options.base + scenario.path,
    method: scenario.method,
    connections: options.connections,
    duration,
    ...(scenario.body === undefined
      ? {}
      : { body: scenario.body, headers: { 'content-type': 'application/json' } }),
  })
}

/** Responses with another status than `status` (autocannon counts them per status code). */
function unexpectedResponses(result: autocannon.Result, status: number): number {
  let count = 0
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (Number(code) !== status) count += stats.count ?? 0
  }
  return count
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '') as LoadOptions
  const results: LoadResult[] = []
  for (const id of options.scenarios) {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)
    if (scenario === undefined) throw new Error(`unknown scenario ${id}`)
    if (options.warmup > 0) await run(options, scenario, options.warmup)
    const cpuBefore = cpuSeconds(options.serverPid)
    const result = await run(options, scenario, options.duration)
    const cpuAfter = cpuSeconds(options.serverPid)
    results.push({
      requestsPerSecond: result.requests.total / result.duration,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      failures: unexpectedResponses(result, scenario.status) + result.errors + result.timeouts,
      total: result.requests.total,
      ...(cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
        ? {}
        : { cpuPerRequest: ((cpuAfter - cpuBefore) * 1e6) / result.requests.total }),
    })
  }
  process.stdout.write(`${JSON.stringify(results)}\n`)
}

await main()
