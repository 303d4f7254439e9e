import { describe, expectTypeOf, test } from 'vitest'
import {
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  createApp,
  type Dependency,
  dependency,
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
  httpBasic,
  httpBearer,
  type OAuth2PasswordRequest,
  oauth2PasswordBearer,
  passwordRequestForm,
  withScopes,
} from '../../index.ts'

describe('security dependencies provide their credential', () => {
  test('typed by helper', () => {
    expectTypeOf(oauth2PasswordBearer({ tokenUrl: '/token' })).toEqualTypeOf<Dependency<string>>()
    expectTypeOf(httpBearer()).toEqualTypeOf<Dependency<HTTPAuthorizationCredentials>>()
    expectTypeOf(httpBasic({ realm: 'r' })).toEqualTypeOf<Dependency<HTTPBasicCredentials>>()
    expectTypeOf(apiKeyHeader({ name: 'k' })).toEqualTypeOf<Dependency<string>>()
    expectTypeOf(apiKeyQuery({ name: 'k' })).toEqualTypeOf<Dependency<string>>()
    expectTypeOf(apiKeyCookie({ name: 'k' })).toEqualTypeOf<Dependency<string>>()
    expectTypeOf(passwordRequestForm).toEqualTypeOf<Dependency<OAuth2PasswordRequest>>()
  })

  test('autoError: true changes nothing', () => {
    expectTypeOf(httpBearer({ autoError: true })).toEqualTypeOf<Dependency<HTTPAuthorizationCredentials>>()
    expectTypeOf(apiKeyHeader({ name: 'k', autoError: true })).toEqualTypeOf<Dependency<string>>()
  })

  test('autoError: false (or a boolean known at run time only) adds undefined', () => {
    expectTypeOf(oauth2PasswordBearer({ tokenUrl: '/t', autoError: false })).toEqualTypeOf<
      Dependency<string | undefined>
    >()
    expectTypeOf(httpBearer({ autoError: false })).toEqualTypeOf<
      Dependency<HTTPAuthorizationCredentials | undefined>
    >()
    expectTypeOf(httpBasic({ autoError: false })).toEqualTypeOf<
      Dependency<HTTPBasicCredentials | undefined>
    >()
    expectTypeOf(apiKeyCookie({ name: 'k', autoError: false })).toEqualTypeOf<
      Dependency<string | undefined>
    >()
    const strict = Math.random() > 0.5
    expectTypeOf(apiKeyQuery({ name: 'k', autoError: strict })).toEqualTypeOf<
      Dependency<string | undefined>
    >()
  })

  test('withScopes keeps the type', () => {
    const optional = oauth2PasswordBearer({ tokenUrl: '/t', autoError: false })
    expectTypeOf(withScopes(optional, ['me'])).toEqualTypeOf<Dependency<string | undefined>>()
  })

  test('reach the handler and other dependencies, typed', () => {
    const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token' })
    const currentUser = dependency({ deps: { token: oauth2 } }, ({ deps }) => {
      expectTypeOf(deps.token).toEqualTypeOf<string>()
      return { name: deps.token }
    })
    createApp().get(
      '/me',
      { deps: { user: currentUser, basic: httpBasic({ autoError: false }) } },
      ({ deps }) => {
        expectTypeOf(deps.user).toEqualTypeOf<{ name: string }>()
        expectTypeOf(deps.basic).toEqualTypeOf<HTTPBasicCredentials | undefined>()
        // @ts-expect-error possibly undefined with autoError: false
        deps.basic.username
        return null
      },
    )
  })

  test('misuse is refused', () => {
    // @ts-expect-error tokenUrl is required
    oauth2PasswordBearer({})
    // @ts-expect-error the key's name is required
    apiKeyHeader({})
    // @ts-expect-error not an option
    httpBearer({ realm: 'x' })
  })
})
