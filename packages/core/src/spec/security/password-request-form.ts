/**
 * @module
 * `passwordRequestForm`: FastAPI's `OAuth2PasswordRequestForm`, the form an OAuth2 client (Swagger UI's
 * "Authorize" dialog among them) posts to the token URL of the password flow.
 */
import { Type } from '@sinclair/typebox'
import { type Dependency, dependency } from '../dependency.ts'

/** The fields of an OAuth2 password request, as the token route reads them. */
export interface OAuth2PasswordRequest {
  /** `'password'` when the client sends it (it is optional, as in FastAPI's non-strict form). */
  grantType: string | undefined
  username: string
  password: string
  /** The `scope` field split on whitespace: `'items me'` → `['items', 'me']`. */
  scopes: string[]
  clientId: string | undefined
  clientSecret: string | undefined
}

/**
 * Reads an OAuth2 password request from an `application/x-www-form-urlencoded` body: `grant_type`
 * (`password`, optional), `username`, `password`, `scope` (space-separated, default `''`), `client_id`,
 * `client_secret`. A missing field is a 422 with `loc: ["body", "<field>"]`.
 *
 * @example
 * app.post('/token', { deps: { login: passwordRequestForm } }, ({ deps }) => issueToken(deps.login))
 */
export const passwordRequestForm: Dependency<OAuth2PasswordRequest> = dependency(
  {
    form: {
      grant_type: Type.Optional(Type.String({ pattern: '^password$' })),
      username: Type.String(),
      // `format: password` makes docs pages mask the field.
      password: Type.String({ format: 'password' }),
      scope: Type.String({ default: '' }),
      client_id: Type.Optional(Type.String()),
      client_secret: Type.Optional(Type.String({ format: 'password' })),
    },
  },
  ({ form }): OAuth2PasswordRequest => ({
    grantType: form.grant_type,
    username: form.username,
    password: form.password,
    scopes: form.scope.split(/\s+/).filter((scope) => scope !== ''),
    clientId: form.client_id,
    clientSecret: form.client_secret,
  }),
)
