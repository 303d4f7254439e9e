import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'

const storeDir = fileURLToPath(new URL('..', import.meta.url))
// The `fastbox` command as the store's `start` script runs it (through the workspace link to the package).
const bin = fileURLToPath(new URL('../node_modules/fastbox/bin/fastbox.js', import.meta.url))
let server: ChildProcess | undefined
const dataDir = mkdtempSync(join(tmpdir(), 'store-server-'))

afterEach(async () => {
  if (server !== undefined && server.exitCode === null) {
    server.kill('SIGTERM')
    await once(server, 'exit')
  }
  rmSync(dataDir, { recursive: true, force: true })
})

it('starts the demo store as `pnpm start` does and answers over HTTP', async () => {
  // The store's `start` script's command; PORT=0 picks a free port (the README's command uses the default, 8000),
  // and a fresh data folder stands for a first start.
  server = spawn(process.execPath, [bin, 'run', 'src/app.ts:buildApp', '--host', '127.0.0.1'], {
    cwd: storeDir,
    env: { ...process.env, PORT: '0', STORE_DATA_DIR: dataDir },
  })
  let output = ''
  server.stdout?.setEncoding('utf8')
  const serving = /Fastbox serving \S+ at (http:\/\/[\d.:]+)/
  while (!serving.test(output)) {
    const [chunk] = (await once(server.stdout as NodeJS.ReadableStream, 'data')) as [string]
    output += chunk
  }
  const address = serving.exec(output)?.[1]
  const res = await fetch(`${address}/items/1`)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ id: 1, name: 'Keyboard' })
}, 120_000)
