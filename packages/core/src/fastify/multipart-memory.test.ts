/**
 * A large upload streams: a 20 MB file goes to a hash without the server holding it in memory. Measured by
 * bytes held (live heap and buffers after a forced collection, sampled while the body streams in and while
 * the handler reads the file), never by time. A control shows the measure sees a server that buffers the file.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp, upload } from '../index.ts'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const MB = 1024 * 1024
const FILE_SIZE = 20 * MB
/** The most the server may hold over its baseline while a 20 MB file streams through it. */
const BOUND = 4 * MB
const CHUNK = Buffer.alloc(64 * 1024, 'fastbox!')
const BOUNDARY = 'fastbox-memory-test'

/** Bytes held: live JS heap plus buffers, after a full collection. */
function held(): number {
  gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

/** A multipart body with one 20 MB file, made chunk by chunk (the test never holds it whole). */
function body(sample: () => void): Readable {
  async function* parts() {
    yield Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    )
    for (let sent = 0; sent < FILE_SIZE; sent += CHUNK.length) {
      if (sent % MB === 0) sample()
      yield CHUNK
    }
    yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  }
  return Readable.from(parts(), { objectMode: false })
}

function expectedHash(): string {
  const digest = createHash('sha256')
  for (let sent = 0; sent < FILE_SIZE; sent += CHUNK.length) digest.update(CHUNK)
  return digest.digest('hex')
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fastbox-memory-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function measure(
  app: { inject: ReturnType<typeof createApp>['inject']; ready(): PromiseLike<unknown> },
  url: string,
  samples: number[],
) {
  await app.ready()
  const baseline = held()
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body(() => samples.push(held())),
  })
  return { response, peak: Math.max(...samples) - baseline }
}

describe('a 20 MB upload', () => {
  it(`streams to a hash with the server holding less than ${BOUND / MB} MB more`, async () => {
    const samples: number[] = []
    const app = createApp({ uploadDir: dir, openapiUrl: null }).post(
      '/hash',
      { form: { file: upload({ maxSize: 32 * MB }) } },
      async ({ form }) => {
        samples.push(held())
        const digest = createHash('sha256')
        let chunks = 0
        for await (const chunk of form.file.stream()) {
          digest.update(chunk)
          if (++chunks % 16 === 0) samples.push(held())
        }
        return { size: form.file.size, sha256: digest.digest('hex') }
      },
    )
    const { response, peak } = await measure(app, '/hash', samples)
    expect(response.json()).toEqual({ size: FILE_SIZE, sha256: expectedHash() })
    expect(samples.length).toBeGreaterThan(20)
    expect(peak).toBeLessThan(BOUND)
    // Deleted by the route's onResponse hook, which runs once the response has gone out.
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
  })

  it('control: the same measure sees a server that reads the file into memory', async () => {
    const samples: number[] = []
    const app = createApp({ openapiUrl: null })
    await app.fastify.register((await import('@fastify/multipart')).default, {
      limits: { fileSize: 32 * MB },
    })
    app.fastify.post('/buffer', async (request) => {
      const data = await request.file()
      const content = await data?.toBuffer()
      samples.push(held())
      return { size: content?.length }
    })
    const { response, peak } = await measure(app, '/buffer', samples)
    expect(response.json()).toEqual({ size: FILE_SIZE })
    expect(peak).toBeGreaterThan(FILE_SIZE * 0.9)
  })
})
