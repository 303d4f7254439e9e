/**
 * A fuzz run driven by the store's own OpenAPI document: for every operation, requests whose values fit its
 * schemas and requests that break them one way at a time, signed in as alice (and a few anonymous ones). No
 * answer may be a 5xx, have a status the operation does not document, or break its documented schema.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenAPIDocument } from 'fastbox'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { FILE, Fuzzer, type FuzzRequest } from './support/openapi-fuzz.ts'
import { bearer, signIn } from './support/store.ts'

const SEED = 13
const VALID_PER_OPERATION = 12
/** A 1×1 PNG: the file of multipart requests. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082',
  'hex',
)

const dataDir = mkdtempSync(join(tmpdir(), 'store-fuzz-'))
// Failed sign-ins are logged as warnings, and the run makes many.
const app = buildApp({ dataDir, app: { logLevel: 'error' } })

beforeAll(() => app.ready(), 120_000)
afterAll(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The operation a request was made for. */
function operationOf(doc: OpenAPIDocument, request: FuzzRequest): Operation | undefined {
  const item = doc.paths?.[request.path] as Record<string, Operation> | undefined
  return item?.[request.method.toLowerCase()]
}

type Operation = {
  security?: unknown[]
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}

/** The request's body and content type, as its operation reads it. */
async function encode(request: FuzzRequest): Promise<{ payload: string | Buffer; type: string }> {
  if (request.encoding === 'json')
    return { payload: JSON.stringify(request.payload), type: 'application/json' }
  const fields = Object.entries((request.payload ?? {}) as Record<string, unknown>).flatMap(([name, field]) =>
    (Array.isArray(field) ? field : [field]).map((entry) => [name, entry] as const),
  )
  if (request.encoding === 'form') {
    const form = new URLSearchParams(fields.map(([name, entry]): [string, string] => [name, String(entry)]))
    return { payload: form.toString(), type: 'application/x-www-form-urlencoded' }
  }
  const form = new FormData()
  for (const [name, entry] of fields) {
    if (entry === FILE) form.append(name, new Blob([PNG], { type: 'image/png' }), 'fuzz.png')
    else form.append(name, String(entry))
  }
  const encoded = new Request('http://store.test/', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    type: encoded.headers.get('content-type') ?? '',
  }
}

it('answers every generated request with a documented status and a body that fits its schema', async () => {
  const doc = app.openapi()
  // The document's schemas, under an id that the response schemas' references are rewritten to.
  const rewrite = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"doc#/components/schemas/'))
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addSchema({ $id: 'doc', components: rewrite(doc.components) })

  const alice = bearer(await signIn(app, 'alice', 'wonderland'))
  const fuzzer = new Fuzzer(doc, SEED)
  const requests = fuzzer.requests(VALID_PER_OPERATION)
  const anonymous = requests.filter((request, index) => {
    const operation = operationOf(doc, request)
    return (
      operation?.security !== undefined &&
      requests.findIndex((other) => other.path === request.path && other.method === request.method) === index
    )
  })

  const problems: string[] = []
  const seen = new Map<string, Set<number>>()
  const send = async (request: FuzzRequest, headers: Record<string, string>) => {
    const body = request.payload === undefined ? undefined : await encode(request)
    const res = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...headers, ...(body !== undefined && { 'content-type': body.type }) },
      ...(body !== undefined && { payload: body.payload }),
    })
    const name = `${request.method} ${request.path}`
    const statuses = seen.get(name) ?? new Set()
    statuses.add(res.statusCode)
    seen.set(name, statuses)
    const described = `${name} (${request.kind}: ${request.url} ${JSON.stringify(request.payload)?.slice(0, 80) ?? ''}) answered ${res.statusCode}`
    const operation = operationOf(doc, request)
    const documented = operation?.responses[String(res.statusCode)]
    if (res.statusCode >= 500 || documented === undefined) {
      problems.push(`${described}${documented === undefined ? ', not documented' : ''}: ${res.body}`)
      return
    }
    const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? ''
    if (type !== '' && type !== 'application/json') {
      // A file (an item's image): its type must be one the operation documents, or an image for a generic one.
      const types = Object.keys(documented.content ?? {})
      if (!types.includes(type) && !type.startsWith('image/')) problems.push(`${described} as ${type}`)
      return
    }
    const schema = documented.content?.['application/json']?.schema
    if (schema === undefined) {
      if (res.body !== '') problems.push(`${described} with a body where none is documented`)
      return
    }
    const validate = ajv.compile(rewrite(schema))
    if (!validate(res.json()))
      problems.push(`${described}: ${ajv.errorsText(validate.errors)} in ${res.body.slice(0, 200)}`)
  }

  for (const request of requests) await send(request, alice)
  for (const request of anonymous) await send(request, {})

  expect(problems).toEqual([])
  // The run reached every operation, with successes and refusals both.
  const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.keys(item ?? {}))
  expect(seen.size).toBe(operations.length)
  const all = [...seen.values()].flatMap((statuses) => [...statuses])
  expect(all.some((status) => status < 300)).toBe(true)
  for (const status of [401, 404, 409, 422]) expect(all, `no ${status} seen`).toContain(status)
  expect(requests.length).toBeGreaterThan(200)
}, 120_000)
