/**
 * @module
 * `/users`: registering, and reading one's own account (no one reads another's).
 */
import { createRouter } from 'fastbox'
import { hashPassword } from '../auth/passwords.ts'
import { users } from '../db/tables.ts'
import type { StoreDependencies } from '../dependencies.ts'
import { toUser } from '../records.ts'
import { ErrorDetail, User, UserCreate } from '../schemas.ts'
import { BODY_TOO_LARGE } from './common.ts'

export function usersRouter(d: StoreDependencies) {
  return createRouter({ prefix: '/users', tags: ['users'] })
    .post(
      '/',
      {
        summary: 'Register a user',
        body: UserCreate,
        deps: { tx: d.transaction },
        status: 201,
        response: { 201: User, 409: ErrorDetail },
        responses: BODY_TOO_LARGE,
      },
      async ({ body, deps, respond }) => {
        const [user] = await deps.tx
          .insert(users)
          .values({
            username: body.username,
            email: body.email,
            fullName: body.full_name ?? null,
            passwordHash: await hashPassword(body.password),
          })
          .onConflictDoNothing({ target: users.username })
          .returning()
        if (user === undefined) return respond(409, { detail: 'Username already registered' })
        return toUser(user)
      },
    )
    .get(
      '/me',
      { summary: 'Read the signed-in user', deps: { user: d.currentUser }, response: User },
      ({ deps }) => toUser(deps.user),
    )
}
