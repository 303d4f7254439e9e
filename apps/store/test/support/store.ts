/**
 * @module
 * The two databases every contract test runs on, and the requests the tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { buildApp, type StoreApp, type StoreOptions } from '../../src/app.ts'
import { type PostgresServer, startPostgres } from './postgres.ts'

export const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256!'
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

export interface TestDatabase {
  readonly name: 'PGlite' | 'PostgreSQL'
  /** Why this database is skipped, if it is. */
  readonly unavailable?: string
  /** Options for an app on a fresh database of this kind. */
  options(): Promise<StoreOptions>
}

/**
 * Embedded PGlite in a temporary folder, and a PostgreSQL server started for this test file (skipped, with the
 * reason printed, only where PostgreSQL is not installed). Call at the top of a test file.
 */
export function testDatabases(): TestDatabase[] {
  const folders: string[] = []
  let server: PostgresServer | undefined
  const started = startPostgres()
  if ('unavailable' in started) {
    console.warn(`Skipping the PostgreSQL runs: ${started.unavailable}`)
  } else {
    server = started
  }
  afterAll(() => {
    server?.stop()
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })
  return [
    {
      name: 'PGlite',
      async options() {
        const dataDir = mkdtempSync(join(tmpdir(), 'store-pglite-'))
        folders.push(dataDir)
        return { dataDir }
      },
    },
    {
      name: 'PostgreSQL',
      ...('unavailable' in started && { unavailable: started.unavailable }),
      async options() {
        if (server === undefined) throw new Error('PostgreSQL is not running')
        return { databaseUrl: await server.createDatabase(), jwtSecret: JWT_SECRET }
      },
    },
  ]
}

/** A started store on `database`, closed after the file's tests. */
export function storeOn(database: TestDatabase, extra: StoreOptions = {}) {
  const holder: { app: StoreApp } = { app: undefined as unknown as StoreApp }
  beforeAll(async () => {
    // Failed sign-ins are logged as warnings, and the tests make many on purpose.
    holder.app = buildApp({ ...(await database.options()), app: { logLevel: 'error' }, ...extra })
    await holder.app.ready()
  }, 120_000)
  afterAll(() => holder.app?.close())
  return holder
}

export async function signIn(app: StoreApp, username: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/token',
    headers: FORM,
    payload: new URLSearchParams({ username, password }).toString(),
  })
  if (res.statusCode !== 200) throw new Error(`signing in ${username} answered ${res.statusCode} ${res.body}`)
  return (res.json() as { access_token: string }).access_token
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` }
}

let serial = 0
/** Registers a new plain user and signs them in. */
export async function newUser(app: StoreApp, prefix = 'user') {
  const username = `${prefix}-${process.pid}-${++serial}`
  const password = `pass-${username}`
  const res = await app.inject({
    method: 'POST',
    url: '/users/',
    payload: { username, email: `${username}@example.com`, password },
  })
  if (res.statusCode !== 201)
    throw new Error(`registering ${username} answered ${res.statusCode} ${res.body}`)
  const token = await signIn(app, username, password)
  return { id: (res.json() as { id: number }).id, username, password, token, headers: bearer(token) }
}

/** Creates an item as `headers`' user. */
export async function newItem(
  app: StoreApp,
  headers: Record<string, string>,
  fields: Record<string, unknown> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/items/',
    headers,
    payload: { name: 'Thing', price: 10, stock: 5, ...fields },
  })
  if (res.statusCode !== 201) throw new Error(`creating an item answered ${res.statusCode} ${res.body}`)
  return res.json() as { id: number; stock: number }
}

/** Orders `quantity` of an item as `headers`' user. */
export function placeOrder(app: StoreApp, headers: Record<string, string>, itemId: number, quantity: number) {
  return app.inject({ method: 'POST', url: '/orders/', headers, payload: { item_id: itemId, quantity } })
}

/** Small files of each accepted format, made of their signatures and padding (the store checks the signature). */
export const IMAGES = {
  png: Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.alloc(60, 1),
    Buffer.from([0xff, 0xd9]),
  ]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(40, 2)]),
  webp: Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    Buffer.from([36, 0, 0, 0]),
    Buffer.from('WEBPVP8 ', 'latin1'),
    Buffer.alloc(28, 3),
  ]),
} as const

/** A `multipart/form-data` body with one file, for `app.inject()`. */
export async function fileForm(field: string, data: Buffer, contentType: string, filename = 'image.bin') {
  const form = new FormData()
  form.append(field, new Blob([data], { type: contentType }), filename)
  const request = new Request('http://store.test/', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  }
}

/** Uploads `data` as the image of item `itemId`. */
export async function putImage(
  app: StoreApp,
  headers: Record<string, string>,
  itemId: number,
  data: Buffer,
  contentType: string,
) {
  const form = await fileForm('image', data, contentType)
  return app.inject({
    method: 'PUT',
    url: `/items/${itemId}/image`,
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  })
}
