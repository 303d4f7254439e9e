/** Data the servers answer with: users carry fields that the response schemas leave out. */

export interface StoredUser {
  id: number
  name: string
  email: string
  active: boolean
  passwordHash: string
  internalNotes: string
  createdBy: number
}

export function storedUser(id: number): StoredUser {
  return {
    id,
    name: `User ${id}`,
    email: `user${id}@example.com`,
    active: id % 2 === 0,
    passwordHash: '$2b$12$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ',
    internalNotes: 'never sent',
    createdBy: 1,
  }
}

export const USERS: StoredUser[] = Array.from({ length: 100 }, (_, i) => storedUser(i + 1))

/** The two chained dependencies: a database handle, then the current user read through it. */
export interface Db {
  name: string
}
export interface CurrentUser {
  id: number
  db: string
}
export const getDb = (): Db => ({ name: 'main' })
export const getCurrentUser = (db: Db): CurrentUser => ({ id: 1, db: db.name })

/** The port a server listens on (given by the runner, which picked a free one). */
export function portFromArgs(): number {
  const port = Number(process.argv[2] ?? process.env.PORT)
  if (!Number.isInteger(port) || port <= 0) throw new Error('usage: <server> <port>')
  return port
}
