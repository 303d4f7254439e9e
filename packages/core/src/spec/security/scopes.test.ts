/**
 * `withScopes`: FastAPI's `Security(dependency, scopes=[...])`, on a scheme or on any dependency built on one.
 */
import { describe, expect, it } from 'vitest'
import { createApp, dependency, HTTPException, oauth2PasswordBearer, withScopes } from '../../index.ts'

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { items: 'Items.', me: 'Me.' } })

/** FastAPI's tutorial: the user's scopes come with the token ("alice:items me"). */
const currentUser = dependency({ deps: { token: oauth2 } }, ({ deps, securityScopes }) => {
  const [name = '', granted = ''] = deps.token.split(':')
  for (const scope of securityScopes.scopes) {
    if (!granted.split(' ').includes(scope)) {
      throw new HTTPException(401, 'Not enough permissions', {
        'WWW-Authenticate': `Bearer scope="${securityScopes.scopeStr}"`,
      })
    }
  }
  return { name, required: securityScopes.scopes }
})

const activeUser = dependency({ deps: { user: withScopes(currentUser, ['me']) } }, ({ deps }) => deps.user)

/** An operation's `security` in the document. */
function security(app: { openapi: ReturnType<typeof createApp>['openapi'] }, path: string) {
  return (app.openapi().paths[path]?.get as { security?: unknown } | undefined)?.security
}

describe('withScopes', () => {
  it('reads the credential as the scheme does, and documents the scopes on the scheme', async () => {
    const app = createApp().get(
      '/token-only',
      { deps: { token: withScopes(oauth2, ['items']) } },
      ({ deps }) => ({
        token: deps.token,
      }),
    )
    const ok = await app.inject({ url: '/token-only', headers: { authorization: 'Bearer t' } })
    expect(ok.json()).toEqual({ token: 't' })
    const missing = await app.inject('/token-only')
    expect([missing.statusCode, missing.headers['www-authenticate']]).toEqual([401, 'Bearer'])
    expect(security(app, '/token-only')).toEqual([{ OAuth2PasswordBearer: ['items'] }])
  })

  it('works on a dependency built on a scheme: the scopes add up along the graph (securityScopes)', async () => {
    const app = createApp()
      .get('/users/me', { deps: { user: activeUser } }, ({ deps }) => deps.user)
      .get('/users/me/items', { deps: { user: withScopes(activeUser, ['items']) } }, ({ deps }) => deps.user)
    const me = await app.inject({ url: '/users/me', headers: { authorization: 'Bearer alice:me' } })
    expect(me.json()).toEqual({ name: 'alice', required: ['me'] })
    const items = await app.inject({ url: '/users/me/items', headers: { authorization: 'Bearer alice:me' } })
    expect(items.statusCode).toBe(401)
    expect(items.headers['www-authenticate']).toBe('Bearer scope="items me"')
    const both = await app.inject({
      url: '/users/me/items',
      headers: { authorization: 'Bearer alice:items me' },
    })
    expect(both.json()).toEqual({ name: 'alice', required: ['items', 'me'] })
    expect(security(app, '/users/me')).toEqual([{ OAuth2PasswordBearer: ['me'] }])
    expect(security(app, '/users/me/items')).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }])
  })

  it('gives each use its own cached value when the scopes differ, and one when they are the same', async () => {
    let runs = 0
    const counted = dependency(({ securityScopes }) => {
      runs++
      return securityScopes.scopeStr
    })
    const app = createApp().get(
      '/',
      {
        deps: {
          plain: counted,
          again: counted,
          a: withScopes(counted, ['a']),
          a2: withScopes(counted, ['a']),
          ab: withScopes(withScopes(counted, ['a']), ['b']),
        },
      },
      ({ deps }) => deps,
    )
    // The outer use's scopes come first, as FastAPI lists a route's scopes before its dependencies'.
    expect((await app.inject('/')).json()).toEqual({ plain: '', again: '', a: 'a', a2: 'a', ab: 'b a' })
    expect(runs).toBe(3)
  })

  it('is reached by an override of the dependency it names', async () => {
    const app = createApp().get('/users/me', { deps: { user: activeUser } }, ({ deps }) => deps.user)
    app.dependencyOverrides.set(
      currentUser,
      dependency(({ securityScopes }) => ({ name: 'test', required: securityScopes.scopes })),
    )
    const res = await app.inject('/users/me')
    expect(res.json()).toEqual({ name: 'test', required: ['me'] })
  })
})
