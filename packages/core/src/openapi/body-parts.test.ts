/**
 * A body of named parts in the document, as FastAPI documents several body parameters: the request body
 * refers to `Body_<operationId>`, a titled object component whose properties are the parts (a shared part
 * referring to its own component), `required` listing the parts that must be sent; the document stays valid
 * and typed the same way by a client generator (openapi-typescript) and a linter (Redocly).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import { describe, expect, it } from 'vitest'
import { createApp, dependency, FastboxError, nullable, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const Item = t.Object({ name: t.String(), price: t.Number() }, { $id: 'Item' })
const User = t.Object({ username: t.String() }, { $id: 'User' })

function bodyApp() {
  return createApp()
    .put(
      '/items/{item_id}',
      {
        path: { item_id: t.Integer() },
        body: { item: Item, user: User, importance: t.Integer({ exclusiveMinimum: 0 }) },
      },
      () => null,
    )
    .post(
      '/notes',
      {
        body: {
          note: t.Optional(t.String()),
          priority: t.Integer({ default: 1 }),
          tag: nullable(t.String()),
        },
      },
      () => null,
    )
}

describe('a body of named parts in the document', () => {
  it('refers to a Body_<operationId> component whose properties are the parts', async () => {
    const doc = await documentOf(bodyApp())
    expect(doc.paths['/items/{item_id}']?.put?.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_put_items_item_id' } } },
      required: true,
    })
    expect(doc.components?.schemas?.Body_put_items_item_id).toEqual({
      title: 'Body_put_items_item_id',
      type: 'object',
      required: ['item', 'user', 'importance'],
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'integer', exclusiveMinimum: 0 },
      },
    })
    // The shared parts stay components of their own.
    expect(doc.components?.schemas?.Item).toEqual({
      type: 'object',
      required: ['name', 'price'],
      properties: { name: { type: 'string' }, price: { type: 'number' } },
    })
    await expectValid(doc)
  })

  it('requires neither the body nor a part that is optional or has a default', async () => {
    const doc = await documentOf(bodyApp())
    expect(doc.paths['/notes']?.post?.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_post_notes' } } },
    })
    expect(doc.components?.schemas?.Body_post_notes).toEqual({
      title: 'Body_post_notes',
      type: 'object',
      properties: {
        note: { type: 'string' },
        priority: { type: 'integer', default: 1 },
        tag: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
    })
  })

  it('documents the parts of the route’s dependencies in the same component', async () => {
    const currentUser = dependency({ body: { user: User } }, ({ body }) => body.user)
    const doc = await documentOf(
      createApp().put('/items', { body: { item: Item }, deps: { user: currentUser } }, () => null),
    )
    expect(doc.components?.schemas?.Body_put_items).toMatchObject({
      required: ['item', 'user'],
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
      },
    })
  })

  it('is named after a given operationId, its other characters written "_"', async () => {
    const doc = await documentOf(
      createApp().post('/x', { operationId: 'items:create', body: { item: Item } }, () => null),
    )
    expect(doc.paths['/x']?.post?.requestBody?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Body_items_create',
    })
    expect(doc.components?.schemas?.Body_items_create?.title).toBe('Body_items_create')
    await expectValid(doc)
  })

  it('gives one component to the methods of one route (named after the first, as FastAPI does)', async () => {
    const doc = await documentOf(
      createApp().route('/items', { method: ['PUT', 'PATCH'], body: { item: Item } }, () => null),
    )
    const ref = { $ref: '#/components/schemas/Body_put_items' }
    expect(doc.paths['/items']?.put?.requestBody?.content?.['application/json']?.schema).toEqual(ref)
    expect(doc.paths['/items']?.patch?.requestBody?.content?.['application/json']?.schema).toEqual(ref)
    expect(Object.keys(doc.components?.schemas ?? {}).filter((name) => name.startsWith('Body_'))).toEqual([
      'Body_put_items',
    ])
  })

  it('refuses at start-up a name an app schema already has, or two operationIds that give one name', async () => {
    const Taken = t.Object({ a: t.String() }, { $id: 'Body_put_items' })
    const taken = createApp()
      .put('/items', { body: { item: Item } }, () => null)
      .post('/taken', { body: Taken }, () => null)
    await expect(taken.ready()).rejects.toThrow(
      'Two different schemas are documented as "Body_put_items" (the second in the body of PUT /items).',
    )
    const twice = createApp()
      .put('/a', { operationId: 'items:update', body: { item: Item } }, () => null)
      .put('/b', { operationId: 'items_update', body: { item: Item } }, () => null)
    await expect(twice.ready()).rejects.toThrow(FastboxError)
    await expect(twice.ready()).rejects.toThrow(
      'documented as "Body_items_update" (the second in the body of PUT /b)',
    )
  })

  it('types the body as its parts for openapi-typescript, and passes `redocly lint`', async () => {
    const doc = await documentOf(bodyApp())
    const types = astToString(await openapiTS(doc as never, { defaultNonNullable: false }))
    expect(types).toContain('"application/json": components["schemas"]["Body_put_items_item_id"];')
    expect(types.replace(/\s+/g, ' ')).toContain(
      'Body_put_items_item_id: { item: components["schemas"]["Item"]; user: components["schemas"]["User"]; importance: number; };',
    )
    const dir = mkdtempSync(join(tmpdir(), 'fastbox-body-parts-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, JSON.stringify(doc))
      const here = dirname(fileURLToPath(import.meta.url))
      const cli = join(
        dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
        'bin/cli.js',
      )
      const result = await promisify(execFile)(
        process.execPath,
        [cli, 'lint', file, `--config=${join(here, '../../test/redocly.yaml')}`, '--format=json'],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }))
      const report = JSON.parse(result.stdout) as { problems: { ruleId: string; severity: string }[] }
      expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
