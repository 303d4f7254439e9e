import { randomUUID } from 'node:crypto'
import { createApp, dependency, HTTPException, oauth2PasswordBearer, passwordRequestForm, t } from 'fastbox'

const passwords = new Map([['alice', 'wonderland']])
const tokens = new Map<string, string>() // token → username

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token' })
const currentUser = dependency({ deps: { token: oauth2 } }, ({ deps }) => {
  const username = tokens.get(deps.token)
  if (username === undefined) {
    throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' })
  }
  return { username }
})

// Open /docs, click "Authorize" and log in as alice / wonderland: Swagger UI posts the form to /token.
export const app = createApp({ title: 'Login demo' })
  .post('/token', { deps: { login: passwordRequestForm } }, ({ deps }) => {
    const { username, password } = deps.login
    if (passwords.get(username) !== password) throw new HTTPException(400, 'Incorrect username or password')
    const token = randomUUID()
    tokens.set(token, username)
    return { access_token: token, token_type: 'bearer' }
  })
  .get('/users/me', { deps: { user: currentUser } }, ({ deps }) => deps.user)
  .post(
    '/newsletter',
    { form: { email: t.String({ format: 'email' }), weekly: t.Boolean({ default: false }) } },
    ({ form }) => ({ subscribed: form.email, weekly: form.weekly }),
  )
