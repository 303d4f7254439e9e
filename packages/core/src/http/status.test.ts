import { STATUS_CODES } from 'node:http'
import { describe, expect, it } from 'vitest'
import { type BodylessStatus, isBodylessStatus, reasonPhrase, status } from './status.ts'

/** Exactly the members of {@link BodylessStatus}: the type checker rejects a missing or extra one. */
const BODYLESS: Record<BodylessStatus, true> = {
  100: true,
  101: true,
  102: true,
  103: true,
  204: true,
  205: true,
  304: true,
}

describe('isBodylessStatus', () => {
  it.each(Object.entries(status))('%s (the function agrees with the BodylessStatus type)', (_name, code) => {
    expect(isBodylessStatus(code)).toBe(code in BODYLESS)
  })

  it.each([150, 199])('counts every informational status, named or not (%i)', (code) => {
    expect(isBodylessStatus(code)).toBe(true)
  })
})

describe('reasonPhrase', () => {
  it.each([
    [200, 'OK'],
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [503, 'Service Unavailable'],
    // The overrides: FastAPI's phrases (RFC 9110) where Node's are older, and the teapot Fastbox always sent.
    [413, 'Content Too Large'],
    [418, "I'm a teapot"],
    [422, 'Unprocessable Content'],
  ])('%i → %s', (code, phrase) => {
    expect(reasonPhrase(code)).toBe(phrase)
  })

  it("is Node's STATUS_CODES everywhere else", () => {
    const others = Object.keys(STATUS_CODES)
      .map(Number)
      .filter((code) => ![413, 418, 422].includes(code))
    for (const code of others) expect(reasonPhrase(code)).toBe(STATUS_CODES[code])
  })

  it.each([99, 299, 404.5, 600])('has none for %s', (code) => {
    expect(reasonPhrase(code)).toBeUndefined()
  })
})
