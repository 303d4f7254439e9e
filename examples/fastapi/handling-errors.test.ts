// FastAPI's tests/test_tutorial/test_handling_errors/test_tutorial001.py ... test_tutorial006.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { describe, expect, it } from 'vitest'
import {
  logged,
  tutorial001,
  tutorial002,
  tutorial003,
  tutorial004,
  tutorial005,
  tutorial006,
} from './handling-errors.ts'

describe('handling_errors tutorial001 and tutorial002', () => {
  it('an item', async () => {
    const res = await tutorial001.inject('/items/foo')
    expect([res.statusCode, res.json()]).toEqual([200, { item: 'The Foo Wrestlers' }])
    const header = await tutorial002.inject('/items-header/foo')
    expect([header.statusCode, header.json()]).toEqual([200, { item: 'The Foo Wrestlers' }])
  })

  it('404, without and with a header', async () => {
    const res = await tutorial001.inject('/items/bar')
    expect([res.statusCode, res.json(), res.headers['x-error']]).toEqual([
      404,
      { detail: 'Item not found' },
      undefined,
    ])
    const header = await tutorial002.inject('/items-header/bar')
    expect([header.statusCode, header.json(), header.headers['x-error']]).toEqual([
      404,
      { detail: 'Item not found' },
      'There goes my error',
    ])
  })
})

describe('handling_errors tutorial003', () => {
  it('a unicorn', async () => {
    const res = await tutorial003.inject('/unicorns/shinny')
    expect([res.statusCode, res.json()]).toEqual([200, { unicorn_name: 'shinny' }])
  })

  it('the custom exception handler', async () => {
    const res = await tutorial003.inject('/unicorns/yolo')
    expect(res.statusCode).toBe(418)
    expect(res.json()).toEqual({ message: 'Oops! yolo did something. There goes a rainbow...' })
  })
})

describe('handling_errors tutorial004', () => {
  it('a validation error as plain text, 400', async () => {
    const res = await tutorial004.inject('/items/foo')
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Validation errors:')
    expect(res.body).toContain("Field: ('path', 'item_id')")
  })

  it('an HTTP error as plain text', async () => {
    const res = await tutorial004.inject('/items/3')
    expect(res.statusCode).toBe(418)
    expect(res.body).toBe("Nope! I don't like 3.")
  })

  it('an item', async () => {
    const res = await tutorial004.inject('/items/2')
    expect([res.statusCode, res.json()]).toEqual([200, { item_id: 2 }])
  })
})

describe('handling_errors tutorial005', () => {
  it('the 422 carries the body as sent', async () => {
    const res = await tutorial005.inject({
      method: 'POST',
      url: '/items/',
      payload: { title: 'towel', size: 'XL' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['body', 'size'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'XL',
        },
      ],
      body: { title: 'towel', size: 'XL' },
    })
  })

  it('an item', async () => {
    const data = { title: 'towel', size: 5 }
    const res = await tutorial005.inject({ method: 'POST', url: '/items/', payload: data })
    expect([res.statusCode, res.json()]).toEqual([200, data])
  })
})

describe('handling_errors tutorial006', () => {
  it('a validation error: logged, then the default answer', async () => {
    const res = await tutorial006.inject('/items/foo')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'item_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'foo',
        },
      ],
    })
    expect(logged.at(-1)).toMatch(/^OMG! The client sent invalid data!/)
  })

  it('an HTTP error: logged, then the default answer', async () => {
    const res = await tutorial006.inject('/items/3')
    expect([res.statusCode, res.json()]).toEqual([418, { detail: "Nope! I don't like 3." }])
    expect(logged.at(-1)).toMatch(/^OMG! An HTTP error!/)
  })

  it('an item', async () => {
    const res = await tutorial006.inject('/items/2')
    expect([res.statusCode, res.json()]).toEqual([200, { item_id: 2 }])
  })
})
