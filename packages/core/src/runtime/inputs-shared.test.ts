import { describe, expect, it } from 'vitest'
import { createApp, t } from '../index.ts'

const Cat = t.Object({ kind: t.Literal('cat'), lives: t.Integer() }, { $id: 'Cat' })
const Dog = t.Object({ kind: t.Literal('dog'), goodBoy: t.Boolean() }, { $id: 'Dog' })

describe('shared ($id) schemas in request bodies', () => {
  it('strips undeclared fields of a shared schema at every depth', async () => {
    const Owner = t.Object({ name: t.String(), pet: Cat }, { $id: 'Owner' })
    const app = createApp().post('/owners', { body: Owner }, ({ body }) => ({ body }))
    const res = await app.inject({
      method: 'POST',
      url: '/owners',
      payload: { name: 'Ann', role: 'admin', pet: { kind: 'cat', lives: 9, chip: 'x' } },
    })
    expect(res.json()).toEqual({ body: { name: 'Ann', pet: { kind: 'cat', lives: 9 } } })
  })

  it('keeps every field of the branch a union of shared schemas accepts', async () => {
    // Inside a union the shared schemas are validated loose: a failing first branch must not strip
    // the fields the second branch needs.
    const app = createApp().post('/pets', { body: t.Union([Cat, Dog]) }, ({ body }) => ({ body }))
    const res = await app.inject({ method: 'POST', url: '/pets', payload: { kind: 'dog', goodBoy: true } })
    expect(res.json()).toEqual({ body: { kind: 'dog', goodBoy: true } })
  })

  it('reports the errors of the branch that fits in a union of shared schemas', async () => {
    const app = createApp().post('/pets', { body: t.Union([Cat, Dog]) }, ({ body }) => ({ body }))
    const res = await app.inject({ method: 'POST', url: '/pets', payload: { kind: 'cat', lives: 'many' } })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toEqual([
      {
        type: 'int_parsing',
        loc: ['body', 'lives'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'many',
      },
    ])
  })
})

describe('path segments', () => {
  it('answers 404 for an empty path parameter, as no route matches it in FastAPI', async () => {
    const app = createApp().get('/items/{item_id}', ({ path }) => ({ id: path.item_id }))
    const res = await app.inject('/items/')
    expect([res.statusCode, res.json()]).toEqual([404, { detail: 'Not Found' }])
    expect((await app.inject('/items/a')).json()).toEqual({ id: 'a' })
  })
})

describe('parameter parts declared with a $id', () => {
  it('are expanded into parameters, not shared as a whole', async () => {
    const Filters = t.Object({ q: t.String(), limit: t.Integer({ default: 10 }) }, { $id: 'Filters' })
    const app = createApp().get('/search', { query: Filters }, ({ query }) => query)
    expect((await app.inject('/search?q=lamp')).json()).toEqual({ q: 'lamp', limit: 10 })
    expect(app.openapi().paths['/search']?.get?.parameters?.map((parameter) => parameter.name)).toEqual([
      'q',
      'limit',
    ])
  })
})
