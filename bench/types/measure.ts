/**
 * Type-check cost of Fastbox against plain Fastify + `@fastify/type-provider-typebox` and Hono +
 * `@hono/zod-openapi`: generates apps of N routes (see `generate.ts`), runs `tsc --extendedDiagnostics -p <dir>`
 * on each and prints a markdown table. N = 0 (the app alone) is measured too: the fixed cost, which the first
 * per-route figure includes. `measureTypes` is what `bench/run.ts` calls.
 *
 * Usage: npx tsx bench/types/measure.ts [--routes 10,100,500] [--runs 1]
 *   --runs: tsc runs per app; the table shows the median check time (the counts do not vary).
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { GENERATED_DIR, generate, VARIANTS, type Variant } from './generate.ts'

export interface Diagnostics {
  instantiations: number
  types: number
  /** Seconds. */
  checkTime: number
  /** Kilobytes. */
  memory: number
}

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback)
}

/** Runs tsc on one generated app; fails on a type error in the generated code itself. */
function runTsc(dir: string): Diagnostics {
  let output: string
  try {
    output = execFileSync(process.execPath, [TSC, '--extendedDiagnostics', '-p', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    // tsc exits non-zero on type errors; the diagnostics are still printed.
    output = String((error as { stdout?: unknown }).stdout ?? '')
    const errors = output.split('\n').filter((line) => line.includes('error TS'))
    const app = relative(process.cwd(), resolve(dir, 'app.ts'))
    const own = errors.filter((line) => line.startsWith(`${app}(`))
    if (own.length > 0 || errors.length === 0) {
      throw new Error(`tsc failed for ${dir}:\n${errors.slice(0, 20).join('\n') || output}`)
    }
    console.warn(`warning: ${errors.length} type error(s) outside the generated app (${dir}):`)
    for (const line of errors.slice(0, 5)) console.warn(`  ${line}`)
  }
  const read = (label: string): number => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)
    if (match?.[1] === undefined) throw new Error(`"${label}" missing from tsc output for ${dir}`)
    return Number(match[1])
  }
  return {
    instantiations: read('Instantiations'),
    types: read('Types'),
    checkTime: read('Check time'),
    memory: read('Memory used'),
  }
}

export function measure(dir: string, runs: number): Diagnostics {
  const results = Array.from({ length: runs }, () => runTsc(dir))
  const times = results.map((result) => result.checkTime).sort((a, b) => a - b)
  const first = results[0]
  if (first === undefined) throw new Error('--runs must be at least 1')
  return { ...first, checkTime: times[Math.floor(times.length / 2)] ?? first.checkTime }
}

const int = (value: number) => Math.round(value).toLocaleString('en-US')

export type TypeResults = Map<number, Record<Variant, Diagnostics>>

/** Measures every variant at N = 0 (unless `withBaseline` is false) and each of `counts`, in that order. */
export function measureTypes(
  counts: readonly number[],
  runs: number,
  log: (line: string) => void = console.error,
  withBaseline = true,
): TypeResults {
  const results: TypeResults = new Map()
  for (const routes of withBaseline ? [0, ...counts] : counts) {
    const dirs = generate(routes, resolve(GENERATED_DIR, `routes-${routes}`))
    const row = {} as Record<Variant, Diagnostics>
    for (const variant of VARIANTS) {
      log(`tsc: ${variant}, ${routes} routes`)
      row[variant] = measure(dirs[variant], runs)
    }
    results.set(routes, row)
  }
  return results
}

/** Instantiations per route added between two measured counts: flat when the cost is linear. */
export function marginal(results: TypeResults, variant: Variant, routes: number, previous: number): number {
  return (
    ((results.get(routes)?.[variant].instantiations ?? 0) -
      (results.get(previous)?.[variant].instantiations ?? 0)) /
    (routes - previous)
  )
}

function main(): void {
  const counts = option('routes', '10,100,500')
    .split(',')
    .map((value) => Number(value.trim()))
  if (counts.some((value) => !Number.isInteger(value) || value <= 0)) {
    throw new Error('--routes takes positive integers, e.g. --routes 10,100,500')
  }
  const runs = Number(option('runs', '1'))
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer')

  const results = measureTypes(counts, runs)
  const lines = [
    '| routes | variant | Instantiations | inst./route (from previous row) | Types | Check time | Memory | /fastify instantiations |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  ]
  let previous = 0
  for (const [routes, row] of results) {
    for (const variant of VARIANTS) {
      const d = row[variant]
      const perRoute = routes === 0 ? '–' : int(marginal(results, variant, routes, previous))
      const ratio =
        variant !== 'fastify' && routes > 0
          ? `${(d.instantiations / row.fastify.instantiations).toFixed(2)}x`
          : ''
      lines.push(
        `| ${routes} | ${variant} | ${int(d.instantiations)} | ${perRoute} | ${int(d.types)} | ${d.checkTime.toFixed(2)} s | ${int(d.memory / 1024)} MB | ${ratio} |`,
      )
    }
    previous = routes
  }
  const [first, last] = [counts[0], counts[counts.length - 1]]
  if (first !== undefined && last !== undefined && last > first) {
    const ratio = marginal(results, 'fastbox', last, first) / marginal(results, 'fastify', last, first)
    lines.push(
      '',
      `Instantiations per route from ${first} to ${last} routes, fastbox/fastify: ${ratio.toFixed(2)}x`,
    )
  }
  console.log(lines.join('\n'))
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) main()
