import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectValid } from '../packages/core/src/openapi/test-support.ts'
import { app as backgroundLifespan, sent } from './background-lifespan.ts'
import { app as bodyParts } from './body-parts.ts'
import { app as cookiesHeaders } from './cookies-headers.ts'
import { db, app as dependencies } from './dependencies.ts'
import { app as docs } from './docs.ts'
import { app as errors } from './errors.ts'
import { app as firstRoute } from './first-route.ts'
import { app as plugins } from './plugins.ts'
import { app as requests } from './requests.ts'
import { app as responseKinds } from './response-kinds.ts'
import { app as responses } from './responses.ts'
import { app as routers } from './routers.ts'
import { app as security } from './security.ts'
import { app as serving } from './serving.ts'
import { app as streams } from './streams.ts'
import { app as uploads } from './uploads.ts'
import { app as validation } from './validation.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README examples', () => {
  // Each example file is shown in the README after a `<!-- example: NAME -->` marker; they must not drift.
  for (const name of [
    'first-route.ts',
    'requests.ts',
    'body-parts.ts',
    'responses.ts',
    'response-kinds.ts',
    'streams.ts',
    'cookies-headers.ts',
    'errors.ts',
    'docs.ts',
    'dependencies.ts',
    'routers.ts',
    'background-lifespan.ts',
    'serving.ts',
    'plugins.ts',
    'validation.ts',
    'uploads.ts',
  ]) {
    it(`shows examples/${name} verbatim`, () => {
      const source = readFileSync(new URL(name, import.meta.url), 'utf8').trim()
      const block = new RegExp(`<!-- example: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\\n\`\`\``).exec(
        readme,
      )?.[1]
      expect(block, `README block for ${name}`).toBe(source)
    })
  }
})

