/**
 * @module
 * The request validators' check of a file position (`x-fastbox-upload`, see `schema/upload.ts`): the value
 * must be an upload the multipart reader made. A text field sent under a file's name fails it, with
 * FastAPI's error for that case.
 */
import type { Ajv } from 'ajv'
import type { ValidationErrorItem } from '../http/errors.ts'
import { isUploadFile } from '../http/upload-file.ts'
import { UPLOAD } from '../schema/upload.ts'

/** Adds the file check to a request Ajv instance. */
export function addUploadKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: UPLOAD,
    schemaType: 'object',
    validate: (_rule: unknown, data: unknown) => isUploadFile(data),
    errors: false,
  })
}

/** FastAPI's item for a value that is not a file: `value_error`, "Expected UploadFile, received: <class 'str'>". */
export const uploadItem = ({
  loc,
  data,
}: {
  loc: ValidationErrorItem['loc']
  data: unknown
}): ValidationErrorItem => ({
  type: 'value_error',
  loc,
  msg: `Value error, Expected UploadFile, received: <class '${pythonClass(data)}'>`,
  input: data,
  ctx: { error: {} },
})

function pythonClass(value: unknown): string {
  if (typeof value === 'string') return 'str'
  if (Array.isArray(value)) return 'list'
  return typeof value
}
