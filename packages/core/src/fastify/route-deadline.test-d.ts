import { describe, it } from 'vitest'
import { createApp, createRouter } from '../index.ts'

describe('handlerTimeout option', () => {
  it('takes milliseconds on a route and a router', () => {
    createApp().get('/', { handlerTimeout: 5_000 }, () => null)
    createRouter({ handlerTimeout: 0 })
    // @ts-expect-error a number of milliseconds, not a duration text
    createApp().get('/', { handlerTimeout: '5s' }, () => null)
    // @ts-expect-error a number of milliseconds, not a duration text
    createRouter({ handlerTimeout: '5s' })
  })
})
