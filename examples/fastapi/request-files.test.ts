/**
 * FastAPI's tests/test_tutorial/test_request_files/ (fastapi/fastapi at
 * c3f316b7e814667e8ee81e03a7330d00ee61e45c: test_tutorial001.py, test_tutorial001_02.py,
 * test_tutorial001_03.py, test_tutorial002.py, test_tutorial003.py), ported to `app.inject()`.
 *
 * Differences from FastAPI, on purpose:
 * - a JSON body sent to a form route is `415` (Fastbox tells the client which media types the route reads);
 *   FastAPI reads it as an empty form and answers `422 missing`;
 * - the form's schema is inlined in the request body (FastAPI names it `Body_<operationId>` in components),
 *   files have an `encoding`, and operationIds are Fastbox's (the handler's name, `createFile`).
 */
import { describe, expect, it } from 'vitest'
import { expectValid } from '../../packages/core/src/openapi/test-support.ts'
import { tutorial001, tutorial001_02, tutorial001_03, tutorial002, tutorial003 } from './request-files.ts'

type Injectable = Pick<typeof tutorial001, 'inject'>

function files(...entries: [name: string, content: string, filename: string][]): FormData {
  const data = new FormData()
  for (const [name, content, filename] of entries) data.append(name, new Blob([content]), filename)
  return data
}

async function post(app: Injectable, url: string, body?: FormData | Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url, ...(body !== undefined && { body }) })
  return { status: response.statusCode, body: response.json() as unknown }
}

const missing = (field: string) => ({
  status: 422,
  body: { detail: [{ type: 'missing', loc: ['body', field], msg: 'Field required', input: null }] },
})

const FILE = { type: 'string', contentMediaType: 'application/octet-stream' }
const ENCODING = { contentType: 'application/octet-stream' }

describe('test_tutorial001 (tutorial001, tutorial001_03)', () => {
  for (const [name, app] of [
    ['tutorial001', tutorial001],
    ['tutorial001_03', tutorial001_03],
  ] as const) {
    describe(name, () => {
      it('test_post_form_no_body', async () => {
        expect(await post(app, '/files/')).toEqual(missing('file'))
      })

      it('test_post_body_json: 415 here (FastAPI: 422 missing)', async () => {
        expect((await post(app, '/files/', { file: 'Foo' })).status).toBe(415)
      })

      it('test_post_file', async () => {
        expect(await post(app, '/files/', files(['file', '<file content>', 'test.txt']))).toEqual({
          status: 200,
          body: { file_size: 14 },
        })
      })

      it('test_post_large_file', async () => {
        const size = 2 ** 16 + 1
        expect(await post(app, '/files/', files(['file', 'x'.repeat(size), 'test.txt']))).toEqual({
          status: 200,
          body: { file_size: size },
        })
      })

      it('test_post_upload_file', async () => {
        expect(await post(app, '/uploadfile/', files(['file', '<file content>', 'test.txt']))).toEqual({
          status: 200,
          body: { filename: 'test.txt' },
        })
      })
    })
  }

  it('test_openapi_schema: multipart/form-data bodies with a required file', async () => {
    await tutorial001.ready()
    const doc = tutorial001.openapi()
    expect(doc.paths['/files/']?.post?.requestBody).toEqual({
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: FILE }, required: ['file'] },
          encoding: { file: ENCODING },
        },
      },
      required: true,
    })
    expect(doc.paths['/uploadfile/']?.post?.summary).toBe('Create Upload File')
    await expectValid(doc)
  })

  it('test_openapi_schema (tutorial001_03): the files’ descriptions', async () => {
    await tutorial001_03.ready()
    const doc = tutorial001_03.openapi()
    const schema = (path: string) =>
      doc.paths[path]?.post?.requestBody?.content['multipart/form-data']?.schema
    expect(schema('/files/')).toEqual({
      type: 'object',
      properties: { file: { description: 'A file read as bytes', ...FILE } },
      required: ['file'],
    })
    expect(schema('/uploadfile/')).toMatchObject({
      properties: { file: { description: 'A file read as UploadFile' } },
    })
  })
})

describe('test_tutorial001_02', () => {
  const app = tutorial001_02

  it('test_post_form_no_body', async () => {
    expect(await post(app, '/files/')).toEqual({ status: 200, body: { message: 'No file sent' } })
  })

  it('test_post_uploadfile_no_body', async () => {
    expect(await post(app, '/uploadfile/')).toEqual({ status: 200, body: { message: 'No upload file sent' } })
  })

  it('test_post_file', async () => {
    expect(await post(app, '/files/', files(['file', '<file content>', 'test.txt']))).toEqual({
      status: 200,
      body: { file_size: 14 },
    })
  })

  it('test_post_upload_file', async () => {
    expect(await post(app, '/uploadfile/', files(['file', '<file content>', 'test.txt']))).toEqual({
      status: 200,
      body: { filename: 'test.txt' },
    })
  })

  it('test_openapi_schema: an optional file, the body not required', async () => {
    await app.ready()
    const body = app.openapi().paths['/files/']?.post?.requestBody
    expect(body).toEqual({
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: FILE } },
          encoding: { file: ENCODING },
        },
      },
    })
  })
})

describe('test_tutorial002 and test_tutorial003', () => {
  for (const [name, app] of [
    ['tutorial002', tutorial002],
    ['tutorial003', tutorial003],
  ] as const) {
    describe(name, () => {
      it('test_post_form_no_body', async () => {
        expect(await post(app, '/files/')).toEqual(missing('files'))
      })

      it('test_post_body_json: 415 here (FastAPI: 422 missing)', async () => {
        expect((await post(app, '/files/', { file: 'Foo' })).status).toBe(415)
      })

      it('test_post_files', async () => {
        const body = files(['files', '<file content>', 'test.txt'], ['files', '<file content2>', 'test2.txt'])
        expect(await post(app, '/files/', body)).toEqual({ status: 200, body: { file_sizes: [14, 15] } })
      })

      it('test_post_upload_file', async () => {
        const body = files(['files', '<file content>', 'test.txt'], ['files', '<file content2>', 'test2.txt'])
        expect(await post(app, '/uploadfiles/', body)).toEqual({
          status: 200,
          body: { filenames: ['test.txt', 'test2.txt'] },
        })
      })

      it('test_get_root', async () => {
        const response = await app.inject('/')
        expect(response.statusCode).toBe(200)
        expect(response.headers['content-type']).toMatch(/^text\/html/)
        expect(response.body).toContain('<form')
      })
    })
  }

  it('test_openapi_schema (tutorial003): lists of files, with descriptions', async () => {
    await tutorial003.ready()
    const doc = tutorial003.openapi()
    expect(doc.paths['/files/']?.post?.requestBody?.content['multipart/form-data']).toEqual({
      schema: {
        type: 'object',
        properties: { files: { type: 'array', items: FILE, description: 'Multiple files as bytes' } },
        required: ['files'],
      },
      encoding: { files: ENCODING },
    })
    expect(doc.paths['/']?.get?.summary).toBe('Main')
    await expectValid(doc)
  })
})
