/**
 * Response kinds written through `app.inject()`: HTML, text, redirects, files (with conditional and range
 * requests) and byte streams; a body that is not what its kind takes is a 500, as any invalid response.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createApp, fileResponse, html, redirect, stream, t, text } from '../index.ts'
import { quoteUrl } from './write-kind.ts'

const folder = mkdtempSync(join(tmpdir(), 'fastbox-files-'))
const report = join(folder, 'report 1.csv')
writeFileSync(report, 'a,b\n1,2\n')
const image = join(folder, 'pixel.png')
writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]))

describe('html() and text()', () => {
  it('sends HTML and text with their content types', async () => {
    const app = createApp()
      .get('/page', { response: html() }, () => '<h1>Look ma! HTML!</h1>')
      .get('/plain', { response: text() }, () => 'Hello World')
      .get('/csv', { response: text('text/csv') }, () => 'a,b')
    const page = await app.inject('/page')
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toBe('<h1>Look ma! HTML!</h1>')
    const plain = await app.inject('/plain')
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(plain.body).toBe('Hello World')
    expect((await app.inject('/csv')).headers['content-type']).toBe('text/csv; charset=utf-8')
  })

  it('answers 500 when the handler returns no string, and logs it', async () => {
    const logs: string[] = []
    const app = createApp({
      fastify: { logger: { level: 'error', stream: { write: (line: string) => logs.push(line) } } },
    }).get('/page', { response: html() }, () => ({ html: 'x' }) as never)
    const res = await app.inject('/page')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ detail: 'Internal Server Error' })
    expect(logs.join('')).toContain('Input should be a valid string')
  })

  it('answers another declared status with respond()', async () => {
    const app = createApp().get(
      '/page/{id}',
      { path: { id: t.Integer() }, response: { 200: html(), 404: html() } },
      ({ path, respond }) => (path.id === 1 ? '<p>one</p>' : respond(404, '<p>missing</p>')),
    )
    const res = await app.inject('/page/2')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toBe('<p>missing</p>')
  })
})

describe('redirect()', () => {
  it('redirects with 307 by default (Starlette), another 3xx when the route says so', async () => {
    const app = createApp()
      .get('/typer', { response: redirect() }, () => 'https://typer.tiangolo.com')
      .get('/pydantic', { status: 302, response: redirect() }, () => new URL('https://docs.pydantic.dev/'))
      .post('/items', { response: { 303: redirect() }, status: 303 }, () => '/items/1')
    const typer = await app.inject('/typer')
    expect(typer.statusCode).toBe(307)
    expect(typer.headers.location).toBe('https://typer.tiangolo.com')
    expect(typer.body).toBe('')
    const pydantic = await app.inject('/pydantic')
    expect(pydantic.statusCode).toBe(302)
    expect(pydantic.headers.location).toBe('https://docs.pydantic.dev/')
    const created = await app.inject({ method: 'POST', url: '/items' })
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe('/items/1')
  })

  it('quotes the target as Starlette does', async () => {
    expect(quoteUrl("https://example.com/a b/ä?q=1&r=[x]#f'()")).toBe(
      "https://example.com/a%20b/%C3%A4?q=1&r=[x]#f'()",
    )
    const app = createApp().get('/go', { response: redirect() }, () => '/wiki/Café au lait')
    expect((await app.inject('/go')).headers.location).toBe('/wiki/Caf%C3%A9%20au%20lait')
  })

  it('refuses a redirect declared for a status that is no redirect', () => {
    expect(() => createApp().get('/x', { status: 200, response: { 200: redirect() } }, () => '/')).toThrow(
      'Route GET /x declares a redirect for status 200; a redirect answers a 3xx status other than 304.',
    )
  })
})

describe('fileResponse()', () => {
  const app = createApp({ logLevel: 'silent' })
    .get('/report', { response: fileResponse() }, () => ({ path: report, filename: 'report 1.csv' }))
    .get('/pixel', { response: fileResponse({ mediaType: 'image/png' }) }, () => image)
    .get('/missing', { response: fileResponse() }, () => join(folder, 'nothing.txt'))

  it('sends the file with its type, length, validators and download name', async () => {
    const res = await app.inject('/report')
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('a,b\n1,2\n')
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-length']).toBe('8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="report 1.csv"')
    expect(res.headers.etag).toMatch(/^W\/"/)
    expect(res.headers['last-modified']).toBeTypeOf('string')
    expect(res.headers['accept-ranges']).toBe('bytes')
  })

  it('uses the declared media type and shows the file inline without a name', async () => {
    const res = await app.inject('/pixel')
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-disposition']).toBeUndefined()
    expect(res.rawPayload).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]))
  })

  it('answers a fresh conditional request 304', async () => {
    const first = await app.inject('/pixel')
    const etag = first.headers.etag as string
    const again = await app.inject({ url: '/pixel', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const modified = await app.inject({
      url: '/pixel',
      headers: { 'if-modified-since': first.headers['last-modified'] as string },
    })
    expect(modified.statusCode).toBe(304)
  })

  it('answers a range 206 and an unsatisfiable one 416', async () => {
    const part = await app.inject({ url: '/pixel', headers: { range: 'bytes=1-3' } })
    expect(part.statusCode).toBe(206)
    expect(part.headers['content-range']).toBe('bytes 1-3/10')
    expect(part.rawPayload).toEqual(Buffer.from([0x50, 0x4e, 0x47]))
    const outside = await app.inject({ url: '/pixel', headers: { range: 'bytes=50-60' } })
    expect(outside.statusCode).toBe(416)
    expect(outside.headers['content-range']).toBe('bytes */10')
  })

  it('answers 500 for a file that does not exist (the handler named it)', async () => {
    const res = await app.inject('/missing')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ detail: 'Internal Server Error' })
  })
})

describe('stream()', () => {
  it('streams an async generator of chunks, a Node stream and a web stream', async () => {
    const app = createApp()
      .get('/video', { response: stream('video/mp4') }, async function* () {
        for (let i = 0; i < 3; i++) yield Buffer.from('some fake video bytes ')
      })
      .get('/node', { response: stream('text/csv') }, () => Readable.from(['a,b\n', '1,2\n']))
      .get(
        '/web',
        { response: stream() },
        () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('web bytes'))
              controller.close()
            },
          }),
      )
    const video = await app.inject('/video')
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(video.body).toBe('some fake video bytes '.repeat(3))
    const node = await app.inject('/node')
    expect(node.headers['content-type']).toBe('text/csv')
    expect(node.body).toBe('a,b\n1,2\n')
    const web = await app.inject('/web')
    expect(web.headers['content-type']).toBe('application/octet-stream')
    expect(web.body).toBe('web bytes')
  })

  it('answers 500 for a body that is no stream', async () => {
    const app = createApp({ logLevel: 'silent' }).get('/x', { response: stream() }, () => 42 as never)
    expect((await app.inject('/x')).statusCode).toBe(500)
  })
})
