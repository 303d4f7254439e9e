/**
 * Runs every benchmark and writes the report: `pnpm --filter @fastbox/bench bench`.
 *
 * - HTTP throughput (`http/`): plain Fastify, Fastbox, Hono zod-openapi and FastAPI, autocannon on loopback;
 * - start-up, memory and the OpenAPI document build (`startup/`);
 * - type-check cost (`types/`).
 *
 * Writes `results/latest.md`, `results/latest.json` and one SVG chart per table into `results/`.
 * `BENCH_SMOKE=1` (or `bench:smoke`): one short round of everything, written to a temporary folder (or
 * `BENCH_OUT`), never to `results/`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { runHttp } from './http/run-http.ts'
import { BENCH_DIR } from './lib/proc.ts'
import { type BenchResults, buildReport, type Machine } from './report/report.ts'
import { runStartup } from './startup/run-startup.ts'
import { measureTypes } from './types/measure.ts'

const smoke = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke')

const config = smoke
  ? {
      http: { rounds: 1, duration: 1, warmup: 0, connections: 50 },
      startup: { routes: [10, 100], runs: 1, openapiRoutes: 100, openapiApps: 2 },
      types: { counts: [10], runs: 1, withBaseline: false },
    }
  : {
      http: { rounds: 3, duration: 5, warmup: 1, connections: 50 },
      startup: { routes: [10, 100, 1000], runs: 3, openapiRoutes: 1000, openapiApps: 5 },
      types: { counts: [10, 100, 500], runs: 1, withBaseline: true },
    }

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`)

function packageVersion(name: string): string {
  const file = join(BENCH_DIR, 'node_modules', name, 'package.json')
  const root = join(BENCH_DIR, '..', 'node_modules', name, 'package.json')
  const path = existsSync(file) ? file : root
  if (!existsSync(path)) return 'not installed'
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
}

function pythonVersions(): string {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
  try {
    return execFileSync(
      python,
      [
        '-c',
        'import sys, importlib.util as u, fastapi, uvicorn, pydantic; has = lambda m: "yes" if u.find_spec(m) else "no"; print(f"Python {sys.version.split()[0]}, FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__} (uvloop {has(\'uvloop\')}, httptools {has(\'httptools\')}), pydantic {pydantic.VERSION}")',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim()
  } catch {
    return 'not installed'
  }
}

function machine(): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    date: new Date().toISOString(),
    loadBefore: loadavg(),
    loadAfter: [],
    versions: {
      fastify: packageVersion('fastify'),
      '@sinclair/typebox': packageVersion('@sinclair/typebox'),
      hono: packageVersion('hono'),
      '@hono/zod-openapi': packageVersion('@hono/zod-openapi'),
      '@hono/node-server': packageVersion('@hono/node-server'),
      zod: packageVersion('zod'),
      autocannon: packageVersion('autocannon'),
      typescript: packageVersion('typescript'),
      FastAPI: pythonVersions(),
    },
  }
}

function outputDir(): string {
  const dir = process.env.BENCH_OUT
    ? resolve(process.env.BENCH_OUT)
    : smoke
      ? mkdtempSync(join(tmpdir(), 'fastbox-bench-smoke-'))
      : resolve(BENCH_DIR, 'results')
  mkdirSync(dir, { recursive: true })
  return dir
}

async function main(): Promise<void> {
  const out = outputDir()
  const info = machine()
  log(
    `${smoke ? 'smoke run' : 'full run'}: ${info.cpu}, ${info.cores} cores, Node ${info.node}; writing to ${out}`,
  )
  const http = await runHttp({ ...config.http, log })
  const startup = await runStartup({ ...config.startup, log })
  const results = measureTypes(config.types.counts, config.types.runs, log, config.types.withBaseline)
  const all: BenchResults = {
    smoke,
    machine: { ...info, loadAfter: loadavg() },
    http,
    startup,
    types: { ...config.types, results },
  }
  const report = buildReport(all)
  writeFileSync(join(out, 'latest.md'), report.markdown)
  writeFileSync(
    join(out, 'latest.json'),
    `${JSON.stringify({ ...all, types: { ...all.types, results: Object.fromEntries(results) } }, null, 2)}\n`,
  )
  for (const [name, svg] of Object.entries(report.charts)) writeFileSync(join(out, name), svg)
  log(`wrote ${join(out, 'latest.md')} and ${Object.keys(report.charts).length} charts`)
  console.log(out)
}

await main()
