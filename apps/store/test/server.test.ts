import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'

const storeDir = fileURLToPath(new URL('..', import.meta.url))
let server: ChildProcess | undefined

afterEach(() => {
  server?.kill('SIGTERM')
})

it('starts the demo store as `pnpm start` does and answers over HTTP', async () => {
  // PORT=0 picks a free port; the README's command uses the default, 8000.
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: storeDir,
    env: { ...process.env, PORT: '0' },
  })
  let output = ''
  server.stdout?.setEncoding('utf8')
  while (!/listening on (\S+)/.test(output)) {
    const [chunk] = (await once(server.stdout as NodeJS.ReadableStream, 'data')) as [string]
    output += chunk
  }
  const address = /listening on (\S+)/.exec(output)?.[1]
  const res = await fetch(`${address}/items/1`)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ id: 1, name: 'Keyboard' })
}, 30_000)
