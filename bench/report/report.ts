/** Turns the measurements into `latest.md` (tables, ratios, targets) and one SVG chart per table. */
import type { HttpResults, ServerId } from '../http/run-http.ts'
import type { StartupResults } from '../startup/run-startup.ts'
import { VARIANTS } from '../types/generate.ts'
import { marginal, type TypeResults } from '../types/measure.ts'
import { barChart } from './svg.ts'

export interface Machine {
  cpu: string
  cores: number
  memory: string
  node: string
  date: string
  loadBefore: number[]
  loadAfter: number[]
  versions: Record<string, string>
}

export interface BenchResults {
  smoke: boolean
  machine: Machine
  http: HttpResults
  startup: StartupResults
  types: { counts: number[]; runs: number; results: TypeResults }
}

export interface Report {
  markdown: string
  /** File name (`throughput.svg`, ...) to SVG text. */
  charts: Record<string, string>
}

/** The tables `latest.md` always has, by their heading (the smoke test checks each). */
export const TABLE_HEADINGS = [
  'Machine',
  'HTTP throughput',
  'Start-up',
  'Memory',
  'OpenAPI document',
  'Type-check cost',
  'Targets',
] as const

const int = (value: number) => Math.round(value).toLocaleString('en-US')
const ms = (value: number) => `${value >= 100 ? int(value) : value.toFixed(1)} ms`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const x = (value: number) => `${value.toFixed(2)}x`

