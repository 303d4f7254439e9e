/**
 * @module
 * File fields of a form (FastAPI's `File()` and `UploadFile`). `upload()` is a TypeBox schema documented as
 * OpenAPI 3.1 documents a file (`type: string, contentMediaType: application/octet-stream`) whose static type
 * is {@link UploadFile}; a marker keyword carries its options. Requests are validated with a schema in which
 * each file position checks that the value is an upload the multipart reader made (a text field sent under
 * a file's name is an error, as in FastAPI).
 */
import { type TUnsafe, Type } from '@sinclair/typebox'
import type { UploadFile } from '../http/upload-file.ts'
import type { JsonSchema } from './json-schema.ts'

/** Marks a file position; its value is the upload's {@link UploadRule}. Left out of the OpenAPI document. */
export const UPLOAD = 'x-fastbox-upload'

/** The media type OpenAPI 3.1 gives a file of unknown content. */
export const OCTET_STREAM = 'application/octet-stream'

/** Options of {@link upload}. */
export interface UploadOptions {
  /**
   * The largest file accepted, in bytes; a larger one is answered `413`. Default: the route's, else the app's,
   * `formLimits.fileSize` (1 MiB unless set).
   */
  readonly maxSize?: number
  readonly title?: string
  readonly description?: string
}

/** What a file position enforces (the marker's value). */
export interface UploadRule {
  readonly maxSize?: number
}

/** The schema of a file field: a TypeBox schema whose static type is {@link UploadFile}. */
export interface TUpload extends TUnsafe<UploadFile> {
  readonly type: 'string'
  readonly contentMediaType: typeof OCTET_STREAM
}

/**
 * A file field of a `multipart/form-data` form (FastAPI's `UploadFile`): the handler receives an
 * {@link UploadFile}. Several files of one field: `t.Array(upload())`; an optional one: `t.Optional(upload())`.
 *
 * @example
 * app.post('/files', { form: { file: upload({ maxSize: 10 * 1024 * 1024 }), note: t.String() } },
 *   async ({ form }) => ({ name: form.file.filename, size: form.file.size, note: form.note }))
 */
export function upload(options: UploadOptions = {}): TUpload {
  const { maxSize, ...annotations } = options
  const rule: UploadRule = maxSize === undefined ? {} : { maxSize }
  return Type.Unsafe<UploadFile>({
    ...annotations,
    type: 'string',
    contentMediaType: OCTET_STREAM,
    [UPLOAD]: rule,
  }) as TUpload
}

/** A declared file field of a form: read by its wire name. */
export interface UploadField {
  /** The field takes several files (`t.Array(upload())`). */
  readonly array: boolean
  readonly rule: UploadRule
}

/** The rule of a file schema, or `undefined` for any other schema. */
export function uploadRule(schema: JsonSchema | undefined): UploadRule | undefined {
  const rule = schema?.[UPLOAD]
  return typeof rule === 'object' && rule !== null ? (rule as UploadRule) : undefined
}

/** The file fields of a form's object schema, by wire name. */
export function uploadFields(form: JsonSchema): ReadonlyMap<string, UploadField> {
  const fields = new Map<string, UploadField>()
  const properties = (form.properties ?? {}) as Record<string, JsonSchema>
  for (const [name, property] of Object.entries(properties)) {
    const single = uploadRule(property)
    if (single !== undefined) {
      fields.set(name, { array: false, rule: single })
      continue
    }
    const items = property.type === 'array' ? uploadRule(property.items as JsonSchema | undefined) : undefined
    if (items !== undefined) fields.set(name, { array: true, rule: items })
  }
  return fields
}

/**
 * The form's schema for validation: each file position (a field, or the items of a list field) checks only
 * that its value is an upload; the size was enforced while the file arrived.
 */
export function toUploadValidationSchema(form: JsonSchema): JsonSchema {
  const fields = uploadFields(form)
  if (fields.size === 0) return form
  const properties = { ...(form.properties as Record<string, JsonSchema>) }
  for (const [name, field] of fields) {
    const property = properties[name] as JsonSchema
    const check = { [UPLOAD]: field.rule }
    properties[name] = field.array ? { ...property, items: check } : annotationsOf(property, check)
  }
  return { ...form, properties }
}

/** Keeps a file field's `default` (an optional file with a `null` default) next to its check. */
function annotationsOf(property: JsonSchema, check: JsonSchema): JsonSchema {
  return 'default' in property ? { ...check, default: property.default } : check
}

/**
 * The media type a form is documented with: `multipart/form-data` when it has a file, else
 * `application/x-www-form-urlencoded`, as FastAPI documents it (both are read either way).
 */
export function formMediaType(form: JsonSchema): string {
  return uploadFields(form).size > 0 ? 'multipart/form-data' : 'application/x-www-form-urlencoded'
}

/**
 * The `encoding` of a multipart form in OpenAPI: each file field's media type, so clients send the part with
 * it. Text fields keep OpenAPI's default (`text/plain`): a client that wraps them in a typed part would turn
 * them into files. `undefined` for a form without files.
 */
export function formEncodingOf(form: JsonSchema): Record<string, { contentType: string }> | undefined {
  const fields = uploadFields(form)
  if (fields.size === 0) return undefined
  return Object.fromEntries([...fields.keys()].map((name) => [name, { contentType: OCTET_STREAM }]))
}
