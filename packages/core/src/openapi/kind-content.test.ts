/**
 * The OpenAPI document of response kinds (by media type, FastAPI's shapes where it has them; item streams as
 * OpenAPI 3.1 can say them), documented media types and response headers. Each document is checked by an
 * independent OpenAPI 3.1 validator.
 */
import { describe, expect, it } from 'vitest'
import { createApp, eventStream, fileResponse, html, jsonLines, redirect, stream, t, text } from '../index.ts'
import { documentOf, expectValid } from './test-support.ts'

const Tag = t.Object({ label: t.String() }, { $id: 'Tag' })
const Item = t.Object({ name: t.String(), tag: t.Optional(Tag) })

describe('response kinds in OpenAPI', () => {
  it('documents each kind under its media type', async () => {
    const app = createApp()
      .get('/page', { response: html() }, () => '<h1>Hi</h1>')
      .get('/plain', { response: text() }, () => 'Hello')
      .get('/csv', { response: text('text/csv') }, () => 'a,b')
      .get('/typer', { response: redirect() }, () => 'https://typer.tiangolo.com')
      .get('/pydantic', { status: 302, response: redirect() }, () => 'https://docs.pydantic.dev/')
      .get('/logo', { response: fileResponse({ mediaType: 'image/png' }) }, () => '/logo.png')
      .get('/download', { response: fileResponse() }, () => '/a.bin')
      .get('/video', { response: stream('video/mp4') }, () => ['x'])
    const doc = await documentOf(app)
    await expectValid(doc)
    const success = (path: string, status = '200') =>
      (doc.paths?.[path]?.get?.responses as Record<string, unknown> | undefined)?.[status]
    expect(success('/page')).toEqual({
      description: 'Successful Response',
      content: { 'text/html': { schema: { type: 'string' } } },
    })
    expect(success('/plain')).toEqual({
      description: 'Successful Response',
      content: { 'text/plain': { schema: { type: 'string' } } },
    })
    expect(success('/csv')).toEqual({
      description: 'Successful Response',
      content: { 'text/csv': { schema: { type: 'string' } } },
    })
    // As FastAPI's RedirectResponse: the status, no content.
    expect(success('/typer', '307')).toEqual({ description: 'Successful Response' })
    expect(success('/pydantic', '302')).toEqual({ description: 'Successful Response' })
    expect(success('/logo')).toEqual({
      description: 'Successful Response',
      content: { 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } },
    })
    expect(success('/download')).toEqual({
      description: 'Successful Response',
      content: {
        'application/octet-stream': {
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
      },
    })
    expect(success('/video')).toEqual({
      description: 'Successful Response',
      content: { 'video/mp4': { schema: { type: 'string', contentMediaType: 'video/mp4' } } },
    })
  })

  it('documents the items of JSON Lines and event streams, shared schemas as components', async () => {
    const app = createApp()
      .get('/items/stream', { response: jsonLines(Item) }, () => [])
      .get('/items/events', { response: eventStream(Item) }, () => [])
    const doc = await documentOf(app)
    await expectValid(doc)
    const item = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, tag: { $ref: '#/components/schemas/Tag' } },
    }
    expect(doc.paths?.['/items/stream']?.get?.responses?.['200']).toEqual({
      description: 'Successful Response',
      content: { 'application/jsonl': { schema: { type: 'array', items: item } } },
    })
    expect(doc.paths?.['/items/events']?.get?.responses?.['200']).toEqual({
      description: 'Successful Response',
      content: {
        'text/event-stream': {
          schema: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                data: { type: 'string', contentMediaType: 'application/json', contentSchema: item },
                event: { type: 'string' },
                id: { type: 'string' },
                retry: { type: 'integer', minimum: 0 },
              },
              required: ['data'],
            },
          },
        },
      },
    })
    expect(doc.components?.schemas?.Tag).toEqual({
      type: 'object',
      required: ['label'],
      properties: { label: { type: 'string' } },
    })
  })

  it('documents response headers, and a documented response under its media type', async () => {
    const app = createApp()
      .get(
        '/items',
        {
          response: t.Array(Item),
          responses: {
            200: { headers: { 'X-Rate-Limit': t.Integer({ description: 'Requests left this hour' }) } },
            429: {
              description: 'Too many requests',
              mediaType: 'text/plain',
              schema: t.String(),
              headers: { 'Retry-After': { schema: t.Integer(), description: 'Seconds to wait' } },
            },
          },
        },
        () => [],
      )
      .get('/logo', { response: fileResponse({ mediaType: 'image/png' }) }, () => '/logo.png')
    const doc = await documentOf(app)
    await expectValid(doc)
    const responses = doc.paths?.['/items']?.get?.responses as unknown as Record<
      string,
      Record<string, unknown>
    >
    expect(responses['200']?.headers).toEqual({
      'X-Rate-Limit': { schema: { type: 'integer' }, description: 'Requests left this hour' },
    })
    expect(Object.keys(responses['200']?.content as object)).toEqual(['application/json'])
    expect(responses['429']).toEqual({
      description: 'Too many requests',
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
      content: { 'text/plain': { schema: { type: 'string' } } },
    })
  })
})
