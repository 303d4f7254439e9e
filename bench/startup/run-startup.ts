/**
 * Start-up and memory (Fastbox against plain Fastify, the same schemas), and the OpenAPI document build time.
 * Each sample is a fresh process; variants alternate within each round.
 */
import { spawn } from 'node:child_process'
import { BENCH_DIR, median, runJson, tsCommand } from '../lib/proc.ts'
import type { StartupSample } from './app.ts'
import type { OpenApiSample } from './openapi.ts'
import type { StartupVariant } from './routes.ts'

export const STARTUP_VARIANTS: readonly StartupVariant[] = ['fastify', 'fastbox']

export interface StartupCell {
  /** ms from spawn to the listening line, as the parent saw it (median). */
  spawnToListen: number
  boot: number
  declare: number
  ready: number
  /** Bytes. */
  rss: number
}

export interface StartupResults {
  routes: number[]
  runs: number
  /** cells[routes][variant] */
  cells: Record<number, Record<StartupVariant, StartupCell>>
  openapi: { routes: number; apps: number; times: number[]; median: number; size: number }
}

async function sampleOnce(
  variant: StartupVariant,
  routes: number,
): Promise<StartupSample & { spawn: number }> {
  const [command, args] = tsCommand('startup/app.ts', [variant, String(routes)])
  const started = performance.now()
  const child = spawn(command, args, { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let listening: number | undefined
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (listening === undefined && stdout.includes('\n')) listening = performance.now()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  if (code !== 0 || listening === undefined) throw new Error(`startup ${variant} ${routes}: ${stderr}`)
  const sample = JSON.parse(stdout.split('\n')[0] ?? '') as StartupSample
  return { ...sample, spawn: listening - started }
}

export async function runStartup(options: {
  routes: number[]
  runs: number
  openapiRoutes: number
  openapiApps: number
  log: (line: string) => void
}): Promise<StartupResults> {
  const cells: StartupResults['cells'] = {}
  for (const routes of options.routes) {
    const samples: Record<StartupVariant, (StartupSample & { spawn: number })[]> = {
      fastify: [],
      fastbox: [],
    }
    for (let run = 0; run < options.runs; run++) {
      const order = run % 2 === 0 ? STARTUP_VARIANTS : [...STARTUP_VARIANTS].reverse()
      for (const variant of order) samples[variant].push(await sampleOnce(variant, routes))
    }
    const cell = (variant: StartupVariant): StartupCell => {
      const list = samples[variant]
      return {
        spawnToListen: median(list.map((s) => s.spawn)),
        boot: median(list.map((s) => s.boot)),
        declare: median(list.map((s) => s.declare)),
        ready: median(list.map((s) => s.ready)),
        rss: median(list.map((s) => s.rss)),
      }
    }
    cells[routes] = { fastify: cell('fastify'), fastbox: cell('fastbox') }
    options.log(
      `startup: ${routes} routes: fastify ${Math.round(cells[routes].fastify.spawnToListen)} ms, fastbox ${Math.round(cells[routes].fastbox.spawnToListen)} ms`,
    )
  }
  const [node, args] = tsCommand('startup/openapi.ts', [
    String(options.openapiRoutes),
    String(options.openapiApps),
  ])
  const sample = await runJson<OpenApiSample>(node, args)
  options.log(
    `openapi: ${options.openapiRoutes} routes: ${sample.times.map((t) => t.toFixed(1)).join(', ')} ms`,
  )
  return {
    routes: options.routes,
    runs: options.runs,
    cells,
    openapi: {
      routes: options.openapiRoutes,
      apps: options.openapiApps,
      times: sample.times,
      median: median(sample.times),
      size: sample.size,
    },
  }
}
