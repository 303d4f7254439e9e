/**
 * The published package as a user gets it: `fastbox` is built and packed (`pnpm pack`, which applies
 * `publishConfig`), the tarball is installed with plain npm into a project outside the workspace together with
 * `fastify`, `@sinclair/typebox` and `typescript` from the registry, a small app (`fixture/app.ts`) is compiled
 * there with plain `tsc` twice (`nodenext`, and `esnext` + `bundler`), and each output is run with plain `node`
 * and checked over real HTTP: typed routes, FastAPI's 422, response filtering, `/openapi.json`, and `/docs` and
 * `/redoc` with every file they load served by the app itself.
 *
 * Needs the npm registry (as `pnpm install` does). Set `FASTBOX_KEEP_CONSUMER=1` to keep the temporary project.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const CORE = join(ROOT, 'packages/core')
/**
 * The budget for the consumer's whole `node_modules` (fastbox, fastify, TypeBox, TypeScript, @types/node), in
 * bytes of the files (`du --apparent-size`): the blocks they take on disk (plain `du`) depend on the file
 * system and are printed too.
 */
const BUDGET_MB = 60
const SETUP_TIMEOUT = 5 * 60_000
const VARIANTS = ['nodenext', 'bundler'] as const
type Variant = (typeof VARIANTS)[number]

const COMPILER_OPTIONS: Record<Variant, Record<string, unknown>> = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
}

const execFileAsync = promisify(execFile)

/** Runs a command, failing with everything it printed. */
async function run(command: string, args: readonly string[], cwd: string, env = cleanEnv()): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout}\n${stderr}`, {
      cause: error,
    })
  }
}

/**
 * The environment without what pnpm and Vitest add for their own children (`npm_config_*` would configure the
 * consumer's npm from the workspace's settings).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || /^(VITEST|NODE_OPTIONS|NODE_ENV|TSX_)/.test(key)) continue
    env[key] = value
  }
  return env
}

/** pnpm as the workspace runs it: the running pnpm when a pnpm script started Vitest, else the pinned one. */
function pnpm(): [string, string[]] {
  const execPath = process.env.npm_execpath
  if (execPath !== undefined && /pnpm/.test(execPath)) return [process.execPath, [execPath]]
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }
  return ['npx', ['--yes', manifest.packageManager]]
}

/** The size of a folder in MB: its files' bytes, or with `onDisk` the blocks they take. */
async function sizeMb(dir: string, onDisk = false): Promise<number> {
  const out = await run('du', ['-sk', ...(onDisk ? [] : ['--apparent-size']), dir], dir)
  return Number(out.split(/\s/)[0]) / 1024
}

interface Server {
  readonly process: ChildProcess
  readonly origin: string
}

/** Starts a compiled app with plain `node` (or a command) and waits for the address it prints. */
async function start(script: string, cwd: string, args: readonly string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  const deadline = Date.now() + 20_000
  for (;;) {
    const match = /listening (?:on|at) (http:\/\/[^\s"]+)/i.exec(output)
    if (match?.[1] !== undefined) return { process: child, origin: match[1] }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill()
      throw new Error(`node ${script} did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

let work = ''
let project = ''
const servers = new Map<Variant, Server>()

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fastbox-consumer-'))
  project = join(work, 'app')
  mkdirSync(project)

  // Build and pack: `prepack` runs tsdown, and pnpm writes `publishConfig` over the manifest.
  const tarball = join(work, 'fastbox.tgz')
  const [command, prefix] = pnpm()
  await run(command, [...prefix, 'pack', '--out', tarball], CORE)
  const packed = await run('tar', ['-xOzf', tarball, 'package/package.json'], work)
  expect(packed).not.toContain('workspace:')
  expect(JSON.parse(packed)).toMatchObject({
    exports: { '.': { types: './dist/index.d.mts', import: './dist/index.mjs' } },
  })

  // Install it with plain npm, with the peers a user adds, from the registry.
  const core = JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>
  }
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'fastbox-consumer', private: true, type: 'module' }, null, 2)}\n`,
  )
  const cache = process.env.HOME ? [] : [`--cache=${join(work, 'npm-cache')}`]
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...cache,
      tarball,
      `fastify@${core.peerDependencies.fastify}`,
      `@sinclair/typebox@${core.peerDependencies['@sinclair/typebox']}`,
      `typescript@${root.devDependencies.typescript}`,
      `@types/node@${root.devDependencies['@types/node']}`,
    ],
    project,
  )

  // The app, compiled by plain tsc under each module setting.
  mkdirSync(join(project, 'src'))
  writeFileSync(join(project, 'src/app.ts'), readFileSync(join(import.meta.dirname, 'fixture/app.ts')))
  for (const variant of VARIANTS) {
    const tsconfig = {
      compilerOptions: {
        ...COMPILER_OPTIONS[variant],
        target: 'es2022',
        lib: ['es2023'],
        types: ['node'],
        strict: true,
        skipLibCheck: false,
        outDir: `out-${variant}`,
        rootDir: 'src',
      },
      include: ['src'],
    }
    writeFileSync(join(project, `tsconfig.${variant}.json`), `${JSON.stringify(tsconfig, null, 2)}\n`)
    await run(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${variant}.json`],
      project,
    )
  }
  for (const variant of VARIANTS) servers.set(variant, await start(`out-${variant}/app.js`, project))
  // A plain JavaScript module exporting an app, for the `fastbox` command.
  writeFileSync(
    join(project, 'served.js'),
    "import { createApp } from 'fastbox'\nexport const app = createApp().get('/ping', () => ({ pong: true }))\n",
  )
}, SETUP_TIMEOUT)

