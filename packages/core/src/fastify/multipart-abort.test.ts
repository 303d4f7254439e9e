/**
 * A client that goes away in the middle of an upload, over a real socket: the file spooled so far is deleted
 * (the route's onRequestAbort hook, and the reader's own cleanup when the stream fails).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createApp, upload } from '../index.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fastbox-abort-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('deletes the part of a file spooled before the client went away', async () => {
  let handled = false
  const app = createApp({ uploadDir: dir, openapiUrl: null }).post(
    '/upload',
    { form: { file: upload() } },
    ({ form }) => {
      handled = true
      return form.file.size
    },
  )
  const origin = new URL(await app.listen({ host: '127.0.0.1', port: 0 }))
  try {
    const socket = connect(Number(origin.port), origin.hostname)
    await new Promise((resolve) => socket.once('connect', resolve))
    const head = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n'
    socket.write(
      'POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=X\r\n' +
        `Content-Length: ${1024 * 1024}\r\n\r\n${head}`,
    )
    socket.write(Buffer.alloc(64 * 1024, 1))
    // The server has started spooling the file...
    await vi.waitFor(async () => expect((await readdir(dir)).length).toBe(1))
    // ...when the client goes away.
    socket.destroy()
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
    expect(handled).toBe(false)
  } finally {
    await app.close()
  }
})
