import { fileURLToPath } from 'node:url'
import { createApp, fileResponse, html, redirect, stream, t, text } from 'fastbox'

const logo = fileURLToPath(new URL('./assets/logo.png', import.meta.url))

export const app = createApp()
  .get('/', { response: html() }, () => '<h1>Welcome</h1>')
  .get('/robots.txt', { response: text() }, () => 'User-agent: *\nDisallow:')
  .get('/old-home', { response: redirect() }, () => '/')
  .post('/login', { status: 303, response: redirect() }, () => '/account')
  .get('/logo', { response: fileResponse({ mediaType: 'image/png' }) }, () => logo)
  .get('/report', { response: fileResponse() }, () => ({ path: logo, filename: 'logo 2025.png' }))
  .get(
    '/countdown/{from}',
    { path: { from: t.Integer({ minimum: 0, maximum: 10 }) }, response: stream('text/plain') },
    async function* ({ path }) {
      for (let n = path.from; n >= 0; n--) yield `${n}\n`
    },
  )
