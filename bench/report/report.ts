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
  'Fastbox ratios',
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
  /** A related figure shown beside the judged one, not judged (e.g. the req/s ratio of a CPU target). */
  alongside: string
}

function atLeast(what: string, measured: number | undefined, min: number, alongside = ''): Target {
  if (measured === undefined) {
    return {
      what,
      measured: Number.NaN,
      target: `≥ ${min}x`,
      pass: undefined,
      score: undefined,
      shown: 'n/a',
      alongside,
    }
  }
  return {
    what,
    measured,
    target: `≥ ${min}x`,
    pass: measured >= min,
    score: measured / min,
    shown: x(measured),
    alongside,
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
    alongside: '',
  }
}

export function buildReport(results: BenchResults): Report {
  const { machine, http, startup, types } = results
  const charts: Record<string, string> = {}
  const sections: string[] = []

  sections.push(
    `# Fastbox benchmarks${results.smoke ? ' (SMOKE RUN: one short round, not for comparison)' : ''}`,
    '',
    'Written by `pnpm --filter @fastbox/bench bench` (see `bench/README.md` for the method). Medians over the',
    'rounds; every ratio is above 1 when Fastbox does better.',
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

  // HTTP throughput and server CPU per request
  const servers = http.servers
  const has = (id: ServerId) => servers.some((server) => server.id === id)
  const label = (id: ServerId) => servers.find((server) => server.id === id)?.label ?? id
  const cell = (scenario: string, id: ServerId) => http.cells[scenario]?.[id]
  /** `a`'s median req/s over `b`'s: above 1, `a` answered more requests per second. */
  const rpsRatio = (scenario: string, a: ServerId, b: ServerId) => {
    const mine = cell(scenario, a)?.requestsPerSecond
    const theirs = cell(scenario, b)?.requestsPerSecond
    return mine === undefined || theirs === undefined ? undefined : mine / theirs
  }
  /** `b`'s server CPU µs per request over `a`'s: above 1, `a` spent less CPU on each request. */
  const cpuRatio = (scenario: string, a: ServerId, b: ServerId) => {
    const mine = cell(scenario, a)?.cpuPerRequest
    const theirs = cell(scenario, b)?.cpuPerRequest
    return mine === undefined || theirs === undefined ? undefined : theirs / mine
  }
  const xOrDash = (value: number | undefined) => (value === undefined ? '–' : x(value))
  const us = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} µs`)
  const others = (['fastify', 'hono', 'fastapi'] as const).filter(has)
  sections.push(
    '',
    '## HTTP throughput',
    '',
    `autocannon on 127.0.0.1, ${http.options.connections} connections, ${http.options.rounds} round(s) of ${http.options.duration} s per scenario and server (after ${http.options.warmup} s of warm-up), each server and the load generator in a process of its own. *req/s*: requests per second (median of the rounds); *CPU/req*: the server process's CPU time (user + system, all its threads, from \`/proc/<pid>/stat\` before and after each measured run) divided by the requests it completed in that run, median of the rounds — what the framework costs per request; it counts only the time the server itself ran, though contention for the core and its caches still inflates it (compare the rounds); *p99*: latency.`,
    '',
    table(
      [
        'scenario',
        ...servers.map((server) => `${server.label} req/s`),
        ...servers.map((server) => `${server.label} CPU/req`),
        ...servers.map((server) => `${server.label} p99`),
      ],
      ['---', ...servers.map(() => '---:'), ...servers.map(() => '---:'), ...servers.map(() => '---:')],
      http.scenarios.map((scenario) => [
        scenario.title,
        ...servers.map((server) => {
          const c = cell(scenario.id, server.id)
          return c === undefined
            ? '–'
            : `${int(c.requestsPerSecond)}${c.failures > 0 ? ` (${c.failures} failed)` : ''}`
        }),
        ...servers.map((server) => us(cell(scenario.id, server.id)?.cpuPerRequest)),
        ...servers.map((server) => {
          const c = cell(scenario.id, server.id)
          return c === undefined ? '–' : `${c.latencyP99} ms`
        }),
      ]),
    ),
  )
  if (http.options.rounds > 1) {
    sections.push(
      '',
      'Each round (req/s, then server CPU µs per request): ' +
        http.scenarios
          .map(
            (scenario) =>
              `${scenario.id}: ${servers
                .map((server) => {
                  const c = cell(scenario.id, server.id)
                  const cpu = (c?.cpuRounds ?? []).map((value) => value.toFixed(1)).join('/')
                  return `${server.id} ${(c?.rounds ?? []).map(int).join('/')}${cpu === '' ? '' : ` (${cpu} µs)`}`
                })
                .join(', ')}`,
          )
          .join('; ') +
        '.',
    )
  }
  for (const skipped of http.skipped) sections.push('', `${skipped.label} skipped: ${skipped.reason}.`)
  if (http.cpuUnavailable !== undefined) {
    sections.push('', `Server CPU per request not measured: ${http.cpuUnavailable}.`)
  }
  sections.push('', '![HTTP throughput](throughput.svg)', '', '![Server CPU per request](cpu.svg)')
  charts['throughput.svg'] = barChart({
    title: 'HTTP throughput (requests per second, higher is better)',
    unit: 'req/s',
    series: servers.map((server) => server.label),
    groups: http.scenarios.map((scenario) => ({
      label: scenario.title,
      values: servers.map((server) => cell(scenario.id, server.id)?.requestsPerSecond),
    })),
  })
  charts['cpu.svg'] = barChart({
    title: 'Server CPU time per request (µs, lower is better)',
    unit: 'µs',
    series: servers.map((server) => server.label),
    groups: http.scenarios.map((scenario) => ({
      label: scenario.title,
      values: servers.map((server) => cell(scenario.id, server.id)?.cpuPerRequest),
    })),
  })

  // Fastbox's ratios, both ways, and plain Fastify's own as the ceiling
  const ceilings = (['hono', 'fastapi'] as const).filter((id) => has(id) && has('fastify'))
  sections.push(
    '',
    '## Fastbox ratios',
    '',
    "Two ratios per scenario, each above 1 when Fastbox does better: *req/s* is Fastbox's median requests per second over the other server's; *CPU* (CPU efficiency) is the other server's CPU time per request over Fastbox's. The last columns give plain Fastify's own ratios, the ceiling for a framework built on it.",
    '',
    table(
      [
        'scenario',
        ...others.flatMap((id) => [`Fastbox / ${label(id)} req/s`, `Fastbox / ${label(id)} CPU`]),
        ...ceilings.flatMap((id) => [
          `plain Fastify / ${label(id)} req/s`,
          `plain Fastify / ${label(id)} CPU`,
        ]),
      ],
      ['---', ...others.flatMap(() => ['---:', '---:']), ...ceilings.flatMap(() => ['---:', '---:'])],
      http.scenarios.map((scenario) => [
        scenario.title,
        ...others.flatMap((id) => [
          xOrDash(rpsRatio(scenario.id, 'fastbox', id)),
          xOrDash(cpuRatio(scenario.id, 'fastbox', id)),
        ]),
        ...ceilings.flatMap((id) => [
          xOrDash(rpsRatio(scenario.id, 'fastify', id)),
          xOrDash(cpuRatio(scenario.id, 'fastify', id)),
        ]),
      ]),
    ),
  )

  // Start-up
  const routes = startup.routes
  const sc = (n: number) => startup.cells[n]
  sections.push(
    '',
    '## Start-up',
    '',
    `Apps of N routes (each: a path parameter, 2 query parameters, a 6-field body, responses 200 and 404, schemas of its own), Fastbox against plain Fastify with the same TypeBox schemas; median of ${startup.runs} fresh process(es) each. *spawn → listening*: measured by the parent, from spawning \`node --import tsx\` to the child's line after \`listen()\`; *boot*: Node, tsx and the imports (Fastbox is loaded as TypeScript source); *declare*: registering the routes (Fastbox analyzes and compiles each route here); *ready()*: \`await app.ready()\` (Fastify compiles its schemas here; Fastbox loads @fastify/swagger-ui and checks its routes for the OpenAPI document, which is built on first use).`,
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
    `\`app.openapi()\`, first call after \`ready()\` on each of ${doc.apps} fresh Fastbox app(s) of ${doc.routes} routes in one process (the first app also warms the code up): @fastify/swagger's pass over the routes with Fastbox's \`transform\` and \`transformObject\`, the JSON text, and the parsed copy \`openapi()\` returns.`,
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

  // Targets. Against plain Fastify, judged by CPU efficiency (see the note under the table); against Hono and
  // FastAPI, by req/s as the targets were first stated, with the other ratio beside each.
  const targets: Target[] = []
  for (const scenario of http.scenarios) {
    const title = scenario.title
    targets.push(
      atLeast(
        `${title}: Fastbox / plain Fastify, CPU efficiency`,
        cpuRatio(scenario.id, 'fastbox', 'fastify'),
        0.95,
        `req/s ${xOrDash(rpsRatio(scenario.id, 'fastbox', 'fastify'))}`,
      ),
    )
  }
  for (const id of ['hono', 'fastapi'] as const) {
    if (!has(id)) continue
    const min = id === 'hono' ? 1.2 : 8
    for (const scenario of http.scenarios) {
      targets.push(
        atLeast(
          `${scenario.title}: Fastbox / ${label(id)}, req/s`,
          rpsRatio(scenario.id, 'fastbox', id),
          min,
          `CPU ${xOrDash(cpuRatio(scenario.id, 'fastbox', id))}`,
        ),
      )
    }
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
  const spread = (values: (number | undefined)[], format: (value: number) => string) => {
    const known = values.filter((value): value is number => value !== undefined)
    return known.length === 0 ? 'n/a' : `${format(Math.min(...known))}–${format(Math.max(...known))}`
  }
  const percent = (value: number) => `${Math.round(value * 100)}%`
  const passed = targets.filter((target) => target.pass === true).length
  const judged = targets.filter((target) => target.pass !== undefined).length
  const notes = [
    `${passed} of ${judged} targets met.`,
    '',
    "- \"≥ 0.95x plain Fastify\" is judged by CPU efficiency (plain Fastify's server CPU time per request over Fastbox's), the req/s ratio shown beside it: on a shared 2-core machine the load generator (autocannon, one core of its own) and the neighbours' work decide requests per second as much as the server does, while the CPU time the server spends per request is what the library controls.",
    '- Against Hono zod-openapi and FastAPI the targets stay judged by requests per second, as first stated; the CPU-efficiency ratio is shown beside each.',
  ]
  const gaps = http.scenarios.flatMap((scenario) => {
    const rps = rpsRatio(scenario.id, 'fastbox', 'fastify')
    const cpu = cpuRatio(scenario.id, 'fastbox', 'fastify')
    return rps === undefined || cpu === undefined ? [] : [Math.abs(rps / cpu - 1)]
  })
  if (gaps.length > 0) {
    notes.push(
      `- On this run the two ratios against plain Fastify differ by at most ${`${(Math.max(...gaps) * 100).toFixed(1)}%`} in any scenario: judged by req/s, the results would be the same.`,
    )
  }
  /** The share of one core a server kept busy during the measured runs: req/s × CPU seconds per request. */
  const busy = (id: ServerId) =>
    spread(
      http.scenarios.map((scenario) => {
        const c = cell(scenario.id, id)
        return c?.cpuPerRequest === undefined ? undefined : (c.requestsPerSecond * c.cpuPerRequest) / 1e6
      }),
      percent,
    )
  if (http.cpuUnavailable === undefined) {
    notes.push(
      `- How busy each server was during its measured runs (req/s × CPU per request, in cores, over the scenarios): ${servers.map((server) => `${server.label} ${busy(server.id)}`).join(', ')}. A server well under 100% was not what limited its req/s.`,
    )
  }
  if (has('fastapi') && has('fastify')) {
    const fastapiMisses = targets.filter(
      (target) => target.what.includes(`/ ${label('fastapi')},`) && target.pass === false,
    )
    const ceilingRps = http.scenarios.map((scenario) => rpsRatio(scenario.id, 'fastify', 'fastapi'))
    const underEight = ceilingRps.filter((value) => value !== undefined && value < 8).length
    notes.push(
      `- The ceiling against FastAPI on this run: plain Fastify itself answered ${spread(ceilingRps, x)} FastAPI's requests per second (under 8x in ${underEight} of ${ceilingRps.length} scenarios) and spent ${spread(
        http.scenarios.map((scenario) => cpuRatio(scenario.id, 'fastify', 'fastapi')),
        x,
      )} less CPU per request; FastAPI's single uvicorn process spent ${spread(
        http.scenarios.map((scenario) => cell(scenario.id, 'fastapi')?.cpuPerRequest),
        (value) => `${value.toFixed(0)} µs`,
      )} per request.${fastapiMisses.length > 0 && underEight > 0 ? ' Where plain Fastify is under 8x itself, no framework built on it meets the 8x req/s target against this FastAPI on this machine: the misses say how far the ceiling is, not only how far Fastbox is from it.' : ''}`,
    )
  }
  notes.push(
    '- "Roughly linear" is read as: the instantiations each added route costs over the last interval are at most 1.25x those of the interval before.',
  )
  sections.push(
    '',
    '## Targets',
    '',
    ...notes,
    '',
    table(
      ['target', 'measured', 'goal', 'result', 'shown beside (not judged)'],
      ['---', '---:', '---:', '---', '---:'],
      targets.map((target) => [
        target.what,
        target.shown,
        target.target,
        target.pass === undefined ? 'n/a' : target.pass ? 'PASS' : '**MISS**',
        target.alongside,
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
    .replace(', CPU efficiency', ' (CPU)')
    .replace(', req/s', ' (req/s)')
    .replace('plain Fastify', 'Fastify')
    .replace('Hono zod-openapi', 'Hono')
    .replace('FastAPI (uvicorn)', 'FastAPI')
    .replace('Fastbox / ', '')
  return short.length > 33 ? `${short.slice(0, 32)}…` : short
}
