// FastAPI's "Response Cookies" and "Response Headers" tutorials, ported: docs_src/response_cookies/tutorial001_py310.py,
// tutorial002_py310.py and docs_src/response_headers/tutorial001_py310.py, tutorial002_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c. FastAPI's `Response` parameter is Fastify's `reply`,
// which handlers and dependencies receive; returning a `JSONResponse` with cookies or headers (tutorial001 of each)
// is the same `reply` calls before returning the body.
import { createApp } from 'fastbox'

/** response_cookies tutorial001, tutorial002: set a cookie, return the body. */
export const cookies = createApp()
  .post('/cookie/', {}, function createCookie({ reply }) {
    reply.setCookie('fakesession', 'fake-cookie-session-value')
    return { message: 'Come to the dark side, we have cookies' }
  })
  .post('/cookie-and-object/', {}, function createCookie({ reply }) {
    reply.setCookie('fakesession', 'fake-cookie-session-value')
    return { message: 'Come to the dark side, we have cookies' }
  })

/** response_headers tutorial001, tutorial002: set headers, return the body. */
export const headers = createApp()
  .get('/headers/', {}, function getHeaders({ reply }) {
    reply.headers({ 'X-Cat-Dog': 'alone in the world', 'Content-Language': 'en-US' })
    return { message: 'Hello World' }
  })
  .get('/headers-and-object/', {}, function getHeaders({ reply }) {
    reply.header('X-Cat-Dog', 'alone in the world')
    return { message: 'Hello World' }
  })
