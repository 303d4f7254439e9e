// FastAPI's tests/test_tutorial/test_custom_response/test_tutorial002.py ... test_tutorial009b.py, translated, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { App } from 'fastbox'
import { describe, expect, it } from 'vitest'
import {
  tutorial002,
  tutorial005,
  tutorial006,
  tutorial006c,
  tutorial007,
  tutorial008,
  tutorial009,
} from './custom-response.ts'

const video = join(mkdtempSync(join(tmpdir(), 'fastbox-video-')), 'large-video-file.mp4')
writeFileSync(video, 'fake video bytes')

async function document(app: App<unknown>) {
  await app.ready()
  return app.openapi()
}

describe('custom_response', () => {
  it('tutorial002: HTML, documented as text/html', async () => {
    const res = await tutorial002.inject('/items/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<h1>Look ma! HTML!</h1>')
    expect((await document(tutorial002)).paths?.['/items/']?.get?.responses).toEqual({
      200: { description: 'Successful Response', content: { 'text/html': { schema: { type: 'string' } } } },
    })
  })

  it('tutorial005: plain text', async () => {
    const res = await tutorial005.inject('/')
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(res.body).toBe('Hello World')
    expect((await document(tutorial005)).paths?.['/']?.get?.responses).toEqual({
      200: { description: 'Successful Response', content: { 'text/plain': { schema: { type: 'string' } } } },
    })
  })

  it('tutorial006, 006b: 307 redirects', async () => {
    const typer = await tutorial006.inject('/typer')
    expect(typer.statusCode).toBe(307)
    expect(typer.headers.location).toBe('https://typer.tiangolo.com')
    const fastapi = await tutorial006.inject('/fastapi')
    expect(fastapi.statusCode).toBe(307)
    expect(fastapi.headers.location).toBe('https://fastapi.tiangolo.com')
    // FastAPI documents the route's status with no content.
    expect((await document(tutorial006)).paths?.['/fastapi']?.get?.responses).toEqual({
      307: { description: 'Successful Response' },
    })
  })

  it('tutorial006c: a 302 redirect', async () => {
    const res = await tutorial006c.inject('/pydantic')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('https://docs.pydantic.dev/')
    expect((await document(tutorial006c)).paths?.['/pydantic']?.get?.responses).toEqual({
      302: { description: 'Successful Response' },
    })
  })

  it('tutorial007: a streamed body', async () => {
    const res = await tutorial007.inject('/')
    expect(res.body).toBe('some fake video bytes'.repeat(10))
  })

  it('tutorial008: a file streamed as video/mp4', async () => {
    const res = await tutorial008(video).inject('/')
    expect(res.headers['content-type']).toBe('video/mp4')
    expect(res.body).toBe('fake video bytes')
  })

  it('tutorial009, 009b: a file response', async () => {
    const res = await tutorial009(video).inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('video/mp4')
    expect(res.body).toBe('fake video bytes')
    expect(res.headers['content-length']).toBe('16')
  })
})