afterAll(async () => {
  // Each app closes gracefully on SIGTERM (the fixture's handler).
  for (const server of servers.values()) {
    if (server.process.exitCode === null) {
      server.process.kill('SIGTERM')
      await once(server.process, 'exit')
    }
  }
  if (work !== '' && process.env.FASTBOX_KEEP_CONSUMER !== '1') rmSync(work, { recursive: true, force: true })
}, SETUP_TIMEOUT)

it(`installs within ${BUDGET_MB} MB, without redoc's dependency tree`, async () => {
  const modules = join(project, 'node_modules')
  const total = await sizeMb(modules)
  const onDisk = await sizeMb(modules, true)
  const parts = await Promise.all(
    ['fastbox', 'fastify', '@sinclair/typebox', '@fastify/swagger-ui', 'typescript', '@types/node'].map(
      async (name) => `${name} ${(await sizeMb(join(modules, name))).toFixed(1)}`,
    ),
  )
  console.log(
    `consumer node_modules: ${total.toFixed(1)} MB of files, ${onDisk.toFixed(1)} MB on disk ` +
      `(budget ${BUDGET_MB} MB of files; MB: ${parts.join(', ')})`,
  )
  expect(total).toBeLessThanOrEqual(BUDGET_MB)
  for (const name of ['redoc', 'react', 'mobx', 'styled-components']) {
    expect(existsSync(join(modules, name)), `${name} is installed`).toBe(false)
  }
  expect(existsSync(join(modules, 'fastbox/src'))).toBe(false)
})

it('serves an exported app with the `fastbox run` command of the package', async () => {
  const bin = join(project, 'node_modules/fastbox/dist/cli.mjs')
  expect(existsSync(join(project, 'node_modules/.bin/fastbox'))).toBe(true)
  const server = await start(bin, project, ['run', 'served.js:app', '--host', '127.0.0.1', '--port', '0'])
  try {
    const res = await fetch(`${server.origin}/ping`)
    expect(await res.json()).toEqual({ pong: true })
  } finally {
    server.process.kill('SIGTERM')
    await once(server.process, 'exit')
  }
})

describe.each(VARIANTS)('compiled with tsc (%s), run with node', (variant) => {
  const origin = () => {
    const server = servers.get(variant)
    if (server === undefined) throw new Error(`the ${variant} app did not start`)
    return server.origin
  }

  it('answers a typed route with path, query and body', async () => {
    const res = await fetch(`${origin()}/shops/7/items?dry_run=yes&tag=a&tag=b`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lamp', price: 9.5 }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ shop: 7, dryRun: true, tags: ['a', 'b'], name: 'Lamp', price: 9.5 })
  })

  it("answers wrong input with FastAPI's 422", async () => {
    const res = await fetch(`${origin()}/shops/0/items?dry_run=maybe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', price: 'free' }),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as {
      detail: { type: string; loc: unknown[]; msg: string; input: unknown }[]
    }
    expect(body.detail.length).toBeGreaterThanOrEqual(4)
    for (const item of body.detail) {
      expect(item).toEqual(
        expect.objectContaining({
          type: expect.any(String),
          loc: expect.any(Array),
          msg: expect.any(String),
        }),
      )
      expect(item).toHaveProperty('input')
    }
    expect(body.detail.map((item) => item.loc)).toEqual(
      expect.arrayContaining([
        ['path', 'shop_id'],
        ['query', 'dry_run'],
        ['body', 'name'],
        ['body', 'price'],
      ]),
    )
    expect(body.detail).toContainEqual(
      expect.objectContaining({ type: 'greater_than_equal', loc: ['path', 'shop_id'], input: '0' }),
    )
  })

  it('filters the response through its schema', async () => {
    const res = await fetch(`${origin()}/users/1`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ id: 1, name: 'Ada' })
    expect(text).not.toContain('hunter2')
    const missing = await fetch(`${origin()}/users/2`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'User not found' })
  })

  it('serves its OpenAPI 3.1 document', async () => {
    const res = await fetch(`${origin()}/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; info: unknown; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toMatchObject({ title: 'Consumer', version: '1.2.3' })
    expect(doc.paths['/shops/{shop_id}/items']).toHaveProperty('post')
    expect(doc.paths['/users/{id}']).toHaveProperty('get')
  })

  it.each(['/docs', '/redoc'])('serves %s and every file it loads itself', async (page) => {
    const pageUrl = new URL(page, origin())
    const res = await fetch(pageUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    const absolute = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map(([url]) => url)
    expect(absolute.filter((url) => new URL(url).host !== pageUrl.host)).toEqual([])
    const references = [...html.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map(
      ([, url]) => new URL((url ?? '').replaceAll('&amp;', '&'), pageUrl),
    )
    expect(references.length).toBeGreaterThanOrEqual(2)
    for (const url of references) {
      expect(url.origin).toBe(pageUrl.origin)
      const asset = await fetch(url)
      expect(asset.status, url.href).toBe(200)
      expect((await asset.arrayBuffer()).byteLength, url.href).toBeGreaterThan(0)
    }
  })
})
