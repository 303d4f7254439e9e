import { describe, expect, it } from 'vitest'
import { createApp } from '../index.ts'
import { NO_DEADLINE, routeDeadline } from './route-deadline.ts'

describe('routeDeadline', () => {
  it('passes a route’s deadline to Fastify, 0 as the longest timer, nothing when unset', () => {
    expect(routeDeadline(undefined, 'GET /')).toEqual({})
    expect(routeDeadline(250, 'GET /')).toEqual({ handlerTimeout: 250 })
    expect(routeDeadline(0, 'GET /')).toEqual({ handlerTimeout: NO_DEADLINE })
  })

  it.each([-1, 1.5, Number.NaN, 2 ** 31])('rejects %s when the route is declared', (value) => {
    expect(() => createApp().get('/', { handlerTimeout: value }, () => null)).toThrow(
      expect.objectContaining({
        code: 'FASTBOX_ERR_INVALID_SPEC',
        message: expect.stringContaining('GET /'),
      }),
    )
  })
})
