import { createHash } from 'node:crypto'
import { createApp, t, upload } from 'fastbox'

export const app = createApp({ title: 'Uploads', formLimits: { fileSize: 5 * 1024 * 1024 } })
  // Text fields and a file in one multipart/form-data body; the file streams to a hash.
  .post(
    '/avatars',
    { form: { user: t.String(), image: upload({ maxSize: 1024 * 1024, description: 'PNG or JPEG' }) } },
    async ({ form }) => {
      const digest = createHash('sha256')
      for await (const chunk of form.image.stream()) digest.update(chunk)
      const { filename, contentType, size } = form.image
      return { user: form.user, filename, contentType, size, sha256: digest.digest('hex') }
    },
  )
  // Several files in one field (at most 3 per request), and an optional one read whole.
  .post(
    '/documents',
    { form: { files: t.Array(upload()), notes: t.Optional(upload()) }, formLimits: { files: 3 } },
    async ({ form }) => ({
      names: form.files.map((file) => file.filename),
      notes: form.notes === undefined ? null : await form.notes.text(),
    }),
  )
