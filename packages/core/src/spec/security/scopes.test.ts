/**
 * `withScopes`: the same security dependency, requiring scopes in the document.
 */
import { describe, expect, it } from 'vitest'
import { createApp, dependency, FastboxError, oauth2PasswordBearer, withScopes } from '../../index.ts'

describe('withScopes', () => {
  const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { items: 'Items.', me: 'Me.' } })

  it('keeps the scheme and function, and adds the scopes to those already required', () => {
    const scoped = withScopes(withScopes(oauth2, ['me']), ['items', 'me'])
    expect(scoped.fn).toBe(oauth2.fn)
    expect(scoped.spec).toBe(oauth2.spec)
    expect(scoped.security).toEqual({ ...oauth2.security, scopes: ['me', 'items'] })
    expect(oauth2.security?.scopes).toEqual([])
  })

  it('reads the credential as the original does', async () => {
    const app = createApp().get('/items', { deps: { token: withScopes(oauth2, ['items']) } }, ({ deps }) => ({
      token: deps.token,
    }))
    const ok = await app.inject({ url: '/items', headers: { authorization: 'Bearer t' } })
    expect(ok.json()).toEqual({ token: 't' })
    const missing = await app.inject('/items')
    expect([missing.statusCode, missing.headers['www-authenticate']]).toEqual([401, 'Bearer'])
  })

  it('refuses a dependency that documents no scheme', () => {
    expect(() =>
      withScopes(
        dependency(() => 1),
        ['x'],
      ),
    ).toThrowError(FastboxError)
  })
})
