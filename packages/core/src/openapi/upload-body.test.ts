import { describe, expect, it } from 'vitest'
import { createApp, dependency, t, upload } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const FILE = { type: 'string', contentMediaType: 'application/octet-stream' }

describe('forms with files', () => {
  it('document a multipart/form-data body: files as contentMediaType octet-stream (OpenAPI 3.1), with an encoding', async () => {
    const app = createApp().post(
      '/files',
      {
        form: {
          file: upload({ description: 'A file read as UploadFile' }),
          files: t.Array(upload()),
          maybe: t.Optional(upload()),
          note: t.String(),
          count: t.Integer({ default: 1 }),
        },
      },
      () => null,
    )
    const doc = await documentOf(app)
    expect(doc.paths['/files']?.post?.requestBody).toEqual({
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { description: 'A file read as UploadFile', ...FILE },
              files: { type: 'array', items: FILE },
              maybe: FILE,
              note: { type: 'string' },
              count: { type: 'integer', default: 1 },
            },
            required: ['file', 'files', 'note'],
          },
          encoding: {
            file: { contentType: 'application/octet-stream' },
            files: { contentType: 'application/octet-stream' },
            maybe: { contentType: 'application/octet-stream' },
          },
        },
      },
      required: true,
    })
    expect(JSON.stringify(doc)).not.toContain('x-fastbox')
    await expectValid(doc)
  })

  it('document a form without files as urlencoded, with no encoding (it is read from multipart too)', async () => {
    const app = createApp().post('/login', { form: { username: t.String() } }, () => null)
    const body = (await documentOf(app)).paths['/login']?.post?.requestBody
    expect(Object.keys(body?.content ?? {})).toEqual(['application/x-www-form-urlencoded'])
    expect(body?.content['application/x-www-form-urlencoded']).not.toHaveProperty('encoding')
  })

  it('document a dependency’s file field with the route’s fields', async () => {
    const avatar = dependency({ form: { avatar: upload() } }, ({ form }) => form.avatar.filename)
    const app = createApp().post('/users', { form: { name: t.String() }, deps: { avatar } }, () => null)
    const doc = await documentOf(app)
    const media = doc.paths['/users']?.post?.requestBody?.content['multipart/form-data']
    expect(media?.schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, avatar: FILE },
      required: ['name', 'avatar'],
    })
    await expectValid(doc)
  })
})
