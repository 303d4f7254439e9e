import { describe, expect, it } from 'vitest'
import { createApp, dependency, passwordRequestForm, t } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const VALIDATION_ERROR = {
  description: 'Validation Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
}

describe('form bodies', () => {
  it('documents the fields as an application/x-www-form-urlencoded request body', async () => {
    const app = createApp().post(
      '/login',
      { form: { username: t.String(), age: t.Integer({ minimum: 0 }), note: t.Optional(t.String()) } },
      () => null,
    )
    const doc = await documentOf(app)
    expect(doc.paths['/login']?.post).toEqual({
      summary: 'Post Login',
      operationId: 'post_login',
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['username', 'age'],
              properties: {
                username: { type: 'string' },
                age: { type: 'integer', minimum: 0 },
                note: { type: 'string' },
              },
            },
          },
        },
        required: true,
      },
      responses: {
        200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
        422: VALIDATION_ERROR,
      },
    })
    await expectValid(doc)
  })

  it('documents passwordRequestForm as FastAPI’s OAuth2PasswordRequestForm (fields with defaults optional)', async () => {
    const app = createApp().post('/token', { deps: { login: passwordRequestForm } }, () => null)
    const doc = await documentOf(app)
    expect(doc.paths['/token']?.post?.requestBody).toEqual({
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['username', 'password'],
            properties: {
              grant_type: { type: 'string', pattern: '^password$' },
              username: { type: 'string' },
              password: { type: 'string', format: 'password' },
              scope: { type: 'string', default: '' },
              client_id: { type: 'string' },
              client_secret: { type: 'string', format: 'password' },
            },
          },
        },
      },
      required: true,
    })
    expect(doc.paths['/token']?.post).not.toHaveProperty('security')
    await expectValid(doc)
  })

  it('merges the fields of the route and its dependencies', async () => {
    const extra = dependency({ form: { code: t.String() } }, ({ form }) => form.code)
    const app = createApp().post('/verify', { form: { user: t.String() }, deps: { extra } }, () => null)
    const schema = (await documentOf(app)).paths['/verify']?.post?.requestBody?.content[
      'application/x-www-form-urlencoded'
    ]?.schema
    expect(schema).toEqual({
      type: 'object',
      properties: { user: { type: 'string' }, code: { type: 'string' } },
      required: ['user', 'code'],
    })
  })

  it('leaves required out when no field is required', async () => {
    const app = createApp().post(
      '/search',
      { form: { q: t.Optional(t.String()), n: t.Integer({ default: 1 }) } },
      () => null,
    )
    const body = (await documentOf(app)).paths['/search']?.post?.requestBody
    expect(body).toEqual({
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { q: { type: 'string' }, n: { type: 'integer', default: 1 } },
          },
        },
      },
    })
    await expectValid(await documentOf(app))
  })

  it('writes a form declared with a $id inline: its properties are the fields', async () => {
    const Login = t.Object({ username: t.String(), password: t.String() }, { $id: 'Login' })
    const app = createApp().post('/login', { form: Login }, () => null)
    const doc = await documentOf(app)
    expect(doc.paths['/login']?.post?.requestBody).toEqual({
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['username', 'password'],
            properties: { username: { type: 'string' }, password: { type: 'string' } },
          },
        },
      },
      required: true,
    })
    await expectValid(doc)
  })
})