describe('examples behave as the README says', () => {
  it('first-route: typed params, defaults, response filtering', async () => {
    const res = await firstRoute.inject('/items/3?q=Lamp')
    expect(res.json()).toEqual({ id: 3, name: 'Lamp', price: 9.5 })
    const bad = await firstRoute.inject('/items/0')
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['path', 'item_id'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    })
  })

  it('requests: every part read, coerced and validated together', async () => {
    const ok = await requests.inject({
      method: 'POST',
      url: '/orders/acme?dry_run=yes&tag=a&tag=b',
      headers: { 'X-Request-Id': 'r1', cookie: 'session=s' },
      // Lax mode, as FastAPI: integer text is read as an integer.
      payload: { items: [{ sku: 'p1', quantity: '2' }] },
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toEqual({
      shop: 'acme',
      dryRun: true,
      tags: ['a', 'b'],
      coupon: null,
      requestId: 'r1',
      loggedIn: true,
      lines: 1,
    })
    const coupon = await requests.inject({
      method: 'POST',
      url: '/orders/acme?coupon=SPRING',
      headers: { 'X-Request-Id': 'r1' },
      payload: { items: [{ sku: 'p1', quantity: 1 }] },
    })
    expect(coupon.json()).toMatchObject({ coupon: 'SPRING', dryRun: false, loggedIn: false })
    const bad = await requests.inject({
      method: 'POST',
      url: '/orders/a?dry_run=maybe',
      payload: { items: [{ sku: 'p1', quantity: 0 }] },
    })
    expect(bad.statusCode).toBe(422)
    expect(
      bad.json().detail.map((item: { type: string; loc: unknown[] }) => [item.type, ...item.loc]),
    ).toEqual([
      ['string_too_short', 'path', 'shop'],
      ['bool_parsing', 'query', 'dry_run'],
      ['missing', 'header', 'x-request-id'],
      ['greater_than_equal', 'body', 'items', 0, 'quantity'],
    ])
  })

  it('body-parts: one JSON object of named parts, each validated and located apart', async () => {
    const put = (payload?: unknown) =>
      bodyParts.inject({
        method: 'PUT',
        url: '/items/5',
        ...(payload !== undefined && { payload: payload as object }),
      })
    const ok = await put({ item: { name: 'Lamp', price: '9.5' }, user: { username: 'ada' }, importance: 2 })
    expect([ok.statusCode, ok.json()]).toEqual([
      200,
      { item_id: 5, item: 'Lamp', by: 'ada', importance: 2, note: null },
    ])
    const none = await put()
    expect([none.statusCode, none.json()]).toEqual([
      422,
      {
        detail: ['item', 'user', 'importance'].map((part) => ({
          type: 'missing',
          loc: ['body', part],
          msg: 'Field required',
          input: null,
        })),
      },
    ])
    const bad = await put({ item: { name: 'Lamp', price: 'free' }, user: { username: 'ada' }, importance: 0 })
    expect(
      bad.json().detail.map((item: { type: string; loc: unknown[] }) => [item.type, ...item.loc]),
    ).toEqual([
      ['float_parsing', 'body', 'item', 'price'],
      ['greater_than', 'body', 'importance'],
    ])
    const document = bodyParts.openapi()
    expect(document.paths['/items/{item_id}']?.put?.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_put_items_item_id' } } },
      required: true,
    })
    expect(document.components?.schemas?.Body_put_items_item_id).toEqual({
      title: 'Body_put_items_item_id',
      type: 'object',
      required: ['item', 'user', 'importance'],
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'integer', exclusiveMinimum: 0 },
        note: { type: 'string' },
      },
    })
    await expectValid(document)
  })

  it('responses: filtering, dates, other statuses, 204', async () => {
    const res = await responses.inject('/users/1')
    expect(res.json()).toEqual({ id: 1, name: 'Ada', joined: '2024-05-01T10:00:00.000Z' })
    expect((await responses.inject('/users/2')).json()).toEqual({ detail: 'No such user' })
    const gone = await responses.inject({ method: 'DELETE', url: '/users/1' })
    expect([gone.statusCode, gone.body]).toEqual([204, ''])
  })

  it('response-kinds: HTML, text, redirects, files and streams', async () => {
    const home = await responseKinds.inject('/')
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(home.body).toBe('<h1>Welcome</h1>')
    expect((await responseKinds.inject('/robots.txt')).body).toBe('User-agent: *\nDisallow:')
    const moved = await responseKinds.inject('/old-home')
    expect([moved.statusCode, moved.headers.location]).toEqual([307, '/'])
    const login = await responseKinds.inject({ method: 'POST', url: '/login' })
    expect([login.statusCode, login.headers.location]).toEqual([303, '/account'])
    const logo = await responseKinds.inject('/logo')
    expect(logo.headers['content-type']).toBe('image/png')
    const cached = await responseKinds.inject({
      url: '/logo',
      headers: { 'if-none-match': String(logo.headers.etag) },
    })
    expect(cached.statusCode).toBe(304)
    const part = await responseKinds.inject({ url: '/logo', headers: { range: 'bytes=0-3' } })
    expect([part.statusCode, part.rawPayload.length]).toEqual([206, 4])
    const report = await responseKinds.inject('/report')
    expect(report.headers['content-disposition']).toBe('attachment; filename="logo 2025.png"')
    expect((await responseKinds.inject('/countdown/2')).body).toBe('2\n1\n0\n')
    const { paths } = (await responseKinds.inject('/openapi.json')).json()
    expect(Object.keys(paths['/'].get.responses['200'].content)).toEqual(['text/html'])
    expect(Object.keys(paths['/logo'].get.responses['200'].content)).toEqual(['image/png'])
    expect(paths['/old-home'].get.responses['307']).toEqual({ description: 'Successful Response' })
  })

  it('streams: JSON Lines and Server-Sent Events, items filtered, Last-Event-ID resumes', async () => {
    const lines = await streams.inject('/prices.jsonl')
    expect(lines.headers['content-type']).toBe('application/jsonl')
    expect(lines.body).toBe(
      '{"symbol":"ACME","price":10.5,"at":"2025-01-01T09:00:00.000Z"}\n' +
        '{"symbol":"ACME","price":10.75,"at":"2025-01-01T09:00:01.000Z"}\n',
    )
    const events = await streams.inject({ url: '/prices/events', headers: { 'last-event-id': '0' } })
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(events.body).toBe(
      'event: price\ndata: {"symbol":"ACME","price":10.75,"at":"2025-01-01T09:00:01.000Z"}\nid: 1\n\n',
    )
  })

  it('cookies-headers: signed cookies with options, headers from a dependency, documented', async () => {
    const login = await cookiesHeaders.inject({
      method: 'POST',
      url: '/login',
      payload: 'username=ada',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    const cookie = String(login.headers['set-cookie'])
    expect(cookie).toMatch(/^session=ada\.[^;]+; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Strict$/)
    const me = await cookiesHeaders.inject({
      url: '/me',
      headers: { cookie: cookie.split(';')[0] as string },
    })
    expect(me.json()).toEqual({ user: 'ada' })
    expect(me.headers['x-rate-limit']).toBe('99')
    const forged = await cookiesHeaders.inject({ url: '/me', headers: { cookie: 'session=ada' } })
    expect(forged.json()).toEqual({ user: null })
    const { paths } = (await cookiesHeaders.inject('/openapi.json')).json()
    expect(paths['/me'].get.responses['200'].headers).toEqual({
      'X-Rate-Limit': { schema: { type: 'integer' }, description: 'Requests left' },
    })
  })

  it('errors: HTTPException and a custom exception handler', async () => {
    const missing = await errors.inject({ method: 'POST', url: '/cart/unknown' })
    expect([missing.statusCode, missing.json(), missing.headers['x-error']]).toEqual([
      404,
      { detail: 'Product not found' },
      'product',
    ])
    const rare = await errors.inject({ method: 'POST', url: '/cart/rare' })
    expect([rare.statusCode, rare.json()]).toEqual([409, { detail: 'rare is out of stock', sku: 'rare' }])
  })

  it('docs: the document, its operationIds and components, and the pages', async () => {
    const document = (await docs.inject('/openapi.json')).json()
    expect(document.info).toEqual({ title: 'Shop', version: '2.0.0' })
    expect(document.tags).toEqual([{ name: 'items', description: 'What the shop sells' }])
    expect(Object.keys(document.paths)).toEqual(['/items/{item_id}', '/items'])
    expect(document.paths['/items/{item_id}'].get.operationId).toBe('get_items_item_id')
    expect(document.paths['/items'].post.operationId).toBe('createItem')
    expect(
      document.paths['/items/{item_id}'].get.responses['200'].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/Item',
    })
    expect(document.paths['/items/{item_id}'].get.responses['404'].description).toBe('No such item')
    expect(Object.keys(document.components.schemas)).toEqual([
      'HTTPValidationError',
      'Item',
      'ValidationError',
    ])
    expect((await docs.inject('/docs')).statusCode).toBe(200)
    expect((await docs.inject('/redoc')).statusCode).toBe(404)
  })

  it('dependencies: typed values, one 422 for every level, cleanup that commits or rolls back', async () => {
    const note = (text: string, token = 't0ken') =>
      dependencies.inject({
        method: 'POST',
        url: '/notes',
        headers: { authorization: `Bearer ${token}` },
        payload: { text },
      })
    expect((await note('hello')).json()).toEqual({ saved: true })
    expect(db.log).toEqual(['ada: hello'])
    expect((await note('')).statusCode).toBe(400)
    expect(db.log).toEqual(['ada: hello', 'rollback'])
    expect((await note('x', 'wrong')).statusCode).toBe(401)
    const missing = await dependencies.inject({ method: 'POST', url: '/notes', payload: {} })
    expect(missing.json().detail.map((item: { loc: unknown[] }) => item.loc)).toEqual([
      ['header', 'authorization'],
      ['body', 'text'],
    ])
  })

  it('routers: prefixes join, router dependencies guard every route', async () => {
    const headers = { 'x-token': 'secret' }
    expect((await routers.inject({ url: '/v1/items/3', headers })).json()).toEqual({ id: 3 })
    expect((await routers.inject({ url: '/v1/items/', headers: { 'x-token': 'no' } })).json()).toEqual({
      detail: 'X-Token header invalid',
    })
    // As in FastAPI, the router's '/' route is served at '/v1/items/'; '/v1/items' redirects there.
    const redirect = await routers.inject({ url: '/v1/items', headers })
    expect([redirect.statusCode, redirect.headers.location]).toEqual([307, 'http://localhost:80/v1/items/'])
    expect(routers.openapi().paths['/v1/items/{item_id}']?.get?.tags).toEqual(['items'])
  })

  it('background tasks and lifespan: the task runs after the response, the lifespan closes on close()', async () => {
    const res = await backgroundLifespan.inject({
      method: 'POST',
      url: '/signup',
      payload: { email: 'ada@example.com' },
    })
    expect([res.statusCode, res.json()]).toEqual([202, { queued: true }])
    await backgroundLifespan.close()
    expect(sent).toEqual(['ada@example.com: Welcome!', 'mailer closed'])
  })

  it('security and forms: the password flow, a protected route, a form body', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const bad = await security.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: 'username=alice&password=x',
    })
    expect([bad.statusCode, bad.json()]).toEqual([400, { detail: 'Incorrect username or password' }])
    const login = await security.inject({
      method: 'POST',
      url: '/token',
      headers: form,
      payload: 'username=alice&password=wonderland',
    })
    const token = login.json().access_token as string
    expect(
      (await security.inject({ url: '/users/me', headers: { authorization: `Bearer ${token}` } })).json(),
    ).toEqual({ username: 'alice' })
    const anonymous = await security.inject('/users/me')
    expect([anonymous.statusCode, anonymous.json(), anonymous.headers['www-authenticate']]).toEqual([
      401,
      { detail: 'Not authenticated' },
      'Bearer',
    ])
    const subscribed = await security.inject({
      method: 'POST',
      url: '/newsletter',
      headers: form,
      payload: 'email=ada@example.com&weekly=yes',
    })
    expect(subscribed.json()).toEqual({ subscribed: 'ada@example.com', weekly: true })
    const document = security.openapi()
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/token' } } },
    })
    expect(document.paths['/users/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
  })

  it('serving: a report within the handler deadline, 503 past it', async () => {
    expect((await serving.inject('/reports?pages=2')).json()).toEqual({ pages: 2 })
    const late = await serving.inject('/reports?pages=50')
    expect([late.statusCode, late.json()]).toEqual([503, { detail: 'Request timed out' }])
    // Past the app's 1 s, within the route's own 5 s.
    expect((await serving.inject('/exports?pages=12')).json()).toEqual({ pages: 12 })
    await serving.close()
  })

  it('validation: a writeOnly password is never echoed in a 422', async () => {
    const res = await validation.inject({ method: 'POST', url: '/signup', payload: { password: 'short' } })
    expect([res.statusCode, res.json()]).toEqual([
      422,
      {
        detail: [
          { type: 'missing', loc: ['body', 'email'], msg: 'Field required', input: {} },
          {
            type: 'string_too_short',
            loc: ['body', 'password'],
            msg: 'String should have at least 12 characters',
            ctx: { min_length: 12 },
          },
        ],
      },
    ])
    const ok = await validation.inject({
      method: 'POST',
      url: '/signup',
      payload: { email: 'ada@example.com', password: 'correct horse battery' },
    })
    expect([ok.statusCode, ok.json()]).toEqual([201, { email: 'ada@example.com' }])
  })
})

