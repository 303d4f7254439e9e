// FastAPI's tests/test_tutorial/test_response_cookies/test_tutorial001.py, test_tutorial002.py and
// tests/test_tutorial/test_response_headers/test_tutorial001.py, test_tutorial002.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import { cookies, headers } from './response-cookies-headers.ts'

describe('response_cookies', () => {
  for (const url of ['/cookie/', '/cookie-and-object/']) {
    it(`${url} sets the cookie`, async () => {
      const res = await cookies.inject({ method: 'POST', url })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ message: 'Come to the dark side, we have cookies' })
      expect(res.cookies).toEqual([
        { name: 'fakesession', value: 'fake-cookie-session-value', path: '/', sameSite: 'Lax' },
      ])
    })
  }
})

describe('response_headers', () => {
  it('tutorial001: headers and the body', async () => {
    const res = await headers.inject('/headers/')
    expect(res.json()).toEqual({ message: 'Hello World' })
    expect(res.headers['x-cat-dog']).toBe('alone in the world')
    expect(res.headers['content-language']).toBe('en-US')
  })

  it('tutorial002: a header and the body', async () => {
    const res = await headers.inject('/headers-and-object/')
    expect(res.json()).toEqual({ message: 'Hello World' })
    expect(res.headers['x-cat-dog']).toBe('alone in the world')
  })
})
