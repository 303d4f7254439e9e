/**
 * The Fastify plugins apps add most often, registered on a Fastbox app's `app.fastify` (examples/plugins.ts):
 * @fastify/cors, @fastify/compress, @fastify/rate-limit and @fastify/helmet, each shown working on Fastbox's
 * routes, its error answers and its docs pages.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { app } from './plugins.ts'

const ORIGIN = 'https://shop.example'
// @fastify/rate-limit counts per client address: each test that counts uses an address of its own.
let nextAddress = 1
const address = () => `10.0.0.${nextAddress++}`

describe('@fastify/cors', () => {
  it('answers a preflight for a Fastbox route', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/products',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
      remoteAddress: address(),
    })
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN)
    expect(res.headers['access-control-allow-methods']).toContain('POST')
  })

  it('adds its headers to an answer and to a 422', async () => {
    const ok = await app.inject({ url: '/products', headers: { origin: ORIGIN }, remoteAddress: address() })
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN)
    const invalid = await app.inject({
      method: 'POST',
      url: '/products',
      headers: { origin: ORIGIN },
      payload: { name: '' },
      remoteAddress: address(),
    })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().detail[0]).toMatchObject({ type: 'string_too_short', loc: ['body', 'name'] })
    expect(invalid.headers['access-control-allow-origin']).toBe(ORIGIN)
  })

  it('leaves another origin without the header', async () => {
    const res = await app.inject({
      url: '/products',
      headers: { origin: 'https://elsewhere.example' },
      remoteAddress: address(),
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('@fastify/compress', () => {
  it.each([
    ['gzip', gunzipSync],
    ['br', brotliDecompressSync],
  ])('writes a Fastbox JSON answer with %s', async (encoding, decode) => {
    const plain = await app.inject({ url: '/products', remoteAddress: address() })
    expect(plain.headers['content-encoding']).toBeUndefined()
    const res = await app.inject({
      url: '/products',
      headers: { 'accept-encoding': encoding },
      remoteAddress: address(),
    })
    expect(res.headers['content-encoding']).toBe(encoding)
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4)
    const body = JSON.parse(decode(res.rawPayload).toString('utf8'))
    expect(body).toEqual(plain.json())
    expect(body).toHaveLength(50)
  })

  it('compresses the OpenAPI document', async () => {
    const res = await app.inject({
      url: '/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
      remoteAddress: address(),
    })
    expect(res.headers['content-encoding']).toBe('gzip')
    const document = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))
    expect(Object.keys(document.paths)).toEqual(['/products'])
  })
})

describe('@fastify/rate-limit', () => {
  it("answers 429 in FastAPI's {detail} shape, with Retry-After and the rate-limit headers", async () => {
    const client = address()
    for (let i = 0; i < 100; i++) {
      const res = await app.inject({ url: '/products', remoteAddress: client })
      expect(res.statusCode).toBe(200)
    }
    const limited = await app.inject({ url: '/products', remoteAddress: client })
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(limited.json()).toEqual({ detail: 'Rate limit exceeded, retry in 1 minute' })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.headers['x-ratelimit-limit']).toBe('100')
    expect(limited.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(0)
    // Another client is not limited.
    expect((await app.inject({ url: '/products', remoteAddress: address() })).statusCode).toBe(200)
  })
})

/** A Content-Security-Policy header as a map from directive to its sources. */
function parsePolicy(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string')
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

describe('@fastify/helmet', () => {
  it('adds its headers to Fastbox answers and errors', async () => {
    for (const url of ['/products', '/nowhere']) {
      const res = await app.inject({ url, remoteAddress: address() })
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(res.headers['strict-transport-security']).toContain('max-age=')
      expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    }
  })

  it.each(['/docs', '/redoc'])(
    'lets %s load: every script of the page is allowed by the policy',
    async (url) => {
      const res = await app.inject({ url, remoteAddress: address() })
      expect(res.statusCode).toBe(200)
      const policy = parsePolicy(res.headers['content-security-policy'])
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? []
      const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      expect(scripts.length).toBeGreaterThan(0)
      for (const [, attributes = '', content = ''] of scripts) {
        const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1]
        // No inline script (the policy has no 'unsafe-inline' and no hash for one) ...
        expect(src, `inline script ${content.slice(0, 40)}`).toBeDefined()
        // ... and every script from the app itself, which 'self' allows; each one is served.
        expect(src).toMatch(/^\/[^/]/)
        expect(scriptSrc).toContain("'self'")
        const asset = await app.inject({ url: src ?? '', remoteAddress: address() })
        expect(asset.statusCode).toBe(200)
      }
      // Swagger UI and ReDoc style their elements inline; ReDoc's search runs in a worker from a blob: URL.
      expect(policy.get('style-src')).toContain("'unsafe-inline'")
      expect(policy.get('worker-src')).toEqual(["'self'", 'blob:'])
      expect(policy.get('img-src')).toContain('data:')
    },
  )
})
