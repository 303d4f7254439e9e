/**
 * Multipart forms over HTTP (FastAPI's `Form()` and `File()`/`UploadFile` in one `multipart/form-data` body):
 * text fields coerced and validated like urlencoded ones, files as upload objects, limits answered 413,
 * malformed bodies a 400, and no spooled file left once the response is sent.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import multipart from '@fastify/multipart'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, HTTPException, t, type UploadFile, upload } from '../index.ts'

type Injectable = Pick<App, 'inject'>

function form(
  entries: Record<string, string | Blob | [Blob, string] | (string | [Blob, string])[]>,
): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) {
    for (const one of Array.isArray(value) && !(value[0] instanceof Blob) ? value : [value]) {
      if (Array.isArray(one)) data.append(name, one[0] as Blob, one[1] as string)
      else data.append(name, one as string | Blob)
    }
  }
  return data
}

function file(content: string, type = 'text/plain'): Blob {
  return new Blob([content], { type })
}

async function post(app: Injectable, url: string, body: FormData | string, headers?: Record<string, string>) {
  const response = await app.inject({ method: 'POST', url, body, ...(headers && { headers }) })
  return { status: response.statusCode, body: response.json() as unknown }
}

/** A raw multipart body with the boundary `X`. */
function raw(...parts: string[]): string {
  return `${parts.map((part) => `--X\r\n${part}\r\n`).join('')}--X--\r\n`
}
const RAW = { 'content-type': 'multipart/form-data; boundary=X' }

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fastbox-multipart-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Waits until the spooled files are deleted (by the routes' onResponse hooks, once each response has gone out). */
async function expectNoSpooledFile(): Promise<void> {
  await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
}

describe('multipart text fields', () => {
  const app = createApp().post(
    '/login',
    {
      form: {
        username: t.String({ minLength: 2 }),
        age: t.Integer({ minimum: 0 }),
        remember: t.Boolean({ default: false }),
        tags: t.Array(t.String(), { default: [] }),
      },
    },
    ({ form }) => form,
  )

  it('are coerced from text as urlencoded fields are, a repeated field filling a list', async () => {
    const body = form({ username: 'alice', age: '42', remember: 'yes', tags: ['a', 'b'], extra: 'x' })
    expect(await post(app, '/login', body)).toEqual({
      status: 200,
      body: { username: 'alice', age: 42, remember: true, tags: ['a', 'b'] },
    })
  })

  it('report every error under "body", with what the client sent', async () => {
    expect(await post(app, '/login', form({ username: 'a', age: 'old' }))).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_too_short',
            loc: ['body', 'username'],
            msg: 'String should have at least 2 characters',
            input: 'a',
            ctx: { min_length: 2 },
          },
          {
            type: 'int_parsing',
            loc: ['body', 'age'],
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            input: 'old',
          },
        ],
      },
    })
  })

  it('an empty multipart body has every required field missing', async () => {
    const response = await post(app, '/login', '', RAW)
    expect(response.status).toBe(422)
    expect(response.body).toMatchObject({
      detail: [
        { type: 'missing', loc: ['body', 'username'] },
        { type: 'missing', loc: ['body', 'age'] },
      ],
    })
  })
})

