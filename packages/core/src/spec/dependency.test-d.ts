import { describe, expectTypeOf, test } from 'vitest'
import { createApp, createLifespan, type Dependency, dependency, t } from '../index.ts'

interface User {
  id: number
  name: string
}
interface Tx {
  commit(): Promise<void>
}

const getUser = dependency((): User => ({ id: 1, name: 'ada' }))
const getUserAsync = dependency(async (): Promise<User> => ({ id: 1, name: 'ada' }))
const transaction = dependency(async function* () {
  const tx: Tx = { commit: async () => {} }
  yield tx
  await tx.commit()
})
const syncResource = dependency(function* () {
  yield 42
})

describe('dependency values', () => {
  test('are typed from sync, async and generator functions', () => {
    expectTypeOf(getUser).toEqualTypeOf<Dependency<User>>()
    expectTypeOf(getUserAsync).toEqualTypeOf<Dependency<User>>()
    expectTypeOf(transaction).toEqualTypeOf<Dependency<Tx>>()
    expectTypeOf(syncResource).toEqualTypeOf<Dependency<number>>()
  })

  test('reach the handler as ctx.deps, by name', () => {
    createApp().get('/', { deps: { user: getUserAsync, tx: transaction, n: syncResource } }, ({ deps }) => {
      expectTypeOf(deps).toEqualTypeOf<{ user: User; tx: Tx; n: number }>()
      expectTypeOf(deps).not.toBeAny()
      // @ts-expect-error not a declared dependency
      deps.missing
      return null
    })
  })

  test('a route without deps has empty deps', () => {
    createApp().get('/', ({ deps }) => {
      expectTypeOf(deps).toEqualTypeOf<{}>()
      return null
    })
  })
})

describe('dependency context', () => {
  test('types its own request parts and sub-dependencies', () => {
    const current = dependency(
      {
        headers: { authorization: t.String() },
        query: { verbose: t.Optional(t.Boolean()) },
        deps: { user: getUser },
      },
      ({ headers, query, deps, path }) => {
        expectTypeOf(headers.authorization).toEqualTypeOf<string>()
        expectTypeOf(query.verbose).toEqualTypeOf<boolean | undefined>()
        expectTypeOf(deps.user).toEqualTypeOf<User>()
        expectTypeOf(path).toEqualTypeOf<{}>()
        return { ...deps.user, token: headers.authorization }
      },
    )
    expectTypeOf(current).toEqualTypeOf<Dependency<{ token: string; id: number; name: string }>>()
  })

  test('lifespan state is a typed dependency', () => {
    const lifespan = createLifespan(async function* () {
      yield { db: { query: (sql: string) => sql.length } }
    })
    const getDb = dependency({ deps: { state: lifespan.state } }, ({ deps }) => deps.state.db)
    expectTypeOf(getDb).toEqualTypeOf<Dependency<{ query: (sql: string) => number }>>()
  })
})

describe('background.add', () => {
  test('checks the arguments against the function', () => {
    const send = (to: string, retries: number) => `${to}${retries}`
    createApp().post('/', ({ background }) => {
      background.add(send, 'ada@example.com', 3)
      // @ts-expect-error a number where a string is expected
      background.add(send, 1, 3)
      // @ts-expect-error a missing argument
      background.add(send, 'ada@example.com')
      // @ts-expect-error one argument too many
      background.add(send, 'ada@example.com', 3, true)
      return null
    })
    dependency(({ background }) => {
      // @ts-expect-error in dependencies too
      background.add(send)
    })
  })
})
