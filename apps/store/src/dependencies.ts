/**
 * @module
 * The dependencies every router uses: the database session, a transaction per writing request, the signed-in
 * user and the admin guard. They read the store's running state (its database and token keys), which the app's
 * lifespan opens at start-up, so they are made for one app.
 */

import { eq } from 'drizzle-orm'
import { dependency, HTTPException, type Lifespan, oauth2PasswordBearer } from 'fastbox'
import type { TokenService } from './auth/tokens.ts'
import type { StoreDatabase } from './db/database.ts'
import { users } from './db/tables.ts'
import { beginTransaction } from './db/transaction.ts'

/** What the app's lifespan opens before the first request and closes on shutdown. */
export interface StoreState {
  readonly database: StoreDatabase
  readonly tokens: TokenService
}

export type UserRecord = typeof users.$inferSelect

/** The bearer token, documented as OAuth2's password flow so Swagger UI's "Authorize" can log in. */
export const oauth2 = oauth2PasswordBearer({
  tokenUrl: '/token',
  description: 'Log in with a store account (alice / wonderland in the demo).',
})

export function storeDependencies(lifespan: Lifespan<StoreState>) {
  /** The database, for requests that only read. */
  const database = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.database.db)

  const tokens = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.tokens)

  /**
   * One transaction for the request: committed after the handler, rolled back when it fails (its error then
   * answers as usual). Declare it after `currentUser` in a route's `deps`, so the user is read before it opens
   * (PGlite runs one transaction at a time, and a query outside it would wait for it).
   */
  const transaction = dependency({ deps: { db: database } }, async function* ({ deps }) {
    const tx = await beginTransaction(deps.db)
    try {
      yield tx.session
    } catch (error) {
      await tx.rollback()
      throw error
    }
    await tx.commit()
  })

  /** The user the bearer token names: 401 when the token is missing, forged, expired, or its user is gone. */
  const currentUser = dependency(
    { deps: { token: oauth2, tokens, db: database } },
    async ({ deps }): Promise<UserRecord> => {
      const id = await deps.tokens.userId(deps.token)
      const [user] = id === undefined ? [] : await deps.db.select().from(users).where(eq(users.id, id))
      if (user === undefined || !user.isActive) {
        throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' })
      }
      return user
    },
  )

  /** The signed-in user, who must be an admin: 403 otherwise. */
  const adminUser = dependency({ deps: { user: currentUser } }, ({ deps }) => {
    if (!deps.user.isAdmin) throw new HTTPException(403, 'Not enough permissions')
    return deps.user
  })

  return { database, tokens, transaction, currentUser, adminUser }
}

export type StoreDependencies = ReturnType<typeof storeDependencies>
