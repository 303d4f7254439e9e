import { describe, expectTypeOf, it } from 'vitest'
import { createApp, t } from '../index.ts'

describe('app.fastify', () => {
  it('types plain Fastify routes from TypeBox schemas (@fastify/type-provider-typebox)', () => {
    const app = createApp()
    app.fastify.get(
      '/plain/:id',
      {
        schema: {
          params: t.Object({ id: t.Integer() }),
          querystring: t.Object({ q: t.Optional(t.String()) }),
          response: { 200: t.Object({ id: t.Integer() }) },
        },
      },
      async (request) => {
        expectTypeOf(request.params.id).toEqualTypeOf<number>()
        expectTypeOf(request.query.q).toEqualTypeOf<string | undefined>()
        return { id: request.params.id }
      },
    )
    app.fastify.post('/plain', { schema: { body: t.Object({ name: t.String() }) } }, async (request) => {
      expectTypeOf(request.body.name).toEqualTypeOf<string>()
      // @ts-expect-error: the body schema declares no `age`
      request.body.age
      return null
    })
  })
})
