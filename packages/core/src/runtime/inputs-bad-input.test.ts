/**
 * A large invalid body: the 422 lists the first {@link MAX_ERROR_ITEMS} errors in FastAPI's order, however
 * many more the body holds (how little work that takes is measured by `bench/http/bad-input.ts`, not here).
 */
import { describe, expect, it } from 'vitest'
import type { App } from '../app/app.ts'
import { createApp, MAX_ERROR_ITEMS, t } from '../index.ts'

type Item = { loc: (string | number)[] } & Record<string, unknown>

// biome-ignore lint/suspicious/noExplicitAny: any app
async function post(app: App<any>, body: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/',
    payload: body,
    headers: { 'content-type': 'application/json' },
  })
  return { status: response.statusCode, detail: response.json().detail as Item[] }
}

describe('a large invalid body', () => {
  it('of 500,000 wrong items lists exactly the first 100 errors, in order, each with its raw input', async () => {
    const app = createApp().post(
      '/',
      { body: t.Object({ flags: t.Array(t.Boolean()), name: t.String() }) },
      () => 'never',
    )
    const { status, detail } = await post(app, JSON.stringify({ flags: Array(500_000).fill(2) }))
    expect(status).toBe(422)
    expect(detail).toHaveLength(MAX_ERROR_ITEMS)
    // The missing `name` is declared after `flags`: FastAPI lists it after all of their errors, past the cap.
    expect(detail).toEqual(
      Array.from({ length: MAX_ERROR_ITEMS }, (_, index) => ({
        type: 'bool_parsing',
        loc: ['body', 'flags', index],
        msg: 'Input should be a valid boolean, unable to interpret input',
        input: 2,
      })),
    )
  })

  it('lists each item object’s errors in declaration order, a converted value echoed as sent', async () => {
    const app = createApp().post(
      '/',
      { body: t.Array(t.Object({ id: t.Integer({ minimum: 10 }), name: t.String() })) },
      () => 'never',
    )
    // Each item: `"5"` converted to 5 (below the minimum, echoed as the text sent) and `name` missing.
    const { status, detail } = await post(app, JSON.stringify(Array(60_000).fill({ id: '5' })))
    expect(status).toBe(422)
    expect(detail).toHaveLength(MAX_ERROR_ITEMS)
    const itemErrors = (index: number) => [
      {
        type: 'greater_than_equal',
        loc: ['body', index, 'id'],
        msg: 'Input should be greater than or equal to 10',
        input: '5',
        ctx: { ge: 10 },
      },
      { type: 'missing', loc: ['body', index, 'name'], msg: 'Field required', input: { id: '5' } },
    ]
    expect(detail).toEqual(
      Array.from({ length: MAX_ERROR_ITEMS / 2 }, (_, index) => itemErrors(index)).flat(),
    )
  })
})
