/**
 * The cost of bad input: a 1 MB body of 500,000 wrong-type items (`{"flags": [2, 2, ...]}` where booleans are
 * declared: neither Pydantic's lax mode nor Fastify's coercion reads 2 as a boolean) sent to Fastbox and to plain Fastify with the same route (`http/servers/bad-input.ts`), each server
 * in a fresh process of its own. Measured per server:
 *
 * - one request at a time: the time to the full answer (the client's clock) and the server's resident memory
 *   growth, its peak (Linux `VmHWM`, reset through `/proc/<pid>/clear_refs` before each request) minus its
 *   resident size just before; medians;
 * - 16 such requests at once: the server's peak resident memory and the time until the last answer;
 * - four clients sending them back to back while a fifth reads `GET /items`: that request's p50 and p99
 *   (and, first, the same without the bad bodies).
 *
 * Prints a markdown table; with `--out FILE` also writes it there. Linux only (memory from `/proc`).
 *
 * Usage: tsx http/bad-input.ts [--requests 10] [--load-seconds 5] [--out results/bad-input.md]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { type Child, freePort, median, start, stop, tsCommand, waitForHttp } from '../lib/proc.ts'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10' },
    'load-seconds': { type: 'string', default: '5' },
    items: { type: 'string', default: '500000' },
    out: { type: 'string' },
  },
})
const requests = Number(values.requests)
const loadSeconds = Number(values['load-seconds'])
const BODY = JSON.stringify({ flags: Array.from({ length: Number(values.items) }, () => 2) })
const KINDS = ['fastify', 'fastbox'] as const
const MiB = 1024 * 1024

interface Result {
  status: number
  /** How many errors the answer lists (Fastify's 400 names one). */
  errors: number
  timeMs: number
  rssDeltaMiB: number
  parallelPeakMiB: number
  parallelDeltaMiB: number
  parallelMs: number
  getP50: number
  getP99: number
  getP50Idle: number
}

/** A `/proc/<pid>/status` field in bytes (`VmRSS`, `VmHWM`). */
function memory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  if (match === null) throw new Error(`no ${field} for ${pid}`)
  return Number(match[1]) * 1024
}

/** Resets the process's peak resident size (`VmHWM`) to its current one. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

async function postBad(base: string): Promise<{ status: number; errors: number }> {
  const response = await fetch(`${base}/flags`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  })
  const answer = (await response.json()) as { detail?: unknown[] }
  return { status: response.status, errors: Array.isArray(answer.detail) ? answer.detail.length : 1 }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN

/** `GET /items` one after another for `seconds`; the latencies, sorted. */
async function readItems(base: string, seconds: number): Promise<number[]> {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    const started = performance.now()
    const response = await fetch(`${base}/items`)
    await response.arrayBuffer()
    latencies.push(performance.now() - started)
  }
  return latencies.sort((a, b) => a - b)
}

async function measure(kind: (typeof KINDS)[number]): Promise<Result> {
  const port = await freePort()
  const [command, args] = tsCommand('http/servers/bad-input.ts', [kind, String(port)])
  const child: Child = start(command, args)
  const pid = child.process.pid as number
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/items`, child)
    let first = await postBad(base)
    for (let warm = 0; warm < 3; warm++) first = await postBad(base)
    const times: number[] = []
    const deltas: number[] = []
    for (let index = 0; index < requests; index++) {
      resetPeak(pid)
      const before = memory(pid, 'VmRSS')
      const started = performance.now()
      await postBad(base)
      times.push(performance.now() - started)
      deltas.push(memory(pid, 'VmHWM') - before)
    }
    resetPeak(pid)
    const before = memory(pid, 'VmRSS')
    const started = performance.now()
    await Promise.all(Array.from({ length: 16 }, () => postBad(base)))
    const parallelMs = performance.now() - started
    const peak = memory(pid, 'VmHWM')
    const idle = await readItems(base, Math.min(2, loadSeconds))
    let running = true
    const senders = Array.from({ length: 4 }, async () => {
      while (running) await postBad(base)
    })
    const loaded = await readItems(base, loadSeconds)
    running = false
    await Promise.all(senders)
    return {
      status: first.status,
      errors: first.errors,
      timeMs: median(times),
      rssDeltaMiB: median(deltas) / MiB,
      parallelPeakMiB: peak / MiB,
      parallelDeltaMiB: (peak - before) / MiB,
      parallelMs,
      getP50: percentile(loaded, 50),
      getP99: percentile(loaded, 99),
      getP50Idle: percentile(idle, 50),
    }
  } finally {
    await stop(child)
  }
}

const results = new Map<string, Result>()
for (const kind of KINDS) results.set(kind, await measure(kind))

const fixed = (value: number, digits = 1) => value.toFixed(digits)
const row = (name: string, r: Result) =>
  `| ${name} | ${r.status} | ${r.errors} | ${fixed(r.timeMs)} | ${fixed(r.rssDeltaMiB)} | ${fixed(r.parallelPeakMiB)} | ${fixed(r.parallelDeltaMiB)} | ${fixed(r.parallelMs, 0)} | ${fixed(r.getP50Idle)} | ${fixed(r.getP50)} | ${fixed(r.getP99)} |`
const fastify = results.get('fastify') as Result
const fastbox = results.get('fastbox') as Result
const lines = [
  '# Bad input: 500,000 wrong-type items in a 1 MB body',
  '',
  `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average after: ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}.`,
  `Body: ${(BODY.length / MiB).toFixed(2)} MiB, \`{"flags": [2, 2, ...]}\` where \`flags\` is \`t.Array(t.Boolean())\`. ${requests} requests one at a time (medians), then 16 at once, then four clients sending it back to back for ${loadSeconds} s while a fifth reads \`GET /items\`.`,
  '',
  '| server | status | errors listed | time (ms) | RSS growth (MiB) | 16 at once: peak RSS (MiB) | 16 at once: growth (MiB) | 16 at once: time (ms) | `GET /items` p50, idle (ms) | p50 under bad bodies (ms) | p99 under bad bodies (ms) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  row('plain Fastify', fastify),
  row('Fastbox', fastbox),
  `| Fastbox ÷ Fastify | | | ${fixed(fastbox.timeMs / fastify.timeMs, 2)}x | ${fixed(fastbox.rssDeltaMiB / Math.max(fastify.rssDeltaMiB, 0.1), 2)}x | ${fixed(fastbox.parallelPeakMiB / fastify.parallelPeakMiB, 2)}x | | ${fixed(fastbox.parallelMs / fastify.parallelMs, 2)}x | | ${fixed(fastbox.getP50 / fastify.getP50, 2)}x | |`,
  '',
]
const text = lines.join('\n')
console.log(text)
if (values.out !== undefined) writeFileSync(values.out, text)
