// FastAPI's "Dependencies" tutorials, ported: docs_src/dependencies/tutorial001_an_py310.py, tutorial004_an_py310.py,
// tutorial005_an_py310.py, tutorial006_an_py310.py, tutorial008b_an_py310.py, tutorial008c_an_py310.py,
// tutorial011_an_py310.py and tutorial012_an_py310.py, at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, dependency, HTTPException, nullable, t } from 'fastbox'

/** tutorial001: a function dependency with query parameters, shared by two routes. */
const commonParameters = dependency(
  { query: { q: nullable(t.String()), skip: t.Integer({ default: 0 }), limit: t.Integer({ default: 100 }) } },
  ({ query }) => ({ q: query.q, skip: query.skip, limit: query.limit }),
)

export const tutorial001 = createApp()
  .get('/items/', { deps: { commons: commonParameters } }, function readItems({ deps }) {
    return deps.commons
  })
  .get('/users/', { deps: { commons: commonParameters } }, function readUsers({ deps }) {
    return deps.commons
  })

/**
 * tutorial004: `class CommonQueryParams` used as `Depends()`. A Fastbox dependency is a function; this one
 * builds the class's instance.
 */
class CommonQueryParams {
  constructor(
    readonly q: string | null,
    readonly skip: number,
    readonly limit: number,
  ) {}
}

const fakeItemsDb = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]

export const tutorial004 = createApp().get(
  '/items/',
  {
    deps: {
      commons: dependency(
        {
          query: {
            q: nullable(t.String()),
            skip: t.Integer({ default: 0 }),
            limit: t.Integer({ default: 100 }),
          },
        },
        ({ query }) => new CommonQueryParams(query.q, query.skip, query.limit),
      ),
    },
  },
  function readItems({ deps: { commons } }) {
    return {
      ...(commons.q ? { q: commons.q } : {}),
      items: fakeItemsDb.slice(commons.skip, commons.skip + commons.limit),
    }
  },
)

/** tutorial005: sub-dependencies, a query parameter or else a cookie. */
const queryExtractor = dependency({ query: { q: nullable(t.String()) } }, ({ query }) => query.q)
const queryOrCookieExtractor = dependency(
  { deps: { q: queryExtractor }, cookies: { last_query: nullable(t.String()) } },
  ({ deps, cookies }) => (deps.q ? deps.q : cookies.last_query),
)

export const tutorial005 = createApp().get(
  '/items/',
  { deps: { queryOrDefault: queryOrCookieExtractor } },
  function readQuery({ deps }) {
    return { q_or_cookie: deps.queryOrDefault }
  },
)

/** tutorial006 and tutorial012: dependencies run for their effect, on a route and on the whole app. */
const verifyToken = dependency({ headers: { x_token: t.String() } }, ({ headers }) => {
  if (headers.x_token !== 'fake-super-secret-token') throw new HTTPException(400, 'X-Token header invalid')
})
const verifyKey = dependency({ headers: { x_key: t.String() } }, ({ headers }) => {
  if (headers.x_key !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid')
  return headers.x_key
})

export const tutorial006 = createApp().get(
  '/items/',
  { dependencies: [verifyToken, verifyKey] },
  function readItems() {
    return [{ item: 'Foo' }, { item: 'Bar' }]
  },
)

export const tutorial012 = createApp({ dependencies: [verifyToken, verifyKey] })
  .get('/items/', function readItems() {
    return [{ item: 'Portal Gun' }, { item: 'Plumbus' }]
  })
  .get('/users/', function readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }]
  })

/** tutorial008b: a dependency with yield turns the handler's error into an HTTPException. */
const data: Record<string, { description: string; owner: string }> = {
  plumbus: { description: 'Freshly pickled plumbus', owner: 'Morty' },
  'portal-gun': { description: 'Gun to create portals', owner: 'Rick' },
}

class OwnerError extends Error {}

const getUsername = dependency(function* () {
  try {
    yield 'Rick'
  } catch (error) {
    if (error instanceof OwnerError) throw new HTTPException(400, `Owner error: ${error.message}`)
    throw error
  }
})

export const tutorial008b = createApp().get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, deps: { username: getUsername } },
  function getItem({ path, deps }) {
    const item = data[path.item_id]
    if (item === undefined) throw new HTTPException(404, 'Item not found')
    if (item.owner !== deps.username) throw new OwnerError(deps.username)
    return item
  },
)

/** tutorial008c: a dependency with yield that catches the handler's error and does not raise it again. */
class InternalError extends Error {}

export const swallowed: string[] = []
const getUsernameSwallowing = dependency(function* () {
  try {
    yield 'Rick'
  } catch (error) {
    if (!(error instanceof InternalError)) throw error
    swallowed.push("Oops, we didn't raise again, Britney 😱")
  }
})

// Silent: the 500 it answers would log the error's stack in the test output.
export const tutorial008c = createApp({ logLevel: 'silent' }).get(
  '/items/{item_id}',
  { path: { item_id: t.String() }, deps: { username: getUsernameSwallowing } },
  function getItem({ path, deps }) {
    if (path.item_id === 'portal-gun') {
      throw new InternalError(`The portal gun is too dangerous to be owned by ${deps.username}`)
    }
    if (path.item_id !== 'plumbus')
      throw new HTTPException(404, "Item not found, there's only a plumbus here")
    return path.item_id
  },
)

/**
 * tutorial011: a parameterised dependency (FastAPI: an instance of a callable class). In Fastbox, a function
 * that makes the dependency.
 */
function fixedContentQueryChecker(fixedContent: string) {
  return dependency({ query: { q: t.String({ default: '' }) } }, ({ query }) =>
    query.q ? query.q.includes(fixedContent) : false,
  )
}

const checker = fixedContentQueryChecker('bar')

export const tutorial011 = createApp().get(
  '/query-checker/',
  { deps: { fixedContentIncluded: checker } },
  function readQueryCheck({ deps }) {
    return { fixed_content_in_query: deps.fixedContentIncluded }
  },
)
