/**
 * FastAPI's "Request Files" tutorials, ported to Fastbox.
 *
 * Source: fastapi/fastapi at c3f316b7e814667e8ee81e03a7330d00ee61e45c, docs_src/request_files/
 * (tutorial001, tutorial001_02, tutorial001_03, tutorial002, tutorial003; the `_an_py310` variants), tested by
 * tests/test_tutorial/test_request_files/ (ported in request-files.test.ts).
 *
 * FastAPI's `bytes` files and `UploadFile`s are both `upload()` here: `await file.bytes()` reads the content
 * whole (FastAPI's `bytes`), `file.stream()` reads it as it is needed (FastAPI's `UploadFile`).
 */
import { createApp, t, upload } from 'fastbox'

// tutorial001: one file, read whole or as an upload.
export const tutorial001 = createApp({ title: 'FastAPI' })
  .post('/files/', { form: { file: upload() } }, async function createFile({ form }) {
    const file = await form.file.bytes()
    return { file_size: file.length }
  })
  .post('/uploadfile/', { form: { file: upload() } }, function createUploadFile({ form }) {
    return { filename: form.file.filename }
  })

// tutorial001_02: an optional file (`UploadFile | None = None`).
export const tutorial001_02 = createApp({ title: 'FastAPI' })
  .post('/files/', { form: { file: t.Optional(upload()) } }, async function createFile({ form }) {
    if (!form.file) return { message: 'No file sent' }
    return { file_size: (await form.file.bytes()).length }
  })
  .post('/uploadfile/', { form: { file: t.Optional(upload()) } }, function createUploadFile({ form }) {
    if (!form.file) return { message: 'No upload file sent' }
    return { filename: form.file.filename }
  })

// tutorial001_03: files with a description (`File(description=...)`).
export const tutorial001_03 = createApp({ title: 'FastAPI' })
  .post(
    '/files/',
    { form: { file: upload({ description: 'A file read as bytes' }) } },
    async function createFile({ form }) {
      return { file_size: (await form.file.bytes()).length }
    },
  )
  .post(
    '/uploadfile/',
    { form: { file: upload({ description: 'A file read as UploadFile' }) } },
    function createUploadFile({ form }) {
      return { filename: form.file.filename }
    },
  )

const page = `
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
    `

/** tutorial002 (no descriptions) and tutorial003 (with them): several files in one field, and an HTML form. */
function multipleFiles(descriptions: { bytes: t.ArrayOptions; uploads: t.ArrayOptions }) {
  return createApp({ title: 'FastAPI' })
    .post(
      '/files/',
      { form: { files: t.Array(upload(), descriptions.bytes) } },
      async function createFiles({ form }) {
        const contents = await Promise.all(form.files.map((file) => file.bytes()))
        return { file_sizes: contents.map((content) => content.length) }
      },
    )
    .post(
      '/uploadfiles/',
      { form: { files: t.Array(upload(), descriptions.uploads) } },
      function createUploadFiles({ form }) {
        return { filenames: form.files.map((file) => file.filename) }
      },
    )
    .get('/', function main({ reply }) {
      return reply.type('text/html').send(page)
    })
}

export const tutorial002 = multipleFiles({ bytes: {}, uploads: {} })
export const tutorial003 = multipleFiles({
  bytes: { description: 'Multiple files as bytes' },
  uploads: { description: 'Multiple files as UploadFile' },
})
