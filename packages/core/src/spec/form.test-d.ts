import { describe, expectTypeOf, test } from 'vitest'
import { createApp, dependency, type RouteInput, t } from '../index.ts'

describe('ctx.form', () => {
  test('is typed from a record of schemas, like query', () => {
    createApp().post(
      '/login',
      {
        form: {
          username: t.String(),
          age: t.Integer(),
          tags: t.Array(t.String()),
          note: t.Optional(t.String()),
        },
      },
      ({ form, body }) => {
        expectTypeOf(form).toEqualTypeOf<{ username: string; age: number; tags: string[]; note?: string }>()
        expectTypeOf(form).not.toBeAny()
        expectTypeOf(body).toEqualTypeOf<undefined>()
        // @ts-expect-error not a declared field
        form.password
        return null
      },
    )
  })

  test('is typed from a TypeBox object', () => {
    createApp().post('/', { form: t.Object({ n: t.Number() }) }, ({ form }) => {
      expectTypeOf(form).toEqualTypeOf<{ n: number }>()
      return null
    })
  })

  test('is empty when the spec declares none', () => {
    createApp().get('/', ({ form }) => {
      expectTypeOf(form).toEqualTypeOf<{}>()
      return null
    })
  })

  test('is typed in dependencies that declare one', () => {
    const login = dependency({ form: { username: t.String() } }, ({ form }) => {
      expectTypeOf(form).toEqualTypeOf<{ username: string }>()
      return form.username
    })
    createApp().post('/', { deps: { login } }, ({ deps }) => {
      expectTypeOf(deps.login).toEqualTypeOf<string>()
      return null
    })
  })

  test('is part of the route’s input in the app’s type', () => {
    type Spec = { readonly form: { readonly username: ReturnType<typeof t.String> } }
    expectTypeOf<RouteInput<'/login', Spec>['form']>().toEqualTypeOf<{ username: string }>()
  })
})
