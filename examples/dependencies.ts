import { createApp, dependency, HTTPException, t } from 'fastbox'

const db = { users: new Map([['t0ken', { name: 'ada' }]]), log: [] as string[] }

const getDb = dependency(() => db)

const currentUser = dependency(
  { headers: { authorization: t.String() }, deps: { db: getDb } },
  ({ headers, deps }) => {
    const user = deps.db.users.get(headers.authorization.replace(/^Bearer /, ''))
    if (user === undefined) throw new HTTPException(401, 'Invalid token', { 'WWW-Authenticate': 'Bearer' })
    return user
  },
)

const transaction = dependency({ deps: { db: getDb } }, async function* ({ deps }) {
  const pending: string[] = []
  try {
    yield pending // the handler writes here
    deps.db.log.push(...pending) // commit after the handler
  } catch (error) {
    deps.db.log.push('rollback') // the handler failed: roll back, then let the error answer
    throw error
  }
})

export const app = createApp().post(
  '/notes',
  { body: t.Object({ text: t.String() }), deps: { user: currentUser, tx: transaction }, status: 201 },
  ({ body, deps }) => {
    if (body.text === '') throw new HTTPException(400, 'Empty note')
    deps.tx.push(`${deps.user.name}: ${body.text}`)
    return { saved: true }
  },
)

export { db }
