/**
 * The store's HTTP contract, line by line, on the embedded database (PGlite) and on a PostgreSQL server.
 */
import { createHash } from 'node:crypto'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  bearer,
  FORM,
  IMAGES,
  JWT_SECRET,
  newItem,
  newUser,
  placeOrder,
  putImage,
  signIn,
  storeOn,
  testDatabases,
} from './support/store.ts'

const databases = testDatabases()

describe.each(databases)('the store on $name', (database) => {
  describe.skipIf(database.unavailable !== undefined)('', () => {
    const store = storeOn(database, { loginAttempts: 5 })
    let alice: Record<string, string> = {}
    const aliceToken = async () => {
      if (alice.authorization === undefined) alice = bearer(await signIn(store.app, 'alice', 'wonderland'))
      return alice
    }

    describe('users and sign-in', () => {
      it('has the demo admin alice / wonderland on a fresh database', async () => {
        const res = await store.app.inject({ url: '/users/me', headers: await aliceToken() })
        expect(res.statusCode).toBe(200)
        expect(res.json()).toEqual({
          id: 1,
          username: 'alice',
          email: 'alice@example.com',
          full_name: 'Alice Liddell',
          is_active: true,
        })
      })

      it('registers a user: 201 with the public fields only', async () => {
        const res = await store.app.inject({
          method: 'POST',
          url: '/users/',
          payload: {
            username: 'bob_the-1',
            email: 'bob@example.com',
            password: 'correct horse',
            full_name: 'Bob',
          },
        })
        expect(res.statusCode).toBe(201)
        expect(res.json()).toEqual({
          id: expect.any(Number),
          username: 'bob_the-1',
          email: 'bob@example.com',
          full_name: 'Bob',
          is_active: true,
        })
        const again = await store.app.inject({
          method: 'POST',
          url: '/users/',
          payload: { username: 'bob_the-1', email: 'other@example.com', password: '12345678' },
        })
        expect(again.statusCode).toBe(409)
        expect(again.json()).toEqual({ detail: 'Username already registered' })
      })

      it('leaves full_name null when it is not given', async () => {
        const res = await store.app.inject({
          method: 'POST',
          url: '/users/',
          payload: { username: 'nameless', email: 'n@example.com', password: '12345678' },
        })
        expect(res.json()).toMatchObject({ username: 'nameless', full_name: null })
      })

      it.each([
        [
          { username: 'Bob', email: 'b@example.com', password: '12345678' },
          'username',
          'string_pattern_mismatch',
        ],
        [{ username: 'bo', email: 'b@example.com', password: '12345678' }, 'username', 'string_too_short'],
        [
          { username: 'x'.repeat(51), email: 'b@example.com', password: '12345678' },
          'username',
          'string_too_long',
        ],
        [{ username: 'bobby', email: 'nope', password: '12345678' }, 'email', 'string_format_mismatch'],
        [{ username: 'bobby', email: 'b@example.com', password: '1234567' }, 'password', 'string_too_short'],
        [{ username: 'bobby', email: 'b@example.com' }, 'password', 'missing'],
      ])('refuses an invalid registration with 422 (%#)', async (payload, field, type) => {
        const res = await store.app.inject({ method: 'POST', url: '/users/', payload })
        expect(res.statusCode).toBe(422)
        expect(res.json().detail).toEqual([expect.objectContaining({ loc: ['body', field], type })])
      })

      it('hands out a signed JWT with an expiry, never cached', async () => {
        const res = await store.app.inject({
          method: 'POST',
          url: '/token',
          headers: FORM,
          payload: 'grant_type=password&username=alice&password=wonderland',
        })
        expect(res.statusCode).toBe(200)
        expect(res.headers['cache-control']).toBe('no-store')
        const body = res.json()
        expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer' })
        const [header, payload] = body.access_token
          .split('.')
          .slice(0, 2)
          .map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()))
        expect(header).toMatchObject({ alg: 'HS256' })
        expect(payload).toMatchObject({ sub: '1', exp: expect.any(Number), iat: expect.any(Number) })
        expect(payload.exp - payload.iat).toBe(30 * 60)
      })

      it.each([
        ['a wrong password', 'username=alice&password=wonderlanD'],
        ['an unknown user', 'username=nobody&password=wonderland'],
      ])('answers 401 to %s, with WWW-Authenticate and no-store', async (_, payload) => {
        const res = await store.app.inject({ method: 'POST', url: '/token', headers: FORM, payload })
        expect(res.statusCode).toBe(401)
        expect(res.json()).toEqual({ detail: 'Incorrect username or password' })
        expect(res.headers['www-authenticate']).toBe('Bearer')
        expect(res.headers['cache-control']).toBe('no-store')
      })

      it('limits logins per client and username: 429 in the {detail} shape', async () => {
        const user = await newUser(store.app, 'limited') // one login so far
        const attempt = (username: string) =>
          store.app.inject({
            method: 'POST',
            url: '/token',
            headers: FORM,
            payload: `username=${username}&password=wrong-pass`,
          })
        for (let i = 0; i < 4; i++) expect((await attempt(user.username)).statusCode).toBe(401)
        const limited = await attempt(user.username)
        expect(limited.statusCode).toBe(429)
        expect(limited.json()).toEqual({ detail: 'Too many login attempts, try again later' })
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
        expect(limited.headers['cache-control']).toBe('no-store')
        // The right password does not get through either, for this username; another username still can.
        const right = await store.app.inject({
          method: 'POST',
          url: '/token',
          headers: FORM,
          payload: `username=${user.username}&password=${user.password}`,
        })
        expect(right.statusCode).toBe(429)
        expect((await attempt('someone-else')).statusCode).toBe(401)
        // A different client address has its own count.
        const elsewhere = await store.app.inject({
          method: 'POST',
          url: '/token',
          headers: FORM,
          remoteAddress: '10.0.0.7',
          payload: `username=${user.username}&password=${user.password}`,
        })
        expect(elsewhere.statusCode).toBe(200)
      })

      it('reads the signed-in user only with a valid token', async () => {
        const none = await store.app.inject('/users/me')
        expect(none.statusCode).toBe(401)
        expect(none.json()).toEqual({ detail: 'Not authenticated' })
        expect(none.headers['www-authenticate']).toBe('Bearer')
        const now = Math.floor(Date.now() / 1000)
        const key = new TextEncoder().encode(JWT_SECRET)
        const expired = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('1')
          .setIssuer('fastbox-store')
          .setIssuedAt(now - 7200)
          .setExpirationTime(now - 3600)
          .sign(key)
        const forged = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('1')
          .setIssuer('fastbox-store')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('another-key-another-key-another-key!!'))
        const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}.`
        const tokens = ['made-up', unsigned, forged, ...(database.name === 'PostgreSQL' ? [expired] : [])]
        for (const token of tokens) {
          const res = await store.app.inject({ url: '/users/me', headers: bearer(token) })
          expect(res.statusCode, token).toBe(401)
          expect(res.json()).toEqual({ detail: 'Could not validate credentials' })
          expect(res.headers['www-authenticate']).toBe('Bearer')
        }
      })

      it('shows no user record to anyone else', async () => {
        for (const url of ['/users/1', '/users/']) {
          const res = await store.app.inject(url)
          expect([404, 405]).toContain(res.statusCode)
          expect(res.body).not.toContain('alice@example.com')
        }
      })
    })

    describe('items', () => {
      it('lists items, paged, searched and filtered by stock and tag', async () => {
        const all = await store.app.inject('/items/')
        expect(all.statusCode).toBe(200)
        expect(all.json()[0]).toEqual({
          id: 1,
          name: 'Keyboard',
          description: 'Mechanical, 87 keys',
          price: 89.9,
          tax: 18,
          price_with_tax: 107.9,
          tags: ['hardware'],
          stock: expect.any(Number),
          image_url: null,
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        })
        const names = async (query: string) =>
          (await store.app.inject(`/items/?${query}`)).json().map((item: { name: string }) => item.name)
        expect(await names('skip=1&limit=1')).toEqual(['Mouse'])
        expect(await names('search=KEY')).toEqual(['Keyboard'])
        expect(await names('search=%25')).toEqual([]) // a literal %, not a wildcard
        expect(await names('in_stock=false&search=usb')).toEqual(['USB cable'])
        expect(await names('in_stock=true&tag=hardware&limit=2')).toEqual(['Keyboard', 'Mouse'])
        expect(await names('tag=hardware&tag=nope')).toEqual([])
        const bad = await store.app.inject('/items/?limit=0')
        expect(bad.statusCode).toBe(422)
        expect(bad.json().detail[0]).toMatchObject({ loc: ['query', 'limit'], type: 'greater_than_equal' })
      })

      it('redirects /items to /items/', async () => {
        const res = await store.app.inject('/items?limit=1')
        expect(res.statusCode).toBe(307)
        expect(res.headers.location).toMatch(/\/items\/\?limit=1$/)
      })

      it('reads an item, or 404 {"detail":"Item not found"}', async () => {
        expect((await store.app.inject('/items/2')).json()).toMatchObject({ id: 2, name: 'Mouse' })
        const missing = await store.app.inject('/items/999999')
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toEqual({ detail: 'Item not found' })
        expect((await store.app.inject('/items/99999999999')).statusCode).toBe(422)
      })

      it('creates an item only for a signed-in user: 201 with the price with tax', async () => {
        const payload = { name: 'Pen', price: 1.5, tax: 0.3, tags: ['office'], secret: 'dropped' }
        const anonymous = await store.app.inject({ method: 'POST', url: '/items/', payload })
        expect(anonymous.statusCode).toBe(401)
        const user = await newUser(store.app)
        const res = await store.app.inject({ method: 'POST', url: '/items/', headers: user.headers, payload })
        expect(res.statusCode).toBe(201)
        expect(res.json()).toEqual({
          id: expect.any(Number),
          name: 'Pen',
          description: null,
          price: 1.5,
          tax: 0.3,
          price_with_tax: 1.8,
          tags: ['office'],
          stock: 0,
          image_url: null,
          created_at: expect.any(String),
        })
        const invalid = await store.app.inject({
          method: 'POST',
          url: '/items/',
          headers: user.headers,
          payload: { name: '', price: -1, stock: 10_000_000 },
        })
        expect(invalid.statusCode).toBe(422)
        expect(invalid.json().detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
          ['body', 'name'],
          ['body', 'price'],
          ['body', 'stock'],
        ])
      })

      it('updates only the fields a PATCH sends, for a signed-in user', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers, {
          name: 'Lamp',
          description: 'Bright',
          tax: 2,
          tags: ['home'],
        })
        const anonymous = await store.app.inject({
          method: 'PATCH',
          url: `/items/${item.id}`,
          payload: { price: 1 },
        })
        expect(anonymous.statusCode).toBe(401)
        const res = await store.app.inject({
          method: 'PATCH',
          url: `/items/${item.id}`,
          headers: user.headers,
          payload: { price: 12.25 },
        })
        expect(res.statusCode).toBe(200)
        expect(res.json()).toMatchObject({
          name: 'Lamp',
          description: 'Bright',
          price: 12.25,
          tax: 2,
          price_with_tax: 14.25,
          tags: ['home'],
          stock: 5,
        })
        const cleared = await store.app.inject({
          method: 'PATCH',
          url: `/items/${item.id}`,
          headers: user.headers,
          payload: { tax: null },
        })
        expect(cleared.json()).toMatchObject({ tax: null, price_with_tax: 12.25, description: 'Bright' })
        const empty = await store.app.inject({
          method: 'PATCH',
          url: `/items/${item.id}`,
          headers: user.headers,
          payload: {},
        })
        expect(empty.json()).toMatchObject({ name: 'Lamp', price: 12.25 })
        const missing = await store.app.inject({
          method: 'PATCH',
          url: '/items/999999',
          headers: user.headers,
          payload: { price: 1 },
        })
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toEqual({ detail: 'Item not found' })
      })

      it('deletes an item for an admin only: 401, 403, then 204 and 404', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        const url = `/items/${item.id}`
        expect((await store.app.inject({ method: 'DELETE', url })).statusCode).toBe(401)
        const plain = await store.app.inject({ method: 'DELETE', url, headers: user.headers })
        expect(plain.statusCode).toBe(403)
        expect(plain.json()).toEqual({ detail: 'Not enough permissions' })
        const deleted = await store.app.inject({ method: 'DELETE', url, headers: await aliceToken() })
        expect(deleted.statusCode).toBe(204)
        expect(deleted.body).toBe('')
        expect((await store.app.inject(url)).statusCode).toBe(404)
        const again = await store.app.inject({ method: 'DELETE', url, headers: await aliceToken() })
        expect(again.statusCode).toBe(404)
        expect(again.json()).toEqual({ detail: 'Item not found' })
      })

      it('answers 413 {detail} to a body over the limit', async () => {
        const user = await newUser(store.app)
        const res = await store.app.inject({
          method: 'POST',
          url: '/items/',
          headers: { ...user.headers, 'content-type': 'application/json' },
          payload: JSON.stringify({ name: 'Big', price: 1, description: 'x'.repeat(1_100_000) }),
        })
        expect(res.statusCode).toBe(413)
        expect(res.json()).toEqual({ detail: 'Request body is too large' })
      })
    })

    describe('item images', () => {
      const MiB = 1024 * 1024
      const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
      /** A PNG signature followed by padding: `size` bytes that the store takes for a PNG. */
      const pngOfSize = (size: number) =>
        Buffer.concat([IMAGES.png.subarray(0, 8), Buffer.alloc(size - 8, 7)])

      it('takes an image from a signed-in user and serves it with its type and caching headers', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        const put = await putImage(store.app, user.headers, item.id, IMAGES.png, 'image/png')
        expect(put.statusCode).toBe(200)
        expect(put.json()).toMatchObject({ id: item.id, image_url: `/items/${item.id}/image` })

        const res = await store.app.inject(`/items/${item.id}/image`)
        expect(res.statusCode).toBe(200)
        expect(res.rawPayload.equals(IMAGES.png)).toBe(true)
        expect(res.headers['content-type']).toBe('image/png')
        expect(res.headers['content-length']).toBe(String(IMAGES.png.length))
        expect(res.headers.etag).toBe(`"${sha256(IMAGES.png)}"`)
        expect(res.headers['cache-control']).toBe('public, max-age=300')
        expect(res.headers['x-content-type-options']).toBe('nosniff')
        const lastModified = Date.parse(String(res.headers['last-modified']))
        expect(lastModified).not.toBeNaN()
        expect(new Date(lastModified).toUTCString()).toBe(res.headers['last-modified'])
      })

      it('fills image_url only for items that have an image, in reads and lists', async () => {
        const user = await newUser(store.app)
        const withImage = await newItem(store.app, user.headers, { name: 'Pictured', tags: ['pictured'] })
        const without = await newItem(store.app, user.headers, { name: 'Plain', tags: ['pictured'] })
        await putImage(store.app, user.headers, withImage.id, IMAGES.gif, 'image/gif')
        expect((await store.app.inject(`/items/${withImage.id}`)).json().image_url).toBe(
          `/items/${withImage.id}/image`,
        )
        expect((await store.app.inject(`/items/${without.id}`)).json().image_url).toBeNull()
        const listed = (await store.app.inject('/items/?tag=pictured')).json() as {
          image_url: string | null
        }[]
        expect(listed.map((entry) => entry.image_url)).toEqual([`/items/${withImage.id}/image`, null])
        const patched = await store.app.inject({
          method: 'PATCH',
          url: `/items/${withImage.id}`,
          headers: user.headers,
          payload: { stock: 9 },
        })
        expect(patched.json()).toMatchObject({ stock: 9, image_url: `/items/${withImage.id}/image` })
      })

      it('answers 304 with no body to a matching If-None-Match, and 200 to another tag', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        await putImage(store.app, user.headers, item.id, IMAGES.webp, 'image/webp')
        const url = `/items/${item.id}/image`
        const first = await store.app.inject(url)
        expect(first.headers['content-type']).toBe('image/webp')
        const etag = String(first.headers.etag)
        for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const cached = await store.app.inject({ url, headers: { 'if-none-match': ifNoneMatch } })
          expect(cached.statusCode, ifNoneMatch).toBe(304)
          expect(cached.body).toBe('')
          expect(cached.headers.etag).toBe(etag)
        }
        const stale = await store.app.inject({ url, headers: { 'if-none-match': '"other"' } })
        expect(stale.statusCode).toBe(200)
        expect(stale.rawPayload.equals(IMAGES.webp)).toBe(true)
        const since = await store.app.inject({
          url,
          headers: { 'if-modified-since': String(first.headers['last-modified']) },
        })
        expect(since.statusCode).toBe(304)
      })

      it('replaces the image: new bytes, type and ETag; the old ETag no longer matches', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        const url = `/items/${item.id}/image`
        await putImage(store.app, user.headers, item.id, IMAGES.png, 'image/png')
        const before = await store.app.inject(url)
        const replaced = await putImage(store.app, await aliceToken(), item.id, IMAGES.jpeg, 'image/jpeg')
        expect(replaced.statusCode).toBe(200)
        const after = await store.app.inject({
          url,
          headers: { 'if-none-match': String(before.headers.etag) },
        })
        expect(after.statusCode).toBe(200)
        expect(after.headers['content-type']).toBe('image/jpeg')
        expect(after.headers.etag).toBe(`"${sha256(IMAGES.jpeg)}"`)
        expect(after.rawPayload.equals(IMAGES.jpeg)).toBe(true)
      })

      it('takes an image of exactly 2 MiB and answers 413 {detail} to one byte more', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        const atLimit = await putImage(store.app, user.headers, item.id, pngOfSize(2 * MiB), 'image/png')
        expect(atLimit.statusCode).toBe(200)
        const over = await putImage(store.app, user.headers, item.id, pngOfSize(2 * MiB + 1), 'image/png')
        expect(over.statusCode).toBe(413)
        expect(over.json()).toEqual({
          detail: `The file "image" is larger than the limit of ${2 * MiB} bytes`,
        })
        const kept = await store.app.inject(`/items/${item.id}/image`)
        expect(kept.headers['content-length']).toBe(String(2 * MiB))
      })

      it.each([
        [
          'a type the store does not take',
          IMAGES.png,
          'text/plain',
          'The image must be PNG, JPEG, WebP or GIF (image/png, image/jpeg, image/webp, image/gif), not "text/plain"',
        ],
        [
          'bytes of another format',
          IMAGES.gif,
          'image/png',
          'The file sent as image/png holds image/gif bytes',
        ],
        [
          'bytes of no image format',
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
          'image/png',
          'The file sent as image/png is not a PNG, JPEG, WebP or GIF image',
        ],
        [
          'a RIFF file that is not WebP',
          Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE', 'latin1'), Buffer.alloc(20)]),
          'image/webp',
          'The file sent as image/webp is not a PNG, JPEG, WebP or GIF image',
        ],
      ])('answers 415 {detail} to %s, and keeps the image it had', async (_, data, type, detail) => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        await putImage(store.app, user.headers, item.id, IMAGES.png, 'image/png')
        const res = await putImage(store.app, user.headers, item.id, data, type)
        expect(res.statusCode).toBe(415)
        expect(res.json()).toEqual({ detail })
        const kept = await store.app.inject(`/items/${item.id}/image`)
        expect(kept.rawPayload.equals(IMAGES.png)).toBe(true)
      })

      it('takes no image from an anonymous client: 401 with WWW-Authenticate, nothing stored', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers)
        const res = await putImage(store.app, {}, item.id, IMAGES.png, 'image/png')
        expect(res.statusCode).toBe(401)
        expect(res.headers['www-authenticate']).toBe('Bearer')
        expect(res.json()).toEqual({ detail: 'Not authenticated' })
        expect((await store.app.inject(`/items/${item.id}`)).json().image_url).toBeNull()
      })

      it('answers 404 for an unknown item, an item with no image, and an item deleted with its image', async () => {
        const user = await newUser(store.app)
        const unknown = await putImage(store.app, user.headers, 999_999, IMAGES.png, 'image/png')
        expect(unknown.statusCode).toBe(404)
        expect(unknown.json()).toEqual({ detail: 'Item not found' })
        const missing = await store.app.inject('/items/999999/image')
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toEqual({ detail: 'Item not found' })

        const item = await newItem(store.app, user.headers)
        const none = await store.app.inject(`/items/${item.id}/image`)
        expect(none.statusCode).toBe(404)
        expect(none.json()).toEqual({ detail: 'Image not found' })

        await putImage(store.app, user.headers, item.id, IMAGES.png, 'image/png')
        await store.app.inject({ method: 'DELETE', url: `/items/${item.id}`, headers: await aliceToken() })
        const gone = await store.app.inject(`/items/${item.id}/image`)
        expect(gone.statusCode).toBe(404)
        expect(gone.json()).toEqual({ detail: 'Item not found' })
      })
    })

    describe('orders', () => {
      it('places an order for a signed-in user and takes it off the stock', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers, { stock: 3 })
        const payload = { item_id: item.id, quantity: 2 }
        expect((await store.app.inject({ method: 'POST', url: '/orders/', payload })).statusCode).toBe(401)
        const res = await store.app.inject({
          method: 'POST',
          url: '/orders/',
          headers: user.headers,
          payload,
        })
        expect(res.statusCode).toBe(201)
        expect(res.json()).toEqual({
          id: expect.any(Number),
          item_id: item.id,
          quantity: 2,
          status: 'placed',
          created_at: expect.any(String),
        })
        expect((await store.app.inject(`/items/${item.id}`)).json().stock).toBe(1)
      })

      it('answers 409 insufficient_stock from its exception handler, and changes nothing', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers, { stock: 1 })
        const res = await placeOrder(store.app, user.headers, item.id, 2)
        expect(res.statusCode).toBe(409)
        expect(res.json()).toEqual({
          error: 'insufficient_stock',
          detail: `Item ${item.id} has 1 in stock, 2 requested`,
        })
        expect((await store.app.inject(`/items/${item.id}`)).json().stock).toBe(1)
        expect((await store.app.inject({ url: '/orders/', headers: user.headers })).json()).toEqual([])
      })

      it('answers 404 for an unknown item and 422 for a quantity below 1', async () => {
        const user = await newUser(store.app)
        const missing = await placeOrder(store.app, user.headers, 999999, 1)
        expect(missing.statusCode).toBe(404)
        expect(missing.json()).toEqual({ detail: 'Item not found' })
        const zero = await placeOrder(store.app, user.headers, 1, 0)
        expect(zero.statusCode).toBe(422)
      })

      it('lists the caller’s orders only', async () => {
        const [ann, ben] = [await newUser(store.app), await newUser(store.app)]
        const item = await newItem(store.app, ann.headers, { stock: 10 })
        for (const [who, quantity] of [
          [ann, 1],
          [ben, 2],
          [ann, 3],
        ] as const) {
          const res = await placeOrder(store.app, who.headers, item.id, quantity)
          expect(res.statusCode).toBe(201)
        }
        const mine = await store.app.inject({ url: '/orders/', headers: ann.headers })
        expect(mine.json().map((order: { quantity: number }) => order.quantity)).toEqual([3, 1])
        expect((await store.app.inject({ url: '/orders/', headers: ben.headers })).json()).toHaveLength(1)
        expect((await store.app.inject('/orders/')).statusCode).toBe(401)
      })

      it('records an audit entry and a notification after each order; only admins read them', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers, { stock: 2 })
        const order = (await placeOrder(store.app, user.headers, item.id, 1)).json()
        await expect
          .poll(async () =>
            (await store.app.inject({ url: '/admin/audit', headers: await aliceToken() })).json(),
          )
          .toMatchObject({
            entries: expect.arrayContaining([
              expect.objectContaining({
                action: 'order.placed',
                user_id: user.id,
                details: { order_id: order.id, item_id: item.id, quantity: 1 },
              }),
            ]),
            notifications: expect.arrayContaining([
              expect.objectContaining({
                user_id: user.id,
                message: `Your order ${order.id} (1 × item ${item.id}) is placed`,
              }),
            ]),
          })
        const plain = await store.app.inject({ url: '/admin/audit', headers: user.headers })
        expect(plain.statusCode).toBe(403)
        expect(plain.json()).toEqual({ detail: 'Not enough permissions' })
        expect((await store.app.inject('/admin/audit')).statusCode).toBe(401)
      })

      it('records nothing for an order that failed', async () => {
        const user = await newUser(store.app)
        const item = await newItem(store.app, user.headers, { stock: 0 })
        await placeOrder(store.app, user.headers, item.id, 1)
        const ok = await placeOrder(store.app, user.headers, 2, 1)
        const log = async () =>
          (await store.app.inject({ url: '/admin/audit', headers: await aliceToken() })).json()
        await expect
          .poll(async () =>
            (await log()).entries.some(
              (entry: { details: { order_id: number } }) => entry.details.order_id === ok.json().id,
            ),
          )
          .toBe(true)
        const mine = (await log()).entries.filter((entry: { user_id: number }) => entry.user_id === user.id)
        expect(mine.map((entry: { details: { item_id: number } }) => entry.details.item_id)).toEqual([2])
      })

      it('sells the last unit once: 20 concurrent orders give one 201 and nineteen 409', async () => {
        const buyers = await Promise.all(Array.from({ length: 4 }, () => newUser(store.app, 'buyer')))
        const item = await newItem(store.app, buyers[0]?.headers ?? {}, { stock: 1 })
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            placeOrder(store.app, buyers[i % buyers.length]?.headers ?? {}, item.id, 1),
          ),
        )
        const statuses = answers.map((res) => res.statusCode).sort()
        expect(statuses).toEqual([201, ...Array(19).fill(409)])
        for (const res of answers.filter((answer) => answer.statusCode === 409)) {
          expect(res.json()).toMatchObject({ error: 'insufficient_stock' })
        }
        expect((await store.app.inject(`/items/${item.id}`)).json().stock).toBe(0)
        const orders = await Promise.all(
          buyers.map(async (buyer) =>
            (await store.app.inject({ url: '/orders/', headers: buyer.headers })).json(),
          ),
        )
        expect(orders.flat().filter((order: { item_id: number }) => order.item_id === item.id)).toHaveLength(
          1,
        )
      })
    })
  })
})
