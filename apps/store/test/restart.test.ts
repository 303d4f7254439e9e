/**
 * The embedded database keeps its data in its folder: a store restarted on the same folder has the users, items,
 * orders and signing key of the last run. One process at a time may use a folder.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { IMAGES, newItem, newUser, putImage, signIn } from './support/store.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'store-restart-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('keeps users, items, their images, orders and tokens across a restart on the same folder', async () => {
  const first = buildApp({ dataDir })
  await first.ready()
  const user = await newUser(first, 'kept')
  const item = await newItem(first, user.headers, { name: 'Kept lamp', stock: 4 })
  const order = await first.inject({
    method: 'POST',
    url: '/orders/',
    headers: user.headers,
    payload: { item_id: item.id, quantity: 1 },
  })
  expect(order.statusCode).toBe(201)
  expect((await putImage(first, user.headers, item.id, IMAGES.jpeg, 'image/jpeg')).statusCode).toBe(200)
  const image = await first.inject(`/items/${item.id}/image`)
  await first.close()

  // The signing key is kept beside the database, readable by its owner only.
  expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600)

  const second = buildApp({ dataDir })
  await second.ready()
  try {
    // The token of the first run still signs in: the key was kept, not made anew.
    const me = await second.inject({ url: '/users/me', headers: user.headers })
    expect(me.json()).toMatchObject({ username: user.username })
    await signIn(second, user.username, user.password)
    expect((await second.inject(`/items/${item.id}`)).json()).toMatchObject({
      name: 'Kept lamp',
      stock: 3,
      image_url: `/items/${item.id}/image`,
    })
    const kept = await second.inject(`/items/${item.id}/image`)
    expect(kept.rawPayload.equals(IMAGES.jpeg)).toBe(true)
    expect(kept.headers).toMatchObject({
      'content-type': 'image/jpeg',
      etag: image.headers.etag,
      'last-modified': image.headers['last-modified'],
    })
    expect((await second.inject({ url: '/orders/', headers: user.headers })).json()).toEqual([order.json()])
    // The seed ran once: alice and the three demo items are there once each.
    const items = (await second.inject('/items/?search=keyboard')).json()
    expect(items).toHaveLength(1)
    await signIn(second, 'alice', 'wonderland')
  } finally {
    await second.close()
  }
}, 120_000)

it('refuses a second store on a folder in use, naming the process', async () => {
  const owner = buildApp({ dataDir })
  await owner.ready()
  try {
    await expect(buildApp({ dataDir }).ready()).rejects.toThrow(`is in use by process ${process.pid}`)
  } finally {
    await owner.close()
  }
}, 120_000)
