/**
 * @module
 * `multipart/form-data` forms, read through @fastify/multipart (busboy does the HTTP work).
 *
 * The plugin is registered when the first route with a `form` is declared, and only if no plugin parses
 * multipart yet: a user who registered @fastify/multipart (with options of their own) before their form routes
 * keeps theirs. Its content-type parser leaves the body unread; a form route's `preValidation` hook reads the
 * parts into the form's fields, text fields as text (coerced by validation, as urlencoded ones are) and files
 * as {@link UploadFile}s spooled to a temporary file as they arrive. The route's `onResponse` and
 * `onRequestAbort` hooks delete them once the response is sent or the client goes away.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import multipart, { type MultipartFile } from '@fastify/multipart'
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestAbortAsyncHookHandler,
  onResponseAsyncHookHandler,
  preValidationAsyncHookHandler,
} from 'fastify'
import fp from 'fastify-plugin'
import type { RouteModel } from '../analysis/model.ts'
import { HTTPException } from '../http/errors.ts'
import { markParsedAs } from '../http/parsed-body.ts'
import { SpooledUploadFile } from '../http/upload-file.ts'
import { type UploadField, uploadFields } from '../schema/upload.ts'
import type { FormLimits } from '../spec/form-limits.ts'

/** The app's multipart settings. */
export interface MultipartSettings {
  /** The app's `formLimits`. */
  readonly limits: FormLimits | undefined
  /** Where files are spooled (default: the OS's temporary directory). */
  readonly uploadDir: string | undefined
}

/** A route's reading of multipart forms, worked out once per route model. */
interface FormPlan {
  readonly files: ReadonlyMap<string, UploadField>
  /**
   * The largest file each file field accepts, by wire name (others are read and dropped); `undefined` where
   * only a user's own registration of the plugin sets one.
   */
  readonly maxSizes: ReadonlyMap<string, number | undefined>
  /** busboy's limits for the route: the largest file of any field, the counts. */
  readonly limits: FormLimits
}

/** The request decoration listing the files spooled for it (`null` until the first). */
const kSpooled = Symbol('fastbox.spooled')

type SpoolingRequest = FastifyRequest & { [kSpooled]: string[] | null }

/** The hooks of a form route: read a multipart body, delete its files afterwards. */
export interface FormHooks {
  readonly preValidation: preValidationAsyncHookHandler
  readonly onResponse: onResponseAsyncHookHandler
  readonly onRequestAbort: onRequestAbortAsyncHookHandler
}

/** Registers the multipart plugin at most once per app, and gives form routes their hooks. */
export class MultipartForms {
  readonly #fastify: FastifyInstance
  readonly #settings: MultipartSettings
  readonly #plans = new WeakMap<RouteModel, FormPlan>()
  #registered = false
  /** Fastbox registered the plugin (its options are then known: Fastbox's limits and Fastify's `bodyLimit`). */
  #ownPlugin = false

  constructor(fastify: FastifyInstance, settings: MultipartSettings) {
    this.#fastify = fastify
    this.#settings = settings
    // Declared, so every request has the property (one shape for all requests).
    fastify.decorateRequest(kSpooled, null)
  }

  /** The hooks of a route with a form; `undefined` for one without (other routes pay nothing). */
  hooksFor(route: { readonly model: RouteModel }): FormHooks | undefined {
    if (route.model.form === undefined) return undefined
    this.#register()
    return {
      preValidation: async (request) => {
        const { model } = route
        if (model.form === undefined || request.body !== undefined || !request.isMultipart?.()) return
        request.body = await readForm(request, this.#planOf(model), this.#settings.uploadDir ?? tmpdir())
        markParsedAs(request, 'form')
      },
      onResponse: removeSpooled,
      onRequestAbort: removeSpooled,
    }
  }

  #register(): void {
    if (this.#registered) return
    this.#registered = true
    const { limits } = this.#settings
    this.#fastify.register(
      fp(
        async (fastify) => {
          // A user's own registration, made before the first form route, is kept (with its options).
          if (fastify.hasContentTypeParser('multipart/form-data')) return
          this.#ownPlugin = true
          await fastify.register(multipart, limits === undefined ? {} : { limits: { ...limits } })
        },
        { name: 'fastbox-multipart' },
      ),
    )
  }

