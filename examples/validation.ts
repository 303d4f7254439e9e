import { createApp, t } from 'fastbox'

const SignUp = t.Object({
  email: t.String({ format: 'email' }),
  // Never echoed in a 422: neither in its own error nor inside the body echoed by another one.
  password: t.String({ minLength: 12, writeOnly: true }),
})

export const app = createApp().post('/signup', { body: SignUp, status: 201 }, ({ body }) => ({
  email: body.email,
}))