function table(header: string[], align: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

interface Target {
  what: string
  measured: number
  target: string
  pass: boolean | undefined
  /** Measured against the target, so that ≥ 1 passes (for the chart). */
  score: number | undefined
  shown: string
}

function atLeast(what: string, measured: number | undefined, min: number): Target {
  if (measured === undefined) {
    return {
      what,
      measured: Number.NaN,
      target: `≥ ${min}x`,
      pass: undefined,
      score: undefined,
      shown: 'n/a',
    }
  }
  return {
    what,
    measured,
    target: `≥ ${min}x`,
    pass: measured >= min,
    score: measured / min,
    shown: x(measured),
  }
}

function atMost(what: string, measured: number, max: number, unit: 'x' | 'ms', strict = false): Target {
  const pass = strict ? measured < max : measured <= max
  const sign = strict ? '<' : '≤'
  return {
    what,
    measured,
    target: unit === 'x' ? `${sign} ${max}x` : `${sign} ${max} ms`,
    pass,
    score: max / measured,
    shown: unit === 'x' ? x(measured) : ms(measured),
  }
}

export function buildReport(results: BenchResults): Report {
  const { machine, http, startup, types } = results
  const charts: Record<string, string> = {}
  const sections: string[] = []
  const depsPending = http.fastboxDeps !== 'dependency'
  const scenarioTitle = (id: string, title: string) =>
    id === 'deps' && depsPending ? `${title} (dependency API pending: two function calls)` : title

  sections.push(
    `# Fastbox benchmarks${results.smoke ? ' (SMOKE RUN: one short round, not for comparison)' : ''}`,
    '',
    'Written by `pnpm --filter @fastbox/bench bench` (see `bench/README.md` for the method). Ratios are Fastbox',
    "divided by the other server's figure; medians over the rounds.",
    '',
    '## Machine',
    '',
    table(
      ['what', 'value'],
      ['---', '---'],
      [
        ['CPU', machine.cpu],
        ['cores', String(machine.cores)],
        ['memory', machine.memory],
        ['Node', machine.node],
        ['date', machine.date],
        [
          'load average before / after (1 min)',
          `${machine.loadBefore[0]?.toFixed(2)} / ${machine.loadAfter[0]?.toFixed(2)}`,
        ],
        ...Object.entries(machine.versions).map(([name, version]) => [name, version]),
      ],
    ),
  )

  // HTTP throughput
  const servers = http.servers
  const has = (id: ServerId) => servers.some((server) => server.id === id)
  const cell = (scenario: string, id: ServerId) => http.cells[scenario]?.[id]
  const ratio = (scenario: string, other: ServerId) => {
    const mine = cell(scenario, 'fastbox')?.requestsPerSecond
    const theirs = cell(scenario, other)?.requestsPerSecond
    return mine === undefined || theirs === undefined ? undefined : mine / theirs
  }
  const others = (['fastify', 'hono', 'fastapi'] as const).filter(has)
  sections.push(
    '',
    '## HTTP throughput',
    '',
    `autocannon on 127.0.0.1, ${http.options.connections} connections, ${http.options.rounds} round(s) of ${http.options.duration} s per scenario and server (after ${http.options.warmup} s of warm-up), each server and the load generator in a process of its own; requests per second (median of the rounds), and p99 latency.`,
    '',
    table(
      [
        'scenario',
        ...servers.map((server) => `${server.label} req/s`),
        ...servers.map((server) => `${server.label} p99`),
        ...others.map((id) => `Fastbox / ${servers.find((server) => server.id === id)?.label}`),
      ],
      ['---', ...servers.map(() => '---:'), ...servers.map(() => '---:'), ...others.map(() => '---:')],
      http.scenarios.map((scenario) => [
        scenarioTitle(scenario.id, scenario.title),
        ...servers.map((server) => {
          const c = cell(scenario.id, server.id)
          return c === undefined
            ? '–'
            : `${int(c.requestsPerSecond)}${c.failures > 0 ? ` (${c.failures} failed)` : ''}`
        }),
        ...servers.map((server) => {
          const c = cell(scenario.id, server.id)
          return c === undefined ? '–' : `${c.latencyP99} ms`
        }),
        ...others.map((id) => {
          const r = ratio(scenario.id, id)
          return r === undefined ? '–' : x(r)
        }),
      ]),
    ),
  )
  if (http.options.rounds > 1) {
    sections.push(
      '',
      'Each round (req/s): ' +
        http.scenarios
          .map(
            (scenario) =>
              `${scenario.id}: ${servers
                .map(
                  (server) =>
                    `${server.id} ${(cell(scenario.id, server.id)?.rounds ?? []).map(int).join('/')}`,
                )
                .join(', ')}`,
          )
          .join('; ') +
        '.',
    )
  }
  for (const skipped of http.skipped) sections.push('', `${skipped.label} skipped: ${skipped.reason}.`)
  sections.push('', '![HTTP throughput](throughput.svg)')
  charts['throughput.svg'] = barChart({
    title: 'HTTP throughput (requests per second, higher is better)',
    unit: 'req/s',
    series: servers.map((server) => server.label),
    groups: http.scenarios.map((scenario) => ({
      label: scenario.id === 'deps' && depsPending ? `${scenario.title} *` : scenario.title,
      values: servers.map((server) => cell(scenario.id, server.id)?.requestsPerSecond),
    })),
  })

  // Start-up
  const routes = startup.routes
  const sc = (n: number) => startup.cells[n]
  sections.push(
    '',
    '## Start-up',
    '',
    `Apps of N routes (each: a path parameter, 2 query parameters, a 6-field body, responses 200 and 404, schemas of its own), Fastbox against plain Fastify with the same TypeBox schemas; median of ${startup.runs} fresh process(es) each. *spawn → listening*: measured by the parent, from spawning \`node --import tsx\` to the child's line after \`listen()\`; *boot*: Node, tsx and the imports (Fastbox is loaded as TypeScript source); *declare*: registering the routes (Fastbox analyzes and compiles each route here); *ready()*: \`await app.ready()\` (Fastify compiles its schemas here; Fastbox also builds its OpenAPI document).`,
    '',
    table(
      [
        'routes',
        'variant',
        'spawn → listening',
        'boot',
        'declare',
        'ready()',
        'declare + ready()',
        'Fastbox / Fastify (spawn → listening)',
        'Fastbox / Fastify (declare + ready)',
      ],
      ['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
      routes.flatMap((n) => {
        const c = sc(n)
        if (c === undefined) return []
        return (['fastify', 'fastbox'] as const).map((variant) => {
          const v = c[variant]
          return [
            String(n),
            variant,
            ms(v.spawnToListen),
            ms(v.boot),
            ms(v.declare),
            ms(v.ready),
            ms(v.declare + v.ready),
            variant === 'fastbox' ? x(v.spawnToListen / c.fastify.spawnToListen) : '',
            variant === 'fastbox' ? x((v.declare + v.ready) / (c.fastify.declare + c.fastify.ready)) : '',
          ]
        })
      }),
    ),
    '',
    '![Start-up](startup.svg)',
  )
  charts['startup.svg'] = barChart({
    title: 'Start-up: spawn to listening (ms, lower is better)',
    unit: 'ms',
    series: ['plain Fastify', 'Fastbox'],
    groups: routes.map((n) => ({
      label: `${n} routes`,
      values: [sc(n)?.fastify.spawnToListen, sc(n)?.fastbox.spawnToListen],
    })),
  })

  sections.push(
    '',
    '## Memory',
    '',
    'Resident set size (`process.memoryUsage().rss`) right after `ready()`, no forced garbage collection; median of the same processes.',
    '',
    table(
      ['routes', 'plain Fastify', 'Fastbox', 'Fastbox / Fastify'],
      ['---:', '---:', '---:', '---:'],
      routes.flatMap((n) => {
        const c = sc(n)
        return c === undefined
          ? []
          : [[String(n), mb(c.fastify.rss), mb(c.fastbox.rss), x(c.fastbox.rss / c.fastify.rss)]]
      }),
    ),
    '',
    '![Memory](memory.svg)',
  )
  charts['memory.svg'] = barChart({
    title: 'Resident memory after ready() (MB, lower is better)',
    unit: 'MB',
    series: ['plain Fastify', 'Fastbox'],
    groups: routes.map((n) => ({
      label: `${n} routes`,
      values: [(sc(n)?.fastify.rss ?? 0) / 1048576, (sc(n)?.fastbox.rss ?? 0) / 1048576],
    })),
  })

  const doc = startup.openapi
  sections.push(
    '',
    '## OpenAPI document',
    '',
    `\`app.openapi()\`, first call on each of ${doc.apps} fresh Fastbox app(s) of ${doc.routes} routes in one process (the first app also warms the code up).`,
    '',
    table(
      ['routes', 'median', 'each app', 'document size'],
      ['---:', '---:', '---', '---:'],
      [
        [
          String(doc.routes),
          ms(doc.median),
          doc.times.map(ms).join(', '),
          `${(doc.size / 1024).toFixed(0)} KiB`,
        ],
      ],
    ),
    '',
    '![OpenAPI document](openapi.svg)',
  )
  charts['openapi.svg'] = barChart({
    title: `OpenAPI document build, ${doc.routes} routes (ms per fresh app, lower is better)`,
    unit: 'ms',
    series: ['Fastbox app.openapi()'],
    groups: doc.times.map((time, i) => ({ label: `app ${i + 1}`, values: [time] })),
    reference: { value: 200, label: 'target 200 ms' },
  })

  // Type-check cost
  const tr = types.results
  const counts = [...tr.keys()]
  const typeRows: string[][] = []
  counts.forEach((n, i) => {
    const row = tr.get(n)
    if (row === undefined) return
    for (const variant of VARIANTS) {
      const d = row[variant]
      const previous = counts[i - 1]
      typeRows.push([
        String(n),
        variant,
        int(d.instantiations),
        previous === undefined ? '–' : int(marginal(tr, variant, n, previous)),
        int(d.types),
        `${d.checkTime.toFixed(2)} s`,
        `${int(d.memory / 1024)} MB`,
        variant !== 'fastify' && n > 0 ? x(d.instantiations / row.fastify.instantiations) : '',
      ])
    }
  })
  sections.push(
    '',
    '## Type-check cost',
    '',
    '`tsc --extendedDiagnostics` on generated apps (`bench/types`): one chained app of N routes each, the same route shape as above; Fastbox, plain Fastify with `@fastify/type-provider-typebox`, and Hono with `@hono/zod-openapi` (`createRoute` + `app.openapi(route, handler)` chained, Zod schemas). Instantiation and type counts are deterministic; check time depends on the load.',
    '',
    table(
      [
        'routes',
        'variant',
        'Instantiations',
        'inst./route (from previous row)',
        'Types',
        'Check time',
        'Memory',
        '/ plain Fastify instantiations',
      ],
      ['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:'],
      typeRows,
    ),
    '',
    '![Type-check cost](typecheck.svg)',
  )
  charts['typecheck.svg'] = barChart({
    title: 'Type-check cost: instantiations (thousands, lower is better)',
    unit: 'k',
    series: [...VARIANTS],
    groups: types.counts.map((n) => ({
      label: `${n} routes`,
      values: VARIANTS.map((variant) => (tr.get(n)?.[variant].instantiations ?? 0) / 1000),
    })),
  })

  // Targets
  const targets: Target[] = []
  for (const scenario of http.scenarios) {
    const title = scenarioTitle(scenario.id, scenario.title)
    targets.push(
      atLeast(`throughput, ${title}: Fastbox / plain Fastify`, ratio(scenario.id, 'fastify'), 0.95),
    )
  }
  for (const scenario of http.scenarios) {
    if (!has('hono')) continue
    targets.push(
      atLeast(
        `throughput, ${scenarioTitle(scenario.id, scenario.title)}: Fastbox / Hono zod-openapi`,
        ratio(scenario.id, 'hono'),
        1.2,
      ),
    )
  }
  for (const scenario of http.scenarios) {
    if (!has('fastapi')) continue
    targets.push(
      atLeast(
        `throughput, ${scenarioTitle(scenario.id, scenario.title)}: Fastbox / FastAPI`,
        ratio(scenario.id, 'fastapi'),
        8,
      ),
    )
  }
  const biggest = routes[routes.length - 1]
  const big = biggest === undefined ? undefined : sc(biggest)
  if (biggest !== undefined && big !== undefined) {
    targets.push(
      atMost(
        `start-up, ${biggest} routes (spawn → listening): Fastbox / plain Fastify`,
        big.fastbox.spawnToListen / big.fastify.spawnToListen,
        2,
        'x',
      ),
    )
  }
  targets.push(atMost(`OpenAPI document, ${doc.routes} routes (median)`, doc.median, 200, 'ms', true))
  const lastCount = types.counts[types.counts.length - 1]
  const lastRow = lastCount === undefined ? undefined : tr.get(lastCount)
  if (lastCount !== undefined && lastRow !== undefined) {
    targets.push(
      atMost(
        `type-check, ${lastCount} routes: Fastbox / plain Fastify instantiations`,
        lastRow.fastbox.instantiations / lastRow.fastify.instantiations,
        1.5,
        'x',
      ),
    )
  }
  if (counts.length >= 3) {
    const [, a, b] = counts.slice(-3)
    const [first] = counts.slice(-3)
    if (first !== undefined && a !== undefined && b !== undefined) {
      const growth = marginal(tr, 'fastbox', b, a) / marginal(tr, 'fastbox', a, first)
      targets.push(
        atMost(`type-check linearity: Fastbox inst./route ${a}→${b} over ${first}→${a}`, growth, 1.25, 'x'),
      )
    }
  }
  const passed = targets.filter((target) => target.pass === true).length
  const judged = targets.filter((target) => target.pass !== undefined).length
  sections.push(
    '',
    '## Targets',
    '',
    `${passed} of ${judged} targets met. "Roughly linear" is read as: the instantiations each added route costs over the last interval are at most 1.25x those of the interval before.`,
    '',
    table(
      ['target', 'measured', 'goal', 'result'],
      ['---', '---:', '---:', '---'],
      targets.map((target) => [
        target.what,
        target.shown,
        target.target,
        target.pass === undefined ? 'n/a' : target.pass ? 'PASS' : '**MISS**',
      ]),
    ),
    '',
    '![Targets](targets.svg)',
  )
  charts['targets.svg'] = barChart({
    title: 'Targets: measured against goal (1.0 = just met, higher is better)',
    unit: '',
    series: ['measured / goal'],
    groups: targets
      .filter((target) => target.score !== undefined)
      .map((target) => ({ label: shorten(target.what), values: [target.score] })),
    reference: { value: 1, label: 'goal' },
    format: (value) => `${value.toFixed(2)}x`,
  })
  return { markdown: `${sections.join('\n')}\n`, charts }
}

/** Chart labels must fit in the label column. */
function shorten(text: string): string {
  const short = text
    .replace(' (dependency API pending: two function calls)', '*')
    .replace('throughput, ', '')
    .replace('plain Fastify', 'Fastify')
    .replace('Hono zod-openapi', 'Hono')
    .replace('Fastbox / ', '')
  return short.length > 33 ? `${short.slice(0, 32)}…` : short
}