describe('uploads: files in a multipart form', () => {
  const image = new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })

  it('streams a file to a hash, next to a text field', async () => {
    const body = new FormData()
    body.append('user', 'alice')
    body.append('image', image, 'me.png')
    const res = await uploads.inject({ method: 'POST', url: '/avatars', body })
    expect(res.json()).toEqual({
      user: 'alice',
      filename: 'me.png',
      contentType: 'image/png',
      size: 4,
      sha256: createHash('sha256')
        .update(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
        .digest('hex'),
    })
  })

  it('answers a file over its maxSize with 413, a missing one with 422', async () => {
    const big = new FormData()
    big.append('user', 'alice')
    big.append('image', new Blob([Buffer.alloc(1024 * 1024 + 1)]), 'big.png')
    const tooLarge = await uploads.inject({ method: 'POST', url: '/avatars', body: big })
    expect([tooLarge.statusCode, tooLarge.json()]).toEqual([
      413,
      { detail: 'The file "image" is larger than the limit of 1048576 bytes' },
    ])
    const none = new FormData()
    none.append('user', 'alice')
    const missing = await uploads.inject({ method: 'POST', url: '/avatars', body: none })
    expect(missing.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'image'], msg: 'Field required', input: null }],
    })
  })

  it('takes several files of one field, at most 3, and an optional one', async () => {
    const body = new FormData()
    body.append('files', new Blob(['a']), 'a.txt')
    body.append('files', new Blob(['b']), 'b.txt')
    body.append('notes', new Blob(['read me']), 'notes.txt')
    const res = await uploads.inject({ method: 'POST', url: '/documents', body })
    expect(res.json()).toEqual({ names: ['a.txt', 'b.txt'], notes: 'read me' })
    for (const name of ['c.txt', 'd.txt']) body.append('files', new Blob(['x']), name)
    const tooMany = await uploads.inject({ method: 'POST', url: '/documents', body })
    expect([tooMany.statusCode, tooMany.json()]).toEqual([
      413,
      { detail: 'Too many files in the form: at most 3 are accepted' },
    ])
  })

  it('documents the files as multipart/form-data', async () => {
    await uploads.ready()
    const media = uploads.openapi().paths['/avatars']?.post?.requestBody?.content['multipart/form-data']
    expect(media?.schema).toMatchObject({
      properties: {
        image: { description: 'PNG or JPEG', type: 'string', contentMediaType: 'application/octet-stream' },
      },
    })
  })
})

describe('every example app’s OpenAPI document', () => {
  const apps = {
    'background-lifespan': backgroundLifespan,
    dependencies,
    docs,
    errors,
    'first-route': firstRoute,
    plugins,
    requests,
    responses,
    routers,
    security,
    validation,
    uploads,
  }
  for (const [name, app] of Object.entries(apps)) {
    it(`${name}: validates against the OpenAPI 3.1 schema, every $ref resolving`, async () => {
      await app.ready()
      await expectValid(app.openapi())
    })
  }
})
