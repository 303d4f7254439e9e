/**
 * `fastbox run --workers N` serving the demo store, 1 worker against 2: in each round each setting in turn (the
 * order alternating) is started fresh, warmed up, then loaded by autocannon (its own process) for each request;
 * the server's CPU time is that of its whole process tree (the primary and its workers, from Linux `/proc`).
 * Prints a markdown table; with `--out FILE` also writes it there.
 *
 * The app logs at the CLI's default, `info` (one access line per request, as uvicorn's access log);
 * `--app-log-level warn` measures without them (through `FASTBOX_LOG_LEVEL`, which leaves the CLI's own start
 * lines, which say the workers are ready).
 *
 * Usage: tsx http/run-workers.ts [--rounds 3] [--duration 5] [--out results/workers.md]
 */
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BENCH_DIR, type Child, freePort, median, runJson, stop } from '../lib/proc.ts'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    'app-log-level': { type: 'string', default: 'info' },
    out: { type: 'string' },
  },
})
const rounds = Number(values.rounds)
const duration = Number(values.duration)
const warmup = Number(values.warmup)
const connections = Number(values.connections)

const BIN = resolve(BENCH_DIR, 'node_modules/fastbox/bin/fastbox.js')
const STORE = resolve(BENCH_DIR, '../apps/store/src/app.ts:buildApp')
const AUTOCANNON = resolve(BENCH_DIR, 'node_modules/autocannon/autocannon.js')
const PATHS = ['/items/', '/items/1']
const SETTINGS = [1, 2]

interface Run {
  requestsPerSecond: number
  cpuPerRequest: number | undefined
  latencyP50: number
  latencyP99: number
  failures: number
}

/** The process and its descendants (the cluster's workers), from `/proc/<pid>/stat`'s parent ids. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root]
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid)
  }
  return tree
}

/** A process's CPU time so far (utime + stime of `/proc/<pid>/stat`, 100 ticks a second on Linux). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

function treeCpu(pids: readonly number[]): number | undefined {
  let total = 0
  for (const pid of pids) {
    const seconds = cpuSeconds(pid)
    if (seconds === undefined) return undefined
    total += seconds
  }
  return total
}

async function load(
  url: string,
  seconds: number,
): Promise<{ total: number; rps: number; p50: number; p99: number; bad: number }> {
  const result = await runJson<{
    requests: { total: number; average: number }
    latency: { p50: number; p99: number }
    duration: number
    non2xx: number
    errors: number
    timeouts: number
  }>(process.execPath, [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), url])
  return {
    total: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  }
}

async function measure(workers: number): Promise<Run[]> {
  const port = await freePort()
  // The server's log goes to a file (its access lines would pile up in a pipe); its start line says it is ready.
  const folder = mkdtempSync(join(tmpdir(), 'fastbox-workers-'))
  const logFile = join(folder, 'server.log')
  const out = openSync(logFile, 'w')
  const args = ['run', STORE, '--host', '127.0.0.1', '--port', String(port), '--workers', String(workers)]
  const process_ = spawn(process.execPath, [BIN, ...args], {
    cwd: BENCH_DIR,
    // Each worker its own in-memory store: an embedded database's folder serves one process.
    env: { ...process.env, FASTBOX_LOG_LEVEL: values['app-log-level'], STORE_DATA_DIR: 'memory://' },
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const log = () => readFileSync(logFile, 'utf8')
  const child: Child = { process: process_, stdout: log, stderr: log }
  try {
    const ready = workers === 1 ? /Fastbox serving/ : new RegExp(`with ${workers} workers`)
    const deadline = Date.now() + 60_000
    while (!ready.test(log())) {
      if (process_.exitCode !== null || Date.now() > deadline)
        throw new Error(`fastbox run did not start: ${log()}`)
      await new Promise((done) => setTimeout(done, 50))
    }
    const pids = processTree(child.process.pid as number)
    const runs: Run[] = []
    for (const path of PATHS) {
      const url = `http://127.0.0.1:${port}${path}`
      if (warmup > 0) await load(url, warmup)
      const before = treeCpu(pids)
      const result = await load(url, duration)
      const after = treeCpu(pids)
      runs.push({
        requestsPerSecond: result.rps,
        cpuPerRequest:
          before === undefined || after === undefined ? undefined : ((after - before) * 1e6) / result.total,
        latencyP50: result.p50,
        latencyP99: result.p99,
        failures: result.bad,
      })
    }
    return runs
  } finally {
    await stop(child)
    rmSync(folder, { recursive: true, force: true })
  }
}

const results = new Map<string, Run[]>()
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? SETTINGS : [...SETTINGS].reverse()
  for (const workers of order) {
    const runs = await measure(workers)
    runs.forEach((run, i) => {
      const key = `${PATHS[i]}|${workers}`
      results.set(key, [...(results.get(key) ?? []), run])
    })
    console.error(
      `round ${round + 1}/${rounds}, ${workers} worker(s): ${runs.map((run, i) => `${PATHS[i]} ${Math.round(run.requestsPerSecond)} req/s`).join(', ')}`,
    )
  }
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined ? 'n/a' : value.toFixed(digits))
const load1 = (() => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'n/a'
  }
})()
const lines = [
  '# `fastbox run --workers`: the demo store, 1 worker against 2',
  '',
  `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average after: ${load1}.`,
  `autocannon (its own process) on 127.0.0.1, ${connections} connections, ${rounds} rounds of ${duration} s per request after ${warmup} s of warm-up; medians.`,
  `The app's log level: \`${values['app-log-level']}\`${values['app-log-level'] === 'info' ? ' (the CLI default: one access line per request)' : ''}. CPU/req: CPU time of the primary and its workers over requests completed.`,
  '',
  '| request | workers | req/s | rounds (req/s) | CPU/req (µs) | p50 (ms) | p99 (ms) | failures |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
]
for (const path of PATHS) {
  for (const workers of SETTINGS) {
    const runs = results.get(`${path}|${workers}`) ?? []
    const cpu = runs.flatMap((run) => (run.cpuPerRequest === undefined ? [] : [run.cpuPerRequest]))
    lines.push(
      `| GET ${path} | ${workers} | ${fmt(median(runs.map((run) => run.requestsPerSecond)))} | ${runs.map((run) => fmt(run.requestsPerSecond)).join(', ')} | ${cpu.length === 0 ? 'n/a' : fmt(median(cpu), 1)} | ${fmt(median(runs.map((run) => run.latencyP50)), 1)} | ${fmt(median(runs.map((run) => run.latencyP99)), 1)} | ${runs.reduce((sum, run) => sum + run.failures, 0)} |`,
    )
  }
  const one = median((results.get(`${path}|1`) ?? []).map((run) => run.requestsPerSecond))
  const two = median((results.get(`${path}|2`) ?? []).map((run) => run.requestsPerSecond))
  lines.push(`| GET ${path} | 2 ÷ 1 | ${(two / one).toFixed(2)}x | | | | | |`)
}
const table = `${lines.join('\n')}\n`
process.stdout.write(table)
if (values.out !== undefined) writeFileSync(resolve(BENCH_DIR, values.out), table)
