/**
 * The HTTP scenarios: one request each, which every server answers with the same status and body. `check`
 * verifies a server's answer once before it is measured, so the servers are known to do equivalent work.
 */

export interface Scenario {
  id: string
  title: string
  method: 'GET' | 'POST'
  path: string
  body?: string
  status: number
  check: (body: unknown) => boolean
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A user as the response schema declares it: no `passwordHash`, `internalNotes` or `createdBy`. */
const isFilteredUser = (value: unknown): boolean =>
  isRecord(value) &&
  Object.keys(value).sort().join(',') === 'active,email,id,name' &&
  typeof value.id === 'number'

export const ITEM_BODY = {
  name: 'Lamp',
  price: 19.5,
  count: 3,
  active: true,
  tags: ['home', 'light'],
  note: 'fragile',
}

/**
 * A body that breaks four rules at once (too short, below the minimum, not an integer, a field missing): every
 * server answers 422 listing all four, as FastAPI does.
 */
export const INVALID_ITEM_BODY = { name: '', price: -1, count: 'many', tags: ['home'] }

/** A 422 body listing one item per broken rule of `INVALID_ITEM_BODY`, each located in the body. */
const isFourBodyErrors = (body: unknown): boolean =>
  isRecord(body) &&
  Array.isArray(body.detail) &&
  body.detail.length === 4 &&
  body.detail.every((item) => isRecord(item) && Array.isArray(item.loc) && item.loc[0] === 'body')

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'hello',
    title: 'hello world',
    method: 'GET',
    path: '/hello',
    status: 200,
    check: (body) => isRecord(body) && body.hello === 'world',
  },
  {
    id: 'params',
    title: 'path + query params',
    method: 'GET',
    path: '/items/42?q=lamp&limit=5',
    status: 200,
    check: (body) => isRecord(body) && body.id === 42 && body.q === 'lamp' && body.limit === 5,
  },
  {
    id: 'body',
    title: 'JSON body validation',
    method: 'POST',
    path: '/items',
    body: JSON.stringify(ITEM_BODY),
    status: 201,
    check: (body) => isRecord(body) && body.id === 1 && body.name === 'Lamp' && body.note === 'fragile',
  },
  {
    id: 'invalid-body',
    title: 'JSON body failing validation (422)',
    method: 'POST',
    path: '/items',
    body: JSON.stringify(INVALID_ITEM_BODY),
    status: 422,
    check: isFourBodyErrors,
  },
  {
    id: 'filter-one',
    title: 'response filtering (1 object)',
    method: 'GET',
    path: '/users/7',
    status: 200,
    check: isFilteredUser,
  },
  {
    id: 'filter-list',
    title: 'response filtering (100 items)',
    method: 'GET',
    path: '/users',
    status: 200,
    check: (body) => Array.isArray(body) && body.length === 100 && body.every(isFilteredUser),
  },
  {
    id: 'deps',
    title: 'two chained dependencies',
    method: 'GET',
    path: '/deps',
    status: 200,
    check: (body) => isRecord(body) && body.user_id === 1 && body.db === 'main',
  },
]
