/**
 * @module
 * An in-memory database, so the demo runs with nothing to install. Stored records carry fields the API
 * never shows (a user's password hash): the response schemas keep them out of every answer.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export interface ItemRecord {
  id: number
  name: string
  description?: string
  price: number
  tags: string[]
  stock: number
  createdAt: Date
}

export interface UserRecord {
  id: number
  username: string
  email: string
  fullName?: string
  passwordHash: string
}

export class StoreDb {
  readonly items = new Map<number, ItemRecord>()
  readonly users = new Map<number, UserRecord>()
  /** Access tokens handed out by `POST /token`, to the id of their user. Opaque: the map is the truth. */
  readonly tokens = new Map<string, number>()
  #nextItemId = 1
  #nextUserId = 1

  addItem(fields: Omit<ItemRecord, 'id' | 'createdAt'>): ItemRecord {
    const item: ItemRecord = { ...fields, id: this.#nextItemId++, createdAt: new Date() }
    this.items.set(item.id, item)
    return item
  }

  addUser(fields: Omit<UserRecord, 'id' | 'passwordHash'> & { password: string }): UserRecord {
    const { password, ...rest } = fields
    const user: UserRecord = { ...rest, id: this.#nextUserId++, passwordHash: hashPassword(password) }
    this.users.set(user.id, user)
    return user
  }

  findUserByName(username: string): UserRecord | undefined {
    for (const user of this.users.values()) if (user.username === username) return user
    return undefined
  }

  /** The user with these credentials, if they are right. */
  authenticate(username: string, password: string): UserRecord | undefined {
    const user = this.findUserByName(username)
    // Compared in constant time, so the answer's timing tells nothing about the hash.
    const matches =
      user !== undefined &&
      timingSafeEqual(Buffer.from(user.passwordHash, 'hex'), Buffer.from(hashPassword(password), 'hex'))
    return matches ? user : undefined
  }

  /** A new random access token for `user`. */
  issueToken(user: UserRecord): string {
    const token = randomBytes(24).toString('base64url')
    this.tokens.set(token, user.id)
    return token
  }

  /** The user a token was issued to, if the token is known and the user still exists. */
  userForToken(token: string): UserRecord | undefined {
    const id = this.tokens.get(token)
    return id === undefined ? undefined : this.users.get(id)
  }
}

function hashPassword(password: string): string {
  return createHash('sha256').update(password).digest('hex')
}

/** A database with a few items, as the demo starts. */
export function seededDb(): StoreDb {
  const db = new StoreDb()
  db.addItem({
    name: 'Keyboard',
    description: 'Mechanical, 87 keys',
    price: 89.9,
    tags: ['hardware'],
    stock: 12,
  })
  db.addItem({ name: 'Mouse', price: 25, tags: ['hardware'], stock: 40 })
  db.addItem({ name: 'USB cable', price: 4.5, tags: [], stock: 0 })
  db.addUser({
    username: 'alice',
    email: 'alice@example.com',
    fullName: 'Alice Liddell',
    password: 'wonderland',
  })
  return db
}