describe('files', () => {
  const app = createApp({ uploadDir: dir })
    .post('/one', { form: { file: upload(), note: t.Optional(t.String()) } }, async ({ form }) => ({
      filename: form.file.filename,
      contentType: form.file.contentType,
      size: form.file.size,
      text: await form.file.text(),
      bytes: (await form.file.bytes()).length,
      sha256: await sha256(form.file),
      note: form.note,
    }))
    .post('/many', { form: { files: t.Array(upload()) } }, ({ form }) => ({
      names: form.files.map((one) => one.filename),
      sizes: form.files.map((one) => one.size),
    }))
    .post('/maybe', { form: { file: t.Optional(upload()) } }, ({ form }) => ({
      sent: form.file !== undefined,
      name: form.file?.filename ?? null,
    }))
    .post('/throws', { form: { file: upload() } }, async ({ form }) => {
      await form.file.bytes()
      throw new Error('boom')
    })
    .post('/refuses', { form: { file: upload() } }, () => {
      throw new HTTPException(409, 'Already uploaded')
    })

  it('gives the handler an upload with its name, media type, size and content (stream and whole)', async () => {
    const body = form({ file: [file('<file content>'), 'notes.txt'], note: 'hi' })
    expect(await post(app, '/one', body)).toEqual({
      status: 200,
      body: {
        filename: 'notes.txt',
        contentType: 'text/plain',
        size: 14,
        text: '<file content>',
        bytes: 14,
        sha256: createHash('sha256').update('<file content>').digest('hex'),
        note: 'hi',
      },
    })
  })

  it('takes several files of one field as a list (FastAPI’s request_files tutorial: 200 [14, 15])', async () => {
    const body = form({
      files: [
        [file('<file content>'), 'a.txt'],
        [file('<file content2>'), 'b.txt'],
      ],
    })
    expect(await post(app, '/many', body)).toEqual({
      status: 200,
      body: { names: ['a.txt', 'b.txt'], sizes: [14, 15] },
    })
    const one = form({ files: [file('x'), 'only.txt'] })
    expect(await post(app, '/many', one)).toEqual({ status: 200, body: { names: ['only.txt'], sizes: [1] } })
  })

  it('leaves an optional file out when none is sent, or the browser sends an empty file input', async () => {
    expect(await post(app, '/maybe', form({ other: 'x' }))).toEqual({
      status: 200,
      body: { sent: false, name: null },
    })
    const emptyInput = raw(
      'Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n',
    )
    expect(await post(app, '/maybe', emptyInput, RAW)).toEqual({
      status: 200,
      body: { sent: false, name: null },
    })
    expect(await post(app, '/maybe', form({ file: [file('1'), 'x.bin'] }))).toEqual({
      status: 200,
      body: { sent: true, name: 'x.bin' },
    })
  })

  it('answers a missing file with FastAPI’s 422 missing at ["body", "file"], for every kind of body', async () => {
    const missing = {
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] },
    }
    expect(await post(app, '/one', form({ note: 'no file' }))).toEqual(missing)
    expect(await post(app, '/one', '', RAW)).toEqual(missing)
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' }
    expect(await post(app, '/one', 'file=text', urlencoded)).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'value_error', loc: ['body', 'file'], input: 'text' }] },
    })
    expect((await app.inject({ method: 'POST', url: '/one' })).json()).toEqual(missing.body)
  })

  it('refuses a text field sent under a file’s name, as FastAPI does', async () => {
    expect(await post(app, '/one', form({ file: 'just text' }))).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'file'],
            msg: "Value error, Expected UploadFile, received: <class 'str'>",
            input: 'just text',
            ctx: { error: {} },
          },
        ],
      },
    })
  })

  it('leaves no spooled file behind: after a success, a 422, an HTTPException and a handler that throws', async () => {
    const one = () => form({ file: [file('content'), 'a.txt'] })
    expect((await post(app, '/one', one())).status).toBe(200)
    expect((await post(app, '/many', form({ files: 'not a file' }))).status).toBe(422)
    expect((await post(app, '/refuses', one())).status).toBe(409)
    expect(await post(app, '/throws', one())).toEqual({
      status: 500,
      body: { detail: 'Internal Server Error' },
    })
    await expectNoSpooledFile()
  })
})

describe('limits', () => {
  const app = createApp({ uploadDir: dir, formLimits: { fileSize: 10, files: 2, fields: 2 } })
    .post('/app', { form: { files: t.Array(upload()), a: t.Optional(t.String()) } }, ({ form }) =>
      form.files.map((one) => one.size),
    )
    .post(
      '/field',
      { form: { small: upload({ maxSize: 4 }), large: t.Optional(upload({ maxSize: 100 })) } },
      ({ form }) => ({
        small: form.small.size,
        large: form.large?.size ?? null,
      }),
    )
    .post(
      '/route',
      {
        form: { file: upload(), text: t.Optional(t.String()) },
        formLimits: { fileSize: 1000, parts: 2, fieldSize: 5 },
      },
      ({ form }) => form.file.size,
    )

  it('answers a file over the app’s fileSize with 413 naming the field and the limit', async () => {
    expect(await post(app, '/app', form({ files: [file('12345678901'), 'big.txt'] }))).toEqual({
      status: 413,
      body: { detail: 'The file "files" is larger than the limit of 10 bytes' },
    })
    expect(await post(app, '/app', form({ files: [file('1234567890'), 'ok.txt'] }))).toEqual({
      status: 200,
      body: [10],
    })
  })

  it('answers a file over its own maxSize with 413; a field’s maxSize may exceed the app’s', async () => {
    expect(await post(app, '/field', form({ small: [file('12345'), 's'] }))).toEqual({
      status: 413,
      body: { detail: 'The file "small" is larger than the limit of 4 bytes' },
    })
    const large = 'x'.repeat(100)
    expect(
      await post(app, '/field', form({ small: [file('1234'), 's'], large: [file(large), 'l'] })),
    ).toEqual({
      status: 200,
      body: { small: 4, large: 100 },
    })
    expect(
      await post(app, '/field', form({ small: [file('1234'), 's'], large: [file(`${large}!`), 'l'] })),
    ).toEqual({
      status: 413,
      body: { detail: 'The file "large" is larger than the limit of 100 bytes' },
    })
  })

  it('answers too many files, fields or parts, and a field too long, with 413', async () => {
    const three = form({
      files: [
        [file('1'), 'a'],
        [file('2'), 'b'],
        [file('3'), 'c'],
      ],
    })
    expect(await post(app, '/app', three)).toEqual({
      status: 413,
      body: { detail: 'Too many files in the form: at most 2 are accepted' },
    })
    const fields = form({ a: ['1', '2', '3'], files: [file('1'), 'a'] })
    expect(await post(app, '/app', fields)).toEqual({
      status: 413,
      body: { detail: 'Too many fields in the form: at most 2 are accepted' },
    })
    const parts = form({ file: [file('1'), 'a'], text: 'a', more: 'b' })
    expect(await post(app, '/route', parts)).toEqual({
      status: 413,
      body: { detail: 'Too many parts in the form: at most 2 are accepted' },
    })
    expect(await post(app, '/route', form({ file: [file('1'), 'a'], text: '123456' }))).toEqual({
      status: 413,
      body: { detail: 'The field "text" is larger than the limit of 5 bytes' },
    })
  })

  it('takes a route’s formLimits over the app’s', async () => {
    expect(await post(app, '/route', form({ file: [file('x'.repeat(500)), 'a'] }))).toEqual({
      status: 200,
      body: 500,
    })
  })

  it('leaves no spooled file behind after a 413', async () => {
    await expectNoSpooledFile()
  })
})

