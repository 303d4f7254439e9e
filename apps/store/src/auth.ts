/**
 * @module
 * The store's login: OAuth2's password flow with opaque tokens kept in the database. `POST /token` trades a
 * username and password for a token; routes that need a user depend on `currentUser`, which reads the
 * bearer token and answers 401 when it is missing or unknown.
 */
import { dependency, HTTPException, oauth2PasswordBearer } from 'fastbox'
import type { StoreDb } from './db.ts'

/** The bearer token, documented as OAuth2's password flow so Swagger UI's "Authorize" can log in. */
export const oauth2 = oauth2PasswordBearer({
  tokenUrl: '/token',
  description: 'Log in with a store account (alice / wonderland in the demo).',
})

/** The user whose token the request carries (401 without a valid one). */
export function currentUser(db: StoreDb) {
  return dependency({ deps: { token: oauth2 } }, ({ deps }) => {
    const user = db.userForToken(deps.token)
    if (user === undefined) {
      throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' })
    }
    return user
  })
}
