/**
 * The demo store's document as client authors use it: Redocly CLI's recommended rules find no error in it, and
 * a client generated from it (types by openapi-typescript, calls by openapi-fetch) type-checks, with the 401,
 * 404 and 422 bodies typed, and works against the running store.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../apps/store/src/app.ts'
import type { OpenAPIDocument } from '../src/openapi/types.ts'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
// Inside the package's node_modules: the generated client resolves `openapi-fetch` from there, and git ignores it.
const cacheDir = join(here, '../node_modules/.cache')

/** A small typed client: each `@ts-expect-error` fails the type-check if the document types too loosely. */
const CLIENT = `
import createClient from 'openapi-fetch'
import type { components, paths } from './schema.ts'

type Schemas = components['schemas']

export async function run(baseUrl: string) {
  const client = createClient<paths>({ baseUrl })

  // 200, and query parameters with a default may be left out (skip, limit).
  const listed = await client.GET('/items/', { params: { query: { search: 'mouse' } } })
  const items: Schemas['Item'][] | undefined = listed.data

  // 404: the route's ErrorDetail schema (or a 422: the error is one of the two).
  const missing = await client.GET('/items/{item_id}', { params: { path: { item_id: 999 } } })
  const notFound: string | undefined = typeof missing.error?.detail === 'string' ? missing.error.detail : undefined

  // 401 of the security dependency: the shared {detail} body.
  const anonymous = await client.GET('/users/me')
  const unauthenticated: string | undefined = anonymous.error?.detail

  // The OAuth2 password flow's form, then the token.
  const login = await client.POST('/token', {
    body: { username: 'alice', password: 'wonderland' },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  const token: string | undefined = login.data?.access_token
  const headers = { authorization: \`Bearer \${token}\` }
  const me = await client.GET('/users/me', { headers })
  const user: Schemas['User'] | undefined = me.data

  // 422: HTTPValidationError, whose detail is always there. An optional field (stock) may be left out.
  const invalid = await client.POST('/items/', { body: { name: '', price: 1 }, headers })
  // Its other documented errors (401, 413) have a text detail: the list tells the 422 apart.
  const detail = invalid.error?.detail
  const errors: Schemas['ValidationError'][] | undefined = Array.isArray(detail) ? detail : undefined
  const context: NonNullable<Schemas['ValidationError']['ctx']> | undefined = errors?.[0]?.ctx

  return {
    items: items?.map((item) => item.name),
    notFound: [missing.response.status, notFound],
    invalid: [invalid.response.status, errors?.[0]?.loc, errors?.[0]?.type, context],
    unauthenticated: [anonymous.response.status, unauthenticated, anonymous.response.headers.get('www-authenticate')],
    me: [me.response.status, user?.username],
  }
}

/** Never called: what the types must refuse. */
export function refused(client: ReturnType<typeof createClient<paths>>) {
  // @ts-expect-error: a price is a number.
  void client.POST('/items/', { body: { name: 'Lamp', price: 'free' } })
  // @ts-expect-error: a name is required.
  void client.POST('/items/', { body: { price: 1 } })
  // @ts-expect-error: the path parameter is required.
  void client.GET('/items/{item_id}', {})
  // @ts-expect-error: the 422 body's detail is always sent.
  const optional: Schemas['HTTPValidationError'] = {}
  // The validation context is an open object (a bare "type: object" would type as an empty record).
  const context: NonNullable<Schemas['ValidationError']['ctx']> = { ge: 1 }
  return [optional, context]
}
`

describe('the demo store’s document, for client authors', () => {
  const app = buildApp({ dataDir: 'memory://' })
  let origin = ''
  let document: OpenAPIDocument
  let workDir = ''

  beforeAll(async () => {
    origin = await app.listen({ host: '127.0.0.1', port: 0 })
    document = app.openapi()
    mkdirSync(cacheDir, { recursive: true })
    workDir = mkdtempSync(join(cacheDir, 'openapi-clients-'))
    writeFileSync(join(workDir, 'openapi.json'), JSON.stringify(document, null, 2))
  }, 120_000) // the store opens its embedded database as it starts

  afterAll(async () => {
    await app.close()
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true })
  })

  it('passes `redocly lint` (recommended rules) with no error', async () => {
    const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js')
    const config = join(here, 'redocly.yaml')
    const run = promisify(execFile)
    const result = await run(
      process.execPath,
      [cli, 'lint', join(workDir, 'openapi.json'), `--config=${config}`, '--format=json'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }))
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number }
      problems: { ruleId: string; severity: string; message: string }[]
    }
    const errors = report.problems.filter((problem) => problem.severity === 'error')
    expect(errors.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([])
    // The one warning left: the store's info has no license.
    expect(report.problems.map((problem) => problem.ruleId)).toEqual(['info-license'])
  })

  it('gives openapi-typescript types that type a working openapi-fetch client', async () => {
    // openapi-typescript reads a property with a `default` as always present (true of responses) unless the
    // schema sits inline in a request body; `defaultNonNullable: false` lets the document's `required` decide,
    // so a shared request schema's defaulted field (ItemCreate.stock) stays optional.
    const types = await openapiTS(document as never, { defaultNonNullable: false })
    writeFileSync(join(workDir, 'schema.ts'), astToString(types))
    const clientFile = join(workDir, 'client.ts')
    writeFileSync(clientFile, CLIENT)
    const program = ts.createProgram([clientFile], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: true,
    })
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      const at = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      return `${diagnostic.file?.fileName.split('/').pop()}:${(at?.line ?? 0) + 1}: ${text}`
    })
    expect(diagnostics).toEqual([])

    // Run it: the same program, its types stripped.
    const js = ts.transpileModule(CLIENT.replace("'./schema.ts'", "'./schema.mjs'"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText
    writeFileSync(join(workDir, 'client.mjs'), js)
    const client = (await import(pathToFileURL(join(workDir, 'client.mjs')).href)) as {
      run: (baseUrl: string) => Promise<Record<string, unknown>>
    }
    expect(await client.run(origin)).toEqual({
      items: ['Mouse'],
      notFound: [404, 'Item not found'],
      invalid: [422, ['body', 'name'], 'string_too_short', { min_length: 1 }],
      unauthenticated: [401, 'Not authenticated', 'Bearer'],
      me: [200, 'alice'],
    })
  })
})
