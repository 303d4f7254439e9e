import { createApp, dependency, t } from 'fastbox'

// A dependency sets headers and cookies on the reply, as a handler does (FastAPI's `Response` parameter).
const rateLimit = dependency(({ reply }) => {
  reply.header('X-Rate-Limit', '99')
})

export const app = createApp({ cookieSecret: 'change me: a long random secret' })
  .post('/login', { form: { username: t.String() } }, ({ form, reply }) => {
    reply.setCookie('session', form.username, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      maxAge: 3600,
      signed: true,
    })
    return { message: `Welcome, ${form.username}` }
  })
  .get(
    '/me',
    {
      cookies: { session: t.Optional(t.String()) },
      dependencies: [rateLimit],
      responses: { 200: { headers: { 'X-Rate-Limit': t.Integer({ description: 'Requests left' }) } } },
    },
    ({ cookies, request }) => {
      const session = cookies.session === undefined ? undefined : request.unsignCookie(cookies.session)
      return { user: session?.valid === true ? session.value : null }
    },
  )
