// FastAPI's "Custom Response" tutorials, ported: docs_src/custom_response/tutorial002_py310.py ... tutorial009b_py310.py,
// at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c. Left out: tutorial001, 001b and 009c (other JSON
// serializers: Fastbox writes JSON with Fastify's) and 010 (`default_response_class`: Fastbox declares the kind
// per route).
import { createReadStream } from 'node:fs'
import { setImmediate } from 'node:timers/promises'
import { createApp, fileResponse, html, redirect, stream, text } from 'fastbox'

const htmlContent = `
    <html>
        <head>
            <title>Some HTML in here</title>
        </head>
        <body>
            <h1>Look ma! HTML!</h1>
        </body>
    </html>
    `

/** tutorial002 (and 003, 004, which return an `HTMLResponse`): the route says its response is HTML. */
export const tutorial002 = createApp().get('/items/', { response: html() }, function readItems() {
  return htmlContent
})

/** tutorial005: plain text. */
export const tutorial005 = createApp().get('/', { response: text() }, function main() {
  return 'Hello World'
})

/** tutorial006 and 006b: a redirect, 307 by default. */
export const tutorial006 = createApp()
  .get('/typer', { response: redirect() }, function redirectTyper() {
    return 'https://typer.tiangolo.com'
  })
  .get('/fastapi', { response: redirect() }, function redirectFastapi() {
    return 'https://fastapi.tiangolo.com'
  })

/** tutorial006c: another redirect status. */
export const tutorial006c = createApp().get(
  '/pydantic',
  { status: 302, response: redirect() },
  function redirectPydantic() {
    return 'https://docs.pydantic.dev/'
  },
)

/** tutorial007: a stream from an async generator. */
export const tutorial007 = createApp().get('/', { response: stream() }, async function* main() {
  for (let i = 0; i < 10; i++) {
    yield 'some fake video bytes'
    await setImmediate()
  }
})

/** tutorial008: a file streamed with its media type. */
export function tutorial008(someFilePath: string) {
  return createApp().get('/', { response: stream('video/mp4') }, function main() {
    return createReadStream(someFilePath)
  })
}

/** tutorial009 and 009b: a file response (type from the extension, ETag, Last-Modified, ranges). */
export function tutorial009(someFilePath: string) {
  return createApp().get('/', { response: fileResponse() }, function main() {
    return someFilePath
  })
}
