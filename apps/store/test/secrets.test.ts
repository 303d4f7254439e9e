/**
 * Passwords, their hashes and the token signing key never appear in a response or a log line, with logging on
 * at its most verbose level.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { InjectOptions } from 'fastify'
import { afterAll, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { bearer, FORM } from './support/store.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'store-secrets-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('sends and logs no password, hash or signing key', async () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const app = buildApp({ dataDir, app: { fastify: { logger: { level: 'trace', stream } } } })
  await app.ready()
  const answers: string[] = []
  const send = async (options: InjectOptions) => {
    const res = await app.inject(options)
    answers.push(JSON.stringify(res.headers), res.body)
    return res
  }
  const password = 'sw0rdfish-and-chips'
  try {
    await send({
      method: 'POST',
      url: '/users/',
      payload: { username: 'secretive', email: 's@example.com', password },
    })
    await send({
      method: 'POST',
      url: '/users/',
      payload: { username: 'secretive', email: 's@example.com', password },
    })
    await send({
      method: 'POST',
      url: '/users/',
      payload: { username: 'Bad Name', email: 'nope', password: 'tiny-pw' },
    })
    await send({ method: 'POST', url: '/users/', payload: [{ password }] })
    await send({
      method: 'POST',
      url: '/token',
      headers: FORM,
      payload: `username=secretive&password=${password}x`,
    })
    await send({
      method: 'POST',
      url: '/token',
      headers: FORM,
      payload: 'username=alice&password=wonderland-not',
    })
    const login = await send({
      method: 'POST',
      url: '/token',
      headers: FORM,
      payload: `username=secretive&password=${password}`,
    })
    const alice = await send({
      method: 'POST',
      url: '/token',
      headers: FORM,
      payload: 'username=alice&password=wonderland',
    })
    const token = login.json().access_token as string
    await send({ url: '/users/me', headers: bearer(token) })
    await send({ url: '/users/me', headers: bearer(`${token}x`) })
    await send({
      method: 'POST',
      url: '/orders/',
      headers: bearer(token),
      payload: { item_id: 1, quantity: 1 },
    })
    await send({
      method: 'POST',
      url: '/orders/',
      headers: bearer(token),
      payload: { item_id: 3, quantity: 1 },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await send({ url: '/admin/audit', headers: bearer(alice.json().access_token) })
    await send({ url: '/openapi.json' })

    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8')
    const forbidden = [password, 'tiny-pw', 'wonderland', '$argon2', 'argon2id', secret, token]
    const log = lines.join('')
    // Logging was on: an access line per request, and the store's own warning for each failed sign-in.
    expect(lines.length).toBeGreaterThanOrEqual(answers.length / 2 + 2)
    expect(log).toContain('"msg":"Failed sign-in"')
    for (const text of forbidden) {
      expect(log, `the log holds ${text}`).not.toContain(text)
    }
    // The token is the answer of the sign-in, so only that answer may hold it; alice's password is the demo's,
    // printed in the document's description for anyone to try.
    const responses = answers.join('\n')
    for (const text of [password, 'tiny-pw', '$argon2', 'argon2id', secret]) {
      expect(responses, `a response holds ${text}`).not.toContain(text)
    }
  } finally {
    await app.close()
  }
}, 120_000)
