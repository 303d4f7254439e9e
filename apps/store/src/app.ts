/**
 * @module
 * The demo store API, built only with Fastbox's public API.
 */
import { createApp, HTTPException, passwordRequestForm, status, t } from 'fastbox'
import { currentUser } from './auth.ts'
import { type StoreDb, seededDb } from './db.ts'
import { Item, ItemCreate, ItemUpdate, NotFound, Token, User, UserCreate } from './schemas.ts'

/** Raised when an order asks for more than is in stock; answered 409 by its exception handler. */
export class OutOfStock extends Error {
  constructor(
    readonly itemId: number,
    readonly available: number,
  ) {
    super(`Only ${available} left of item ${itemId}`)
  }
}

export function buildApp(db: StoreDb = seededDb()) {
  const user = currentUser(db)
  const app = createApp({
    title: 'Fastbox Store',
    version: '1.0.0',
    description: 'A demo store: items and users.',
    tags: [
      { name: 'items', description: 'What the store sells, and buying it.' },
      { name: 'users', description: 'Customer accounts.' },
    ],
  })
    .get(
      '/items',
      {
        summary: 'List items',
        tags: ['items'],
        query: {
          q: t.Optional(t.String({ description: 'Text to look for in the name' })),
          tag: t.Optional(t.Array(t.String())),
          in_stock: t.Optional(t.Boolean()),
          skip: t.Integer({ minimum: 0, default: 0 }),
          limit: t.Integer({ minimum: 1, maximum: 100, default: 10 }),
        },
        response: t.Array(Item),
      },
      ({ query }) => {
        const needle = query.q?.toLowerCase()
        return [...db.items.values()]
          .filter((item) => needle === undefined || item.name.toLowerCase().includes(needle))
          .filter((item) => query.tag === undefined || query.tag.every((tag) => item.tags.includes(tag)))
          .filter((item) => query.in_stock === undefined || item.stock > 0 === query.in_stock)
          .slice(query.skip, query.skip + query.limit)
      },
    )
    .get(
      '/items/{item_id}',
      {
        summary: 'Read an item',
        tags: ['items'],
        path: { item_id: t.Integer({ minimum: 1 }) },
        response: { 200: Item, 404: NotFound },
      },
      ({ path, respond }) => {
        const item = db.items.get(path.item_id)
        return item ?? respond(404, { detail: `Item ${path.item_id} not found` })
      },
    )
    .post(
      '/items',
      {
        summary: 'Create an item',
        tags: ['items'],
        body: ItemCreate,
        status: status.HTTP_201_CREATED,
        response: Item,
      },
      ({ body }) => db.addItem({ ...body, tags: body.tags ?? [] }),
    )
    .patch(
      '/items/{item_id}',
      {
        summary: 'Update an item',
        tags: ['items'],
        path: { item_id: t.Integer({ minimum: 1 }) },
        body: ItemUpdate,
        response: { 200: Item, 404: NotFound },
      },
      ({ path, body }) => {
        const item = db.items.get(path.item_id)
        if (item === undefined) throw new HTTPException(404, `Item ${path.item_id} not found`)
        const updated = { ...item, ...body }
        db.items.set(item.id, updated)
        return updated
      },
    )
    .delete(
      '/items/{item_id}',
      {
        summary: 'Delete an item',
        tags: ['items'],
        path: { item_id: t.Integer({ minimum: 1 }) },
        status: 204,
      },
      ({ path }) => {
        if (!db.items.delete(path.item_id)) throw new HTTPException(404, `Item ${path.item_id} not found`)
      },
    )
    .post(
      '/items/{item_id}/purchase',
      {
        summary: 'Buy some of an item',
        tags: ['items'],
        path: { item_id: t.Integer({ minimum: 1 }) },
        body: t.Object({ quantity: t.Integer({ minimum: 1 }) }),
        response: Item,
      },
      ({ path, body }) => {
        const item = db.items.get(path.item_id)
        if (item === undefined) throw new HTTPException(404, `Item ${path.item_id} not found`)
        if (item.stock < body.quantity) throw new OutOfStock(item.id, item.stock)
        item.stock -= body.quantity
        return item
      },
    )
    .post(
      '/users',
      {
        summary: 'Register a user',
        tags: ['users'],
        body: UserCreate,
        status: 201,
        response: { 201: User, 409: t.Object({ detail: t.String() }) },
      },
      ({ body, respond }) => {
        if (db.findUserByName(body.username)) return respond(409, { detail: 'Username already taken' })
        // The record holds a password hash; the `User` schema keeps it out of the answer.
        return db.addUser(body)
      },
    )
    .post(
      '/token',
      {
        summary: 'Log in for an access token',
        tags: ['users'],
        deps: { login: passwordRequestForm },
        response: Token,
        responses: { 400: { description: 'Incorrect username or password' } },
      },
      ({ deps }) => {
        const account = db.authenticate(deps.login.username, deps.login.password)
        if (account === undefined) throw new HTTPException(400, 'Incorrect username or password')
        return { access_token: db.issueToken(account), token_type: 'bearer' }
      },
    )
    .get(
      '/users/me',
      {
        summary: 'Read the logged-in user',
        tags: ['users'],
        deps: { user },
        response: User,
        responses: { 401: { description: 'Not authenticated, or the token is not valid' } },
      },
      ({ deps }) => deps.user,
    )
    .get(
      '/users/{user_id}',
      { summary: 'Read a user', tags: ['users'], path: { user_id: t.Integer() }, response: User },
      ({ path }) => {
        const user = db.users.get(path.user_id)
        if (user === undefined) throw new HTTPException(404, 'User not found')
        return user
      },
    )

  app.exceptionHandler(OutOfStock, (error, { reply }) =>
    reply.status(409).send({ detail: error.message, item_id: error.itemId, available: error.available }),
  )
  return app
}

export type StoreApp = ReturnType<typeof buildApp>