  #planOf(model: RouteModel): FormPlan {
    let plan = this.#plans.get(model)
    if (plan === undefined) {
      // The plugin's own default file size is Fastify's `bodyLimit`; a user's registration may set another.
      const defaultFileSize = this.#ownPlugin
        ? (this.#fastify.initialConfig.bodyLimit ?? 1024 * 1024)
        : undefined
      plan = formPlan(model, this.#settings.limits, defaultFileSize)
      this.#plans.set(model, plan)
    }
    return plan
  }
}

function formPlan(
  model: RouteModel,
  appLimits: FormLimits | undefined,
  defaultFileSize: number | undefined,
): FormPlan {
  const files = uploadFields(model.form?.schema ?? {})
  const limits = { ...appLimits, ...model.spec.formLimits }
  const fileSize = limits.fileSize ?? defaultFileSize
  const maxSizes = new Map<string, number | undefined>()
  for (const [name, field] of files) maxSizes.set(name, field.rule.maxSize ?? fileSize)
  // busboy stops a file at one size for the whole request: the largest any field accepts. Where a field's
  // limit is the user's plugin's, that one stays busboy's, and the known ones are checked while spooling.
  const sizes = [fileSize, ...maxSizes.values()]
  if (sizes.includes(undefined)) return { files, maxSizes, limits }
  return { files, maxSizes, limits: { ...limits, fileSize: Math.max(...(sizes as number[])) } }
}

type Fields = Record<string, unknown>

/** Reads every part of the request: the form's fields, with its declared files spooled to `dir`. */
async function readForm(request: FastifyRequest, plan: FormPlan, dir: string): Promise<Fields> {
  const fields: Fields = Object.create(null)
  try {
    for await (const part of request.parts({ limits: plan.limits })) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw fieldTooLarge(part.fieldname, plan.limits.fieldSize)
        add(fields, part.fieldname, part.value)
        continue
      }
      const field = plan.files.get(part.fieldname)
      // A file the route does not declare is read and dropped, as FastAPI ignores undeclared fields.
      if (field === undefined) await drain(part)
      else {
        const upload = await spool(request, part, plan.maxSizes.get(part.fieldname), dir)
        // A browser sends a file input left empty as a part with no name and no content: no file.
        if (upload === undefined) continue
        // A list of files is a list from its first one (validation wraps only text in a list).
        if (field.array && fields[part.fieldname] === undefined) fields[part.fieldname] = [upload]
        else add(fields, part.fieldname, upload)
      }
    }
  } catch (error) {
    throw asHttpError(error, plan)
  }
  return fields
}

function add(fields: Fields, name: string, value: unknown): void {
  const previous = fields[name]
  if (previous === undefined) fields[name] = value
  else if (Array.isArray(previous)) previous.push(value)
  else fields[name] = [previous, value]
}

async function drain(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // Read to the end, so busboy goes on to the next part.
  }
}

/** Writes a file part to a fresh temporary file, counting its size against the field's limit. */
async function spool(
  request: FastifyRequest,
  part: MultipartFile,
  maxSize: number | undefined,
  dir: string,
): Promise<SpooledUploadFile | undefined> {
  const path = join(dir, `fastbox-upload-${randomUUID()}`)
  const holder = request as SpoolingRequest
  holder[kSpooled] ??= []
  holder[kSpooled].push(path)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      callback(maxSize !== undefined && size > maxSize ? fileTooLarge(part.fieldname, maxSize) : null, chunk)
    },
  })
  try {
    await pipeline(part.file, counter, createWriteStream(path))
  } catch (error) {
    // The file may have been opened after the cleanup ran (an aborted request): removed here too.
    await rm(path, { force: true })
    throw error
  }
  if (part.file.truncated) throw fileTooLarge(part.fieldname, maxSize)
  if (size === 0 && part.filename === '') return undefined
  return new SpooledUploadFile(path, part.filename, part.mimetype || 'application/octet-stream', size)
}

/** Deletes the request's files (once: the list is emptied). */
async function removeSpooled(request: FastifyRequest): Promise<void> {
  const spooled = (request as SpoolingRequest)[kSpooled]
  if (spooled === null) return
  ;(request as SpoolingRequest)[kSpooled] = null
  await Promise.all(spooled.map((path) => rm(path, { force: true })))
}

/** An HTTP answer for every way reading a multipart body can fail: never a 500 for the client's bytes. */
function asHttpError(error: unknown, plan: FormPlan): unknown {
  if (error instanceof HTTPException) return error
  const { code, part } = error as { code?: string; part?: { fieldname?: string } }
  const { limits } = plan
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE': {
      const name = part?.fieldname ?? ''
      return fileTooLarge(name, plan.maxSizes.get(name) ?? limits.fileSize)
    }
    case 'FST_FILES_LIMIT':
      return tooMany('files', limits.files)
    case 'FST_FIELDS_LIMIT':
      return tooMany('fields', limits.fields)
    case 'FST_PARTS_LIMIT':
      return tooMany('parts', limits.parts)
  }
  if (!(error instanceof Error)) return error
  // busboy's own errors (no boundary, a truncated body, a malformed part header) and the plugin's 4xx ones.
  const status = (error as { statusCode?: number }).statusCode
  if (status !== undefined && status >= 500) return error
  return new HTTPException(400, `There was an error parsing the body: ${error.message}`)
}

/** A count over its limit; the limit is named when Fastbox set it (not a user's own plugin options). */
function tooMany(what: string, limit: number | undefined): HTTPException {
  const most = limit === undefined ? '' : `: at most ${limit} are accepted`
  return new HTTPException(413, `Too many ${what} in the form${most}`)
}

/** A file over its limit; the limit is named when Fastbox knows it (not a user's own plugin options). */
function fileTooLarge(name: string, limit: number | undefined): HTTPException {
  const most = limit === undefined ? '' : ` of ${limit} bytes`
  return new HTTPException(413, `The file "${name}" is larger than the limit${most}`)
}

function fieldTooLarge(name: string, limit: number | undefined): HTTPException {
  return new HTTPException(
    413,
    `The field "${name}" is larger than the limit of ${limit ?? 1024 * 1024} bytes`,
  )
}
