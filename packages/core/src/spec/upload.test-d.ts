import type { Readable } from 'node:stream'
import { describe, expectTypeOf, test } from 'vitest'
import {
  createApp,
  dependency,
  type FormLimits,
  type Static,
  type TUpload,
  t,
  type UploadFile,
  upload,
} from '../index.ts'

describe('upload()', () => {
  test('is a TypeBox schema whose static type is UploadFile', () => {
    const file = upload({ maxSize: 1024, description: 'An avatar' })
    expectTypeOf(file).toEqualTypeOf<TUpload>()
    expectTypeOf<Static<typeof file>>().toEqualTypeOf<UploadFile>()
    expectTypeOf<Static<ReturnType<typeof t.Array<TUpload>>>>().toEqualTypeOf<UploadFile[]>()
    // @ts-expect-error maxSize is a number of bytes
    upload({ maxSize: '1MB' })
    // @ts-expect-error not an option
    upload({ accept: 'image/png' })
  })

  test('UploadFile has the name, media type, size and content (stream, bytes, text)', () => {
    expectTypeOf<UploadFile['filename']>().toEqualTypeOf<string>()
    expectTypeOf<UploadFile['contentType']>().toEqualTypeOf<string>()
    expectTypeOf<UploadFile['size']>().toEqualTypeOf<number>()
    expectTypeOf<UploadFile['stream']>().toEqualTypeOf<() => Readable>()
    expectTypeOf<UploadFile['bytes']>().toEqualTypeOf<() => Promise<Buffer>>()
    expectTypeOf<UploadFile['text']>().returns.toEqualTypeOf<Promise<string>>()
  })
})

describe('ctx.form with files', () => {
  test('types a file, a list of files and an optional file next to text fields', () => {
    createApp().post(
      '/files',
      { form: { file: upload(), files: t.Array(upload()), maybe: t.Optional(upload()), note: t.String() } },
      ({ form }) => {
        expectTypeOf(form).toEqualTypeOf<{
          file: UploadFile
          files: UploadFile[]
          maybe?: UploadFile
          note: string
        }>()
        expectTypeOf(form.file).not.toBeAny()
        // @ts-expect-error FastAPI's `content_type` is `contentType`
        form.file.content_type
        // @ts-expect-error an optional file may be missing
        form.maybe.size
        // @ts-expect-error a file is not text
        form.file.toUpperCase()
        return { size: form.file.size }
      },
    )
  })

  test('types a dependency’s file fields', () => {
    const avatar = dependency({ form: { avatar: upload() } }, ({ form }) => {
      expectTypeOf(form.avatar).toEqualTypeOf<UploadFile>()
      return form.avatar.filename
    })
    createApp().post('/users', { deps: { avatar } }, ({ deps }) => {
      expectTypeOf(deps.avatar).toEqualTypeOf<string>()
      return null
    })
  })

  test('takes formLimits on a route and on the app', () => {
    const limits: FormLimits = { fileSize: 10, files: 2, fields: 3, parts: 5, fieldSize: 100 }
    createApp({ formLimits: limits, uploadDir: '/tmp' }).post(
      '/files',
      { form: { file: upload() }, formLimits: { fileSize: 20 } },
      () => null,
    )
    // @ts-expect-error not a limit
    createApp({ formLimits: { maxFiles: 2 } })
  })
})
