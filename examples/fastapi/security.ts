// FastAPI's "Security" tutorials, ported: docs_src/security/tutorial003_an_py310.py (simple OAuth2 with password
// and bearer) and tutorial005_an_py310.py (OAuth2 scopes, JWT), at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import {
  createApp,
  dependency,
  HTTPException,
  nullable,
  oauth2PasswordBearer,
  passwordRequestForm,
  status,
  t,
  withScopes,
} from 'fastbox'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'

interface UserInDB {
  username: string
  full_name: string | null
  email: string | null
  hashed_password: string
  disabled: boolean | null
}

// ---- tutorial003: the token is the username ("This doesn't provide any security at all").

const fakeUsersDb003: Record<string, UserInDB> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    hashed_password: 'fakehashedsecret',
    disabled: false,
  },
  alice: {
    username: 'alice',
    full_name: 'Alice Wonderson',
    email: 'alice@example.com',
    hashed_password: 'fakehashedsecret2',
    disabled: true,
  },
}

const fakeHashPassword = (password: string) => `fakehashed${password}`
const oauth2Scheme003 = oauth2PasswordBearer({ tokenUrl: 'token' })

const getCurrentUser003 = dependency({ deps: { token: oauth2Scheme003 } }, ({ deps }) => {
  const user = fakeUsersDb003[deps.token]
  if (user === undefined) {
    throw new HTTPException(status.HTTP_401_UNAUTHORIZED, 'Not authenticated', {
      'WWW-Authenticate': 'Bearer',
    })
  }
  return user
})

const getCurrentActiveUser003 = dependency({ deps: { user: getCurrentUser003 } }, ({ deps }) => {
  if (deps.user.disabled) throw new HTTPException(400, 'Inactive user')
  return deps.user
})

export const tutorial003 = createApp()
  .post('/token', { deps: { form: passwordRequestForm } }, function login({ deps }) {
    const user = fakeUsersDb003[deps.form.username]
    if (user === undefined) throw new HTTPException(400, 'Incorrect username or password')
    if (fakeHashPassword(deps.form.password) !== user.hashed_password) {
      throw new HTTPException(400, 'Incorrect username or password')
    }
    return { access_token: user.username, token_type: 'bearer' }
  })
  .get('/users/me', { deps: { currentUser: getCurrentActiveUser003 } }, function readUsersMe({ deps }) {
    return deps.currentUser
  })

// ---- tutorial005: JWT access tokens (jose, as PyJWT), hashed passwords, and scopes.

// FastAPI's key, so that the tokens its tests hold verify here too.
const SECRET_KEY = new TextEncoder().encode(
  '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7',
)
const ALGORITHM = 'HS256'
const ACCESS_TOKEN_EXPIRE_MINUTES = 30

// Difference: scrypt from node:crypto instead of pwdlib's Argon2 (a native package): `scrypt$salt$hash`.
const fakeUsersDb005: Record<string, UserInDB> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    hashed_password:
      'scrypt$b1f0c4a7d2e94f6a$a02a96b544575f9a61c2414ebeccd9b7c57c08b54952a357fb5002259a0d3019',
    disabled: false,
  },
  alice: {
    username: 'alice',
    full_name: 'Alice Chains',
    email: 'alicechains@example.com',
    hashed_password:
      'scrypt$5e2d8c1b9a7f3e60$16f39e2171c4e3bccfd2bdde4f2e3aab5c76e1eb05240597bd3dcfa69828f3c4',
    disabled: true,
  },
}

export function getPasswordHash(password: string): string {
  const salt = randomBytes(8).toString('hex')
  return `scrypt$${salt}$${scryptSync(password, salt, 32).toString('hex')}`
}

export function verifyPassword(plainPassword: string, hashedPassword: string): boolean {
  const [, salt = '', hash = ''] = hashedPassword.split('$')
  const expected = Buffer.from(hash, 'hex')
  const actual = scryptSync(plainPassword, salt, 32)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

// Checked when the user does not exist, so that the answer takes as long as for a wrong password.
const DUMMY_HASH = getPasswordHash('dummypassword')

function authenticateUser(username: string, password: string): UserInDB | false {
  const user = fakeUsersDb005[username]
  if (user === undefined) {
    verifyPassword(password, DUMMY_HASH)
    return false
  }
  return verifyPassword(password, user.hashed_password) ? user : false
}

export function createAccessToken(data: Record<string, unknown>, expiresMinutes = 15): Promise<string> {
  return new SignJWT(data)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setExpirationTime(`${expiresMinutes} minutes`)
    .sign(SECRET_KEY)
}

const oauth2Scheme005 = oauth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
})

const getCurrentUser005 = dependency(
  { deps: { token: oauth2Scheme005 } },
  async ({ deps, securityScopes }) => {
    const authenticateValue =
      securityScopes.scopes.length > 0 ? `Bearer scope="${securityScopes.scopeStr}"` : 'Bearer'
    const credentialsException = new HTTPException(
      status.HTTP_401_UNAUTHORIZED,
      'Could not validate credentials',
      {
        'WWW-Authenticate': authenticateValue,
      },
    )
    let payload: Record<string, unknown>
    try {
      payload = (await jwtVerify(deps.token, SECRET_KEY, { algorithms: [ALGORITHM] })).payload
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw credentialsException
      throw error
    }
    const username = payload.sub
    if (typeof username !== 'string') throw credentialsException
    const tokenScopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : []
    const user = fakeUsersDb005[username]
    if (user === undefined) throw credentialsException
    for (const scope of securityScopes.scopes) {
      if (!tokenScopes.includes(scope)) {
        throw new HTTPException(status.HTTP_401_UNAUTHORIZED, 'Not enough permissions', {
          'WWW-Authenticate': authenticateValue,
        })
      }
    }
    return user
  },
)

const getCurrentActiveUser005 = dependency(
  { deps: { currentUser: withScopes(getCurrentUser005, ['me']) } },
  ({ deps }) => {
    if (deps.currentUser.disabled) throw new HTTPException(400, 'Inactive user')
    return deps.currentUser
  },
)

const Token = t.Object({ access_token: t.String(), token_type: t.String() }, { $id: 'Token' })
const User = t.Object(
  {
    username: t.String(),
    email: t.Optional(nullable(t.String())),
    full_name: t.Optional(nullable(t.String())),
    disabled: t.Optional(nullable(t.Boolean())),
  },
  { $id: 'User' },
)

export const tutorial005 = createApp()
  .post(
    '/token',
    { deps: { form: passwordRequestForm }, response: Token },
    async function loginForAccessToken({ deps }) {
      const user = authenticateUser(deps.form.username, deps.form.password)
      if (!user) throw new HTTPException(400, 'Incorrect username or password')
      const accessToken = await createAccessToken(
        { sub: user.username, scope: deps.form.scopes.join(' ') },
        ACCESS_TOKEN_EXPIRE_MINUTES,
      )
      return { access_token: accessToken, token_type: 'bearer' }
    },
  )
  .get(
    '/users/me/',
    { deps: { currentUser: getCurrentActiveUser005 }, response: User },
    function readUsersMe({ deps }) {
      return deps.currentUser
    },
  )
  .get(
    '/users/me/items/',
    { deps: { currentUser: withScopes(getCurrentActiveUser005, ['items']) } },
    function readOwnItems({ deps }) {
      return [{ item_id: 'Foo', owner: deps.currentUser.username }]
    },
  )
  .get('/status/', { deps: { currentUser: getCurrentUser005 } }, function readSystemStatus() {
    return { status: 'ok' }
  })