describe('malformed multipart bodies', () => {
  const app = createApp({ uploadDir: dir }).post(
    '/upload',
    { form: { file: upload(), note: t.Optional(t.String()) } },
    ({ form }) => form.file.size,
  )
  const cases: [string, string, Record<string, string>][] = [
    [
      'no boundary',
      raw('Content-Disposition: form-data; name="note"\r\n\r\nx'),
      { 'content-type': 'multipart/form-data' },
    ],
    [
      'a body cut short',
      '--X\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
      RAW,
    ],
    ['a part with no headers end', '--X\r\nContent-Disposition: form-data; name="file"', RAW],
    [
      'another boundary',
      raw('Content-Disposition: form-data; name="note"\r\n\r\nx').replaceAll('X', 'Y'),
      RAW,
    ],
  ]

  it.each(cases)('answers %s with a 4xx and a clear detail, never a 500', async (_name, body, headers) => {
    const response = await app.inject({ method: 'POST', url: '/upload', body, headers })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(typeof response.json().detail).not.toBe('undefined')
  })

  it('answers a truncated body with 400 "There was an error parsing the body" and keeps no file', async () => {
    const truncated = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc'
    expect(await post(app, '/upload', truncated, RAW)).toEqual({
      status: 400,
      body: { detail: 'There was an error parsing the body: Unexpected end of multipart data' },
    })
    await expectNoSpooledFile()
  })

  it('answers a field named after a prototype key with 400', async () => {
    const response = await post(
      app,
      '/upload',
      raw('Content-Disposition: form-data; name="__proto__"\r\n\r\nx'),
      RAW,
    )
    expect(response.status).toBe(400)
  })
})

describe('@fastify/multipart registered by the user', () => {
  it('is kept, with its options, when registered before the routes', async () => {
    const app = createApp({ uploadDir: dir })
    await app.fastify.register(multipart, { limits: { files: 1 } })
    app.post('/many', { form: { files: t.Array(upload()) } }, ({ form }) => form.files.length)
    expect(await post(app, '/many', form({ files: [file('1'), 'a'] }))).toEqual({ status: 200, body: 1 })
    const two = form({
      files: [
        [file('1'), 'a'],
        [file('2'), 'b'],
      ],
    })
    expect(await post(app, '/many', two)).toEqual({
      status: 413,
      body: { detail: 'Too many files in the form' },
    })
  })

  it('keeps its file size limit where Fastbox sets none; a field’s maxSize still applies', async () => {
    const app = createApp({ uploadDir: dir })
    await app.fastify.register(multipart, { limits: { fileSize: 5 } })
    app.post(
      '/one',
      { form: { file: upload(), small: t.Optional(upload({ maxSize: 2 })) } },
      ({ form }) => form.file.size,
    )
    expect(await post(app, '/one', form({ file: [file('12345'), 'a'] }))).toEqual({ status: 200, body: 5 })
    expect(await post(app, '/one', form({ file: [file('123456'), 'a'] }))).toEqual({
      status: 413,
      body: { detail: 'The file "file" is larger than the limit' },
    })
    expect(await post(app, '/one', form({ file: [file('1'), 'a'], small: [file('123'), 'b'] }))).toEqual({
      status: 413,
      body: { detail: 'The file "small" is larger than the limit of 2 bytes' },
    })
  })

  it('parses multipart for plain Fastify routes as before', async () => {
    const app = createApp().post('/form', { form: { a: t.String() } }, ({ form }) => form)
    app.fastify.post('/plain', async (request) => {
      const data = await request.file()
      return { name: data?.filename, content: (await data?.toBuffer())?.toString() }
    })
    const response = await app.inject({
      method: 'POST',
      url: '/plain',
      body: form({ f: [file('hey'), 'f.txt'] }),
    })
    expect(response.json()).toEqual({ name: 'f.txt', content: 'hey' })
  })
})

async function sha256(upload: UploadFile): Promise<string> {
  const digest = createHash('sha256')
  for await (const chunk of upload.stream()) digest.update(chunk)
  return digest.digest('hex')
}
